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

import cn.hongxin.security.CurrentUsers;
import cn.hongxin.shared.NotFoundException;

/**
 * Downloads: {@code /files/{id}} (images inline, everything else as an attachment) and
 * {@code /files/{id}/thumbnail}. The type sent is the one detected at upload, with {@code nosniff}, so a
 * browser never runs an upload as a page. For now every signed-in account may fetch any file by id; finer
 * rules (who may see which event's photos or which submission's attachments) come with the modules that
 * own those files.
 */
@Controller
@RequestMapping("/files")
class FileController {

    private final FileStore store;
    private final CurrentUsers currentUsers;

    FileController(FileStore store, CurrentUsers currentUsers) {
        this.store = store;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/{id}")
    ResponseEntity<InputStreamResource> download(@PathVariable long id) {
        currentUsers.require();
        StoredFile file = store.find(id).orElseThrow(() -> new NotFoundException("file", id));
        ContentDisposition disposition = (file.image() ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(file.originalName(), StandardCharsets.UTF_8).build();
        return response(store.open(id), MediaType.parseMediaType(file.contentType()), file.size(), disposition);
    }

    @GetMapping("/{id}/thumbnail")
    ResponseEntity<InputStreamResource> thumbnail(@PathVariable long id) {
        currentUsers.require();
        StoredFile file = store.find(id).orElseThrow(() -> new NotFoundException("file", id));
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
