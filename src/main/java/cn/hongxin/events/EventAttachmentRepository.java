package cn.hongxin.events;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface EventAttachmentRepository extends JpaRepository<EventAttachment, Long> {

    List<EventAttachment> findByEventIdOrderByIdAsc(long eventId);

    Optional<EventAttachment> findByFileId(long fileId);

    long countByEventIdAndKind(long eventId, EventAttachmentKind kind);
}
