package cn.hongxin.files;

import java.io.InputStream;
import java.util.Optional;

/**
 * Stores and serves uploaded files. Refusals are {@link cn.hongxin.shared.UserFacingException}s
 * ({@code file.tooLarge}, {@code file.type.notAllowed}, {@code file.empty}); an unknown id is a
 * {@link cn.hongxin.shared.NotFoundException}. The implementation today is {@code LocalDiskFileStore}
 * (under {@code <hongxin.data-dir>/files}); callers never see paths, so an S3-compatible store can replace it.
 * Reading here does not check who may see a file: the download endpoint asks the owning modules through
 * {@link FileAccessPolicy}.
 */
public interface FileStore {

    /**
     * Checks the content (magic bytes, not the name) against what {@code purpose} allows and the size
     * limit, stores it, and makes a thumbnail for images. The signed-in account becomes the owner.
     */
    StoredFile store(String originalName, InputStream content, FilePurpose purpose);

    Optional<StoredFile> find(long id);

    /** The content; the caller closes the stream. Unknown ids throw {@code NotFoundException}. */
    InputStream open(long id);

    /** A JPEG thumbnail (max 400 px) for images, empty otherwise. */
    Optional<InputStream> openThumbnail(long id);

    /**
     * Removes a file: its row at once (inside the caller's transaction, if any) and its bytes and thumbnail
     * once that transaction has committed. An unknown id does nothing.
     */
    void delete(long id);

    /** The largest upload accepted, in bytes. */
    long maxBytes();
}
