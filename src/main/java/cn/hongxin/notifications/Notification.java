package cn.hongxin.notifications;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One message in someone's inbox: for an account, or for a person (and so for that person's account). */
@Entity
@Table(name = "notification")
class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long recipientAccountId;
    private Long recipientPersonId;
    private String kind;
    private String title;
    private String body;
    private String link;
    private Instant createdAt;
    private Instant readAt;

    protected Notification() {
    }

    Notification(Long recipientAccountId, Long recipientPersonId, String kind, String title, String body,
                 String link, Instant createdAt) {
        this.recipientAccountId = recipientAccountId;
        this.recipientPersonId = recipientPersonId;
        this.kind = kind;
        this.title = title;
        this.body = body;
        this.link = link;
        this.createdAt = createdAt;
    }

    InboxItem toView() {
        return new InboxItem(id, kind, title, body, link, createdAt, readAt);
    }

    void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    Long getId() {
        return id;
    }

    String getLink() {
        return link;
    }

    String getKind() { return kind; }
    String getTitle() { return title; }
    String getBody() { return body; }
    Instant getCreatedAt() { return createdAt; }
}
