package cn.hongxin.events;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hongxin.files.FileAccessPolicy;
import cn.hongxin.files.StoredFile;
import cn.hongxin.security.CurrentUser;

/**
 * The files of events (photos, attachments, lecture materials) may be read by whoever can see the event:
 * organisers with the event in their scope and the people invited to it.
 */
@Component
class EventFileAccess implements FileAccessPolicy {

    private final JdbcClient jdbc;
    private final EventService events;

    EventFileAccess(JdbcClient jdbc, EventService events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean canRead(StoredFile file, CurrentUser user) {
        List<Long> eventIds = jdbc.sql("select event_id from event_attachment where file_id = :id"
                        + " union select event_id from lecture_material where file_id = :id")
                .param("id", file.id()).query(Long.class).list();
        return eventIds.stream().anyMatch(eventId -> events.canSee(eventId, user));
    }
}
