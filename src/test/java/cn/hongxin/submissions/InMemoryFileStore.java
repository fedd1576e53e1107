package cn.hongxin.submissions;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import cn.hongxin.files.FilePurpose;
import cn.hongxin.files.FileStore;
import cn.hongxin.files.StoredFile;
import cn.hongxin.shared.UserFacingException;

/**
 * A FileStore for the submissions tests while the files module has no implementation: kept in memory,
 * "image" when the content starts with the PNG or JPEG signature. {@code @Primary}, so it wins over the
 * real store once that exists. Import it with {@code @Import(InMemoryFileStore.Configuration.class)}.
 */
class InMemoryFileStore implements FileStore {

    @TestConfiguration(proxyBeanMethods = false)
    static class Configuration {
        @Bean
        @Primary
        InMemoryFileStore inMemoryFileStore() {
            return new InMemoryFileStore();
        }
    }

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};

    private final AtomicLong ids = new AtomicLong(1_000_000);
    private final Map<Long, StoredFile> files = new ConcurrentHashMap<>();
    private final Map<Long, byte[]> contents = new ConcurrentHashMap<>();

    @Override
    public StoredFile store(String originalName, InputStream content, FilePurpose purpose) {
        byte[] bytes;
        try {
            bytes = content.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length == 0) {
            throw new UserFacingException("file.empty");
        }
        boolean png = bytes.length >= 4 && bytes[0] == (byte) 0x89 && bytes[1] == 'P';
        boolean jpeg = bytes.length >= 3 && bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xD8;
        String type = png ? "image/png" : jpeg ? "image/jpeg" : "application/pdf";
        if (!purpose.allowedTypes().contains(type)) {
            throw new UserFacingException("file.type.notAllowed");
        }
        long id = ids.incrementAndGet();
        StoredFile file = new StoredFile(id, originalName, type, bytes.length, "", purpose, png || jpeg, false, null,
                Instant.now());
        files.put(id, file);
        contents.put(id, bytes);
        return file;
    }

    @Override
    public Optional<StoredFile> find(long id) {
        return Optional.ofNullable(files.get(id));
    }

    @Override
    public InputStream open(long id) {
        return new ByteArrayInputStream(contents.getOrDefault(id, new byte[0]));
    }

    @Override
    public Optional<InputStream> openThumbnail(long id) {
        return Optional.empty();
    }
}
