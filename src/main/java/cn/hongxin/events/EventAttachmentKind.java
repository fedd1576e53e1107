package cn.hongxin.events;

import cn.hongxin.files.FilePurpose;

/** What an event's file is: a photo for the gallery, or a document to download. */
public enum EventAttachmentKind {
    PHOTO(FilePurpose.PHOTO),
    DOCUMENT(FilePurpose.DOCUMENT);

    private final FilePurpose purpose;

    EventAttachmentKind(FilePurpose purpose) {
        this.purpose = purpose;
    }

    FilePurpose purpose() {
        return purpose;
    }
}
