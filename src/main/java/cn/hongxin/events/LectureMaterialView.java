package cn.hongxin.events;

/** A lecture's material; download it at {@code /files/{fileId}}. */
public record LectureMaterialView(long id, long eventId, long fileId, String fileName) {
}
