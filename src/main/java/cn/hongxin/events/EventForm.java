package cn.hongxin.events;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.springframework.format.annotation.DateTimeFormat;

import cn.hongxin.organisation.PartyPost;
import cn.hongxin.organisation.PoliticalStatus;

/**
 * Scheduling or editing an event. Invitees: everybody in the chosen units' subtrees (the organiser's unit
 * when none is chosen) whose political status is one of {@code inviteStatuses} and who holds one of
 * {@code invitePosts} (each filter applies only when given), plus the people in {@code invitePersonIds}.
 * {@code walkInsOpen}: whether people who were not invited may sign in; {@code null} takes the type's default
 * (lectures and health talks open, everything else closed).
 */
public record EventForm(Long typeId, Long organiserUnitId, String title, Long hostPersonId, Long speakerPersonId,
                        String speakers,
                        @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime startsAt,
                        @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime endsAt, String place, String agenda,
                        Set<ThreeCombination> tags, List<Long> inviteUnitIds, List<PoliticalStatus> inviteStatuses,
                        List<PartyPost> invitePosts, List<Long> invitePersonIds, Boolean walkInsOpen) {

    /** Without a walk-in choice: the event type's default applies. */
    public EventForm(Long typeId, Long organiserUnitId, String title, Long hostPersonId, Long speakerPersonId,
                     String speakers, LocalDateTime startsAt, LocalDateTime endsAt, String place, String agenda,
                     Set<ThreeCombination> tags, List<Long> inviteUnitIds, List<PoliticalStatus> inviteStatuses,
                     List<PartyPost> invitePosts, List<Long> invitePersonIds) {
        this(typeId, organiserUnitId, title, hostPersonId, speakerPersonId, speakers, startsAt, endsAt, place, agenda,
                tags, inviteUnitIds, inviteStatuses, invitePosts, invitePersonIds, null);
    }

    public static EventForm empty() {
        return new EventForm(null, null, null, null, null, null, null, null, null, null, Set.of(), List.of(),
                List.of(), List.of(), List.of());
    }
}
