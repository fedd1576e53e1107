package cn.hongxin.files;

import java.io.InputStream;
import java.util.Optional;

/**
 * Stores and serves uploaded files. Refusals are {@link cn.hongxin.shared.UserFacingException}s
 * ({@code file.tooLarge}, {@code file.type.notAllowed}, {@code file.empty}).
 */
public interface FileStore {

    /**
     * Checks the content (magic bytes, not the name) against what {@code purpose} allows and the size
     * limit, stores it, and makes a thumbnail for images. The signed-in account becomes the owner.
     */
    StoredFile store(String originalName, InputStream content, FilePurpose purpose);

    Optional<StoredFile> find(long id);

    /** The content; the caller closes the stream. */
    InputStream open(long id);

    /** A JPEG thumbnail (max 400 px) for images, empty otherwise. */
    Optional<InputStream> openThumbnail(long id);
}
