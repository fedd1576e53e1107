package cn.hongxin.events;

import java.io.InputStream;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hongxin.files.FileStore;
import cn.hongxin.files.StoredFile;
import cn.hongxin.security.AuditAction;
import cn.hongxin.security.AuditOutcome;
import cn.hongxin.security.AuditTrail;
import cn.hongxin.security.CurrentUser;
import cn.hongxin.security.Permission;
import cn.hongxin.shared.NotFoundException;
import cn.hongxin.shared.UserFacingException;

/**
 * Photos (a gallery, one of them the cover shown with the summary) and documents of any event. Everybody
 * who can see the event sees its files (and may download them, see {@link EventFileAccess}); organisers who
 * may edit it upload, delete and choose the cover. The files module checks content and size and makes
 * thumbnails; this service keeps which file belongs to which event.
 */
@Service
public class EventAttachmentService {

    /** At most this many photos and this many documents per event. */
    public static final int MAX_PER_KIND = 60;

    private final EventAttachmentRepository attachments;
    private final EventService events;
    private final FileStore files;
    private final EventScope scope;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    EventAttachmentService(EventAttachmentRepository attachments, EventService events, FileStore files,
                           EventScope scope, AuditTrail audit, PlatformTransactionManager transactionManager) {
        this.attachments = attachments;
        this.events = events;
        this.files = files;
        this.scope = scope;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The event's photos and documents, in upload order; "not found" for an event one cannot see. */
    @Transactional(readOnly = true)
    public List<EventAttachmentView> list(long eventId) {
        if (!events.canSee(eventId, scope.user())) {
            throw new NotFoundException("event", eventId);
        }
        return attachments.findByEventIdOrderByIdAsc(eventId).stream().map(EventAttachment::toView).toList();
    }

    /**
     * Stores an upload with the files module (content-checked: a photo must be an image, a document may
     * also be PDF or Office Open XML; size-limited) and attaches it. The upload streams outside any database
     * transaction; should attaching fail afterwards, the stored file is removed again.
     */
    public EventAttachmentView upload(long eventId, EventAttachmentKind kind, String originalName, InputStream content) {
        CurrentUser user = scope.require(Permission.EVENT_EDIT);
        EventAttachmentKind k = kind == null ? EventAttachmentKind.DOCUMENT : kind;
        transactions.executeWithoutResult(status -> checkUploadable(eventId, k));
        StoredFile file = files.store(originalName, content, k.purpose());
        try {
            return transactions.execute(status -> {
                checkUploadable(eventId, k);
                EventAttachment saved = attachments.save(new EventAttachment(eventId, file.id(), k,
                        file.originalName(), file.contentType(), file.size(), file.hasThumbnail(), user.username()));
                audit.record(AuditAction.CREATE, "event_attachment", eventId + "/" + file.id(), AuditOutcome.SUCCESS,
                        k + " " + file.originalName());
                return saved.toView();
            });
        } catch (RuntimeException e) {
            files.delete(file.id());
            throw e;
        }
    }

    /** The upload limit per file, in whole megabytes (for the hint beside the upload button). */
    public long maxMegabytes() {
        return Math.max(1, files.maxBytes() / (1024 * 1024));
    }

    /** Removes a photo or document and its file. */
    @Transactional
    public void delete(long eventId, long attachmentId) {
        editable(eventId);
        EventAttachment a = attachment(eventId, attachmentId);
        attachments.delete(a);
        attachments.flush();
        files.delete(a.getFileId());
        audit.record(AuditAction.DELETE, "event_attachment", eventId + "/" + a.getFileId(), AuditOutcome.SUCCESS,
                a.getKind() + " " + a.getFileName());
    }

    /** Makes a photo the cover shown with the summary; choosing the cover again takes it off. */
    @Transactional
    public void toggleCover(long eventId, long attachmentId) {
        editable(eventId);
        EventAttachment chosen = attachment(eventId, attachmentId);
        if (chosen.getKind() != EventAttachmentKind.PHOTO) {
            throw new UserFacingException("event.attachment.coverNotPhoto");
        }
        boolean makeCover = !chosen.isCover();
        attachments.findByEventIdOrderByIdAsc(eventId).forEach(a -> a.setCover(false));
        chosen.setCover(makeCover);
        audit.record(AuditAction.UPDATE, "event_attachment", eventId + "/" + chosen.getFileId(), AuditOutcome.SUCCESS,
                "cover=" + makeCover);
    }

    private void checkUploadable(long eventId, EventAttachmentKind kind) {
        EventView event = editable(eventId);
        if (event.state() == EventState.CANCELLED) {
            throw new UserFacingException("event.refused.cancelled");
        }
        if (attachments.countByEventIdAndKind(eventId, kind) >= MAX_PER_KIND) {
            throw new UserFacingException("event.attachment.tooMany", MAX_PER_KIND);
        }
    }

    private EventView editable(long eventId) {
        if (!events.canEdit(eventId)) {
            throw new NotFoundException("event", eventId);
        }
        return events.get(eventId);
    }

    private EventAttachment attachment(long eventId, long attachmentId) {
        return attachments.findById(attachmentId).filter(a -> a.getEventId() == eventId)
                .orElseThrow(() -> new NotFoundException("event attachment", attachmentId));
    }
}
