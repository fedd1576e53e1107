package cn.hongxin.files;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One stored file's metadata; the bytes live in the store under {@link #storageKey}. */
@Entity
@Table(name = "stored_file")
class FileEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String originalName;
    private String contentType;
    private long sizeBytes;
    private String sha256;
    @Enumerated(EnumType.STRING)
    private FilePurpose purpose;
    private boolean image;
    private boolean hasThumbnail;
    private Long ownerAccountId;
    private String storageKey;
    private Instant storedAt;

    protected FileEntry() {
    }

    FileEntry(String originalName, String contentType, long sizeBytes, String sha256, FilePurpose purpose,
              boolean image, boolean hasThumbnail, Long ownerAccountId, String storageKey, Instant storedAt) {
        this.originalName = originalName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.purpose = purpose;
        this.image = image;
        this.hasThumbnail = hasThumbnail;
        this.ownerAccountId = ownerAccountId;
        this.storageKey = storageKey;
        this.storedAt = storedAt;
    }

    StoredFile toView() {
        return new StoredFile(id, originalName, contentType, sizeBytes, sha256, purpose, image, hasThumbnail,
                ownerAccountId, storedAt);
    }

    String getStorageKey() {
        return storageKey;
    }

    boolean hasThumbnail() {
        return hasThumbnail;
    }
}
