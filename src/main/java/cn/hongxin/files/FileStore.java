package cn.hongxin.files;

import java.io.InputStream;
import java.util.Optional;

/**
 * Stores and serves uploaded files. Refusals are {@link cn.hongxin.shared.UserFacingException}s
 * ({@code file.tooLarge}, {@code file.type.notAllowed}, {@code file.empty}); an unknown id is a
 * {@link cn.hongxin.shared.NotFoundException}. The implementation today is {@code LocalDiskFileStore}
 * (under {@code <hongxin.data-dir>/files}); callers never see paths, so an S3-compatible store can replace it.
 * Reading does not check who may see a file: modules that hand out file ids decide that.
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
}
