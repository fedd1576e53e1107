package cn.hongxin.files;

import java.util.Set;

/** What a file is for, and so which content types it may have. */
public enum FilePurpose {
    /** Event photos, posters: JPEG, PNG, WebP, GIF. */
    PHOTO(Set.of("image/jpeg", "image/png", "image/webp", "image/gif")),
    /** Meeting materials, essays, attachments: the above plus PDF, DOCX, XLSX, PPTX. */
    DOCUMENT(Set.of("image/jpeg", "image/png", "image/webp", "image/gif", "application/pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation"));

    private final Set<String> allowedTypes;

    FilePurpose(Set<String> allowedTypes) {
        this.allowedTypes = allowedTypes;
    }

    public Set<String> allowedTypes() {
        return allowedTypes;
    }
}
