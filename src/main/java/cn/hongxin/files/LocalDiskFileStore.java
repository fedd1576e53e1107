package cn.hongxin.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hongxin.security.AuditAction;
import cn.hongxin.security.AuditOutcome;
import cn.hongxin.security.AuditTrail;
import cn.hongxin.security.CurrentUser;
import cn.hongxin.security.CurrentUsers;
import cn.hongxin.shared.NotFoundException;
import cn.hongxin.shared.UserFacingException;

/**
 * The {@link FileStore} on local disk: {@code <hongxin.data-dir>/files/<yyyy>/<mm>/<uuid>}, thumbnails beside
 * the file as {@code <uuid>.thumb.jpg}, metadata in the {@code stored_file} table. An upload streams into a
 * temporary file in {@code files/tmp} (same file system, so the final move is atomic) while it is counted
 * and hashed; it is refused as soon as it passes {@code hongxin.files.max-bytes} (default 20 MB), and its
 * type comes from its content only. Everything outside this class sees only {@link FileStore} and
 * {@link StoredFile} and never a path, so an S3-compatible store can replace this one (storage keys would
 * become object keys) where several instances run.
 * <p>
 * The row is written after the file is in place; if that fails the file is removed again. Should a
 * caller's surrounding transaction roll back later, the file stays as an orphan (a cleanup job can compare
 * the directory with the table).
 */
@Service
class LocalDiskFileStore implements FileStore {

    static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Logger log = LoggerFactory.getLogger(LocalDiskFileStore.class);

    private final FileEntryRepository entries;
    private final CurrentUsers currentUsers;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Path root;
    private final long maxBytes;

    LocalDiskFileStore(FileEntryRepository entries, CurrentUsers currentUsers, AuditTrail audit,
                       PlatformTransactionManager transactionManager,
                       @Value("${hongxin.data-dir}") String dataDir,
                       @Value("${hongxin.files.max-bytes:" + DEFAULT_MAX_BYTES + "}") long maxBytes) {
        this.entries = entries;
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.root = Path.of(dataDir, "files").toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
    }

    /** The directory holding all files (tests check that uploads land here). */
    Path root() {
        return root;
    }

    @Override
    public StoredFile store(String originalName, InputStream content, FilePurpose purpose) {
        return store(originalName, content, purpose, maxBytes);
    }

    /** As {@link #store(String, InputStream, FilePurpose)} with an explicit size limit. */
    StoredFile store(String originalName, InputStream content, FilePurpose purpose, long limit) {
        CurrentUser owner = currentUsers.require();
        String name = cleanName(originalName);
        Path tmp = null;
        Path target = null;
        Path thumbnail = null;
        try {
            Path tmpDir = Files.createDirectories(root.resolve("tmp"));
            tmp = Files.createTempFile(tmpDir, "upload-", ".part");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] head = new byte[ContentTypes.HEAD];
            int headLength = 0;
            long size = 0;
            try (InputStream in = content; OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, limit + 1 - size))) > 0) {
                    size += n;
                    if (size > limit) {
                        throw new UserFacingException("file.tooLarge", Math.max(1, limit / (1024 * 1024)));
                    }
                    if (headLength < head.length) {
                        int copy = Math.min(n, head.length - headLength);
                        System.arraycopy(buffer, 0, head, headLength, copy);
                        headLength += copy;
                    }
                    sha256.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            if (size == 0) {
                throw new UserFacingException("file.empty");
            }
            byte[] leading = java.util.Arrays.copyOf(head, headLength);
            Path checked = tmp;
            String type = ContentTypes.detect(leading, checked)
                    .filter(t -> purpose.allowedTypes().contains(t))
                    .orElseThrow(() -> new UserFacingException("file.type.notAllowed"));

            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            ZonedDateTime local = now.atZone(ZONE);
            String key = "%04d/%02d/%s".formatted(local.getYear(), local.getMonthValue(), UUID.randomUUID());
            target = resolve(key);
            Files.createDirectories(target.getParent());
            move(tmp, target);
            tmp = null;
            boolean image = ContentTypes.isImage(type);
            boolean hasThumbnail = false;
            if (image) {
                thumbnail = thumbnailOf(target);
                hasThumbnail = Thumbnails.write(target, thumbnail);
            }
            FileEntry entry = new FileEntry(name, type, size, HexFormat.of().formatHex(sha256.digest()), purpose,
                    image, hasThumbnail, owner.accountId(), key, now);
            String detail = purpose + " " + type + " " + size + " B";
            StoredFile stored = transactions.execute(status -> {
                StoredFile view = entries.save(entry).toView();
                audit.record(AuditAction.CREATE, "file", view.id(), AuditOutcome.SUCCESS, detail);
                return view;
            });
            target = null;
            thumbnail = null;
            return stored;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(tmp);
            deleteQuietly(target);
            deleteQuietly(thumbnail);
        }
    }

    @Override
    public Optional<StoredFile> find(long id) {
        return entries.findById(id).map(FileEntry::toView);
    }

    @Override
    public InputStream open(long id) {
        FileEntry entry = entries.findById(id).orElseThrow(() -> new NotFoundException("file", id));
        return openPath(resolve(entry.getStorageKey()), id);
    }

    @Override
    public Optional<InputStream> openThumbnail(long id) {
        FileEntry entry = entries.findById(id).orElseThrow(() -> new NotFoundException("file", id));
        if (!entry.hasThumbnail()) {
            return Optional.empty();
        }
        return Optional.of(openPath(thumbnailOf(resolve(entry.getStorageKey())), id));
    }

    @Override
    public void delete(long id) {
        transactions.executeWithoutResult(status -> entries.findById(id).ifPresent(entry -> {
            Path file = resolve(entry.getStorageKey());
            entries.delete(entry);
            entries.flush();
            audit.record(AuditAction.DELETE, "file", id, AuditOutcome.SUCCESS, entry.getStorageKey());
            Runnable removeBytes = () -> {
                deleteQuietly(file);
                deleteQuietly(thumbnailOf(file));
            };
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int completion) {
                        if (completion == STATUS_COMMITTED) {
                            removeBytes.run();
                        }
                    }
                });
            } else {
                removeBytes.run();
            }
        }));
    }

    @Override
    public long maxBytes() {
        return maxBytes;
    }

    private InputStream openPath(Path path, long id) {
        try {
            return Files.newInputStream(path);
        } catch (java.nio.file.NoSuchFileException e) {
            log.warn("File {} is in the table but not on disk at {}", id, path);
            throw new NotFoundException("file", id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalStateException("storage key outside the files directory: " + key);
        }
        return path;
    }

    private static Path thumbnailOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".thumb.jpg");
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** The last path segment, without control characters, at most 255 characters; "file" when blank. */
    static String cleanName(String originalName) {
        String name = originalName == null ? "" : originalName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "file";
        }
        if (name.length() > 255) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
            name = name.substring(0, 255 - extension.length()) + extension;
        }
        return name;
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", path, e.toString());
        }
    }
}
