package cn.hongxin.files;

import java.time.Instant;

/** A stored file as other modules see it. */
public record StoredFile(long id, String originalName, String contentType, long size, String sha256,
                         FilePurpose purpose, boolean image, boolean hasThumbnail, Long ownerAccountId,
                         Instant storedAt) {
}
