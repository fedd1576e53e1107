package cn.hongxin.events;

import java.time.Instant;

/**
 * A photo or document of an event. Download it at {@code /files/{fileId}}; a photo with a thumbnail shows
 * {@code /files/{fileId}/thumbnail} in the gallery.
 *
 * @param cover whether this photo is the one shown with the event's summary
 */
public record EventAttachmentView(long id, long eventId, long fileId, EventAttachmentKind kind, String fileName,
                                  String contentType, long size, boolean thumbnail, boolean cover,
                                  Instant createdAt) {

    /** The image to show in a gallery tile: the thumbnail when there is one, else the photo itself. */
    public String previewUrl() {
        return "/files/" + fileId + (thumbnail ? "/thumbnail" : "");
    }

    public String url() {
        return "/files/" + fileId;
    }

    /** The size for people: KB below one MB, else MB with one decimal. */
    public String sizeLabel() {
        return size < 1024 * 1024 ? Math.max(1, Math.round(size / 1024.0)) + " KB"
                : String.format(java.util.Locale.ROOT, "%.1f MB", size / (1024.0 * 1024.0));
    }
}
