package cn.hongxin.files;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import cn.hongxin.security.CurrentUser;
import cn.hongxin.security.CurrentUsers;
import cn.hongxin.shared.NotFoundException;

/**
 * Downloads: {@code /files/{id}} (images inline, everything else as an attachment) and
 * {@code /files/{id}/thumbnail}. The type sent is the one detected at upload, with {@code nosniff}, so a
 * browser never runs an upload as a page. Who may read a file is decided by {@link FileAccess}: its uploader,
 * or whoever a {@link FileAccessPolicy} of the owning module lets in; anybody else gets 404, as for an
 * unknown id, so ids cannot be probed.
 */
@Controller
@RequestMapping("/files")
class FileController {

    private final FileStore store;
    private final CurrentUsers currentUsers;
    private final FileAccess access;

    FileController(FileStore store, CurrentUsers currentUsers, FileAccess access) {
        this.store = store;
        this.currentUsers = currentUsers;
        this.access = access;
    }

    private StoredFile readable(long id) {
        CurrentUser user = currentUsers.require();
        return store.find(id).filter(f -> access.canRead(f, user)).orElseThrow(() -> new NotFoundException("file", id));
    }

    @GetMapping("/{id}")
    ResponseEntity<InputStreamResource> download(@PathVariable long id) {
        StoredFile file = readable(id);
        ContentDisposition disposition = (file.image() ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(file.originalName(), StandardCharsets.UTF_8).build();
        return response(store.open(id), MediaType.parseMediaType(file.contentType()), file.size(), disposition);
    }

    @GetMapping("/{id}/thumbnail")
    ResponseEntity<InputStreamResource> thumbnail(@PathVariable long id) {
        StoredFile file = readable(id);
        InputStream thumbnail = store.openThumbnail(id).orElseThrow(() -> new NotFoundException("thumbnail", id));
        ContentDisposition disposition = ContentDisposition.inline()
                .filename(file.originalName() + ".thumb.jpg", StandardCharsets.UTF_8).build();
        return response(thumbnail, MediaType.IMAGE_JPEG, -1, disposition);
    }

    private static ResponseEntity<InputStreamResource> response(InputStream content, MediaType type, long length,
                                                                ContentDisposition disposition) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noCache().cachePrivate());
        if (length >= 0) {
            builder.contentLength(length);
        }
        return builder.body(new InputStreamResource(content));
    }
}
