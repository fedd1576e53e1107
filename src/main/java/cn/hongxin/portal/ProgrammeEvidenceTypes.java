package cn.hongxin.portal;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.hongxin.brand.EvidenceKind;
import cn.hongxin.brand.EvidenceTypes;
import cn.hongxin.events.EventTypeService;
import cn.hongxin.events.EventTypeView;
import cn.hongxin.submissions.SubmissionKind;

/**
 * Tells the brand module which type codes exist: event types (from the events catalogue) for the event kinds of
 * evidence, submission kinds for verified submissions. It lives here because the brand module depends on neither
 * events nor submissions (they may come to read the programme one day); article channels are free codes.
 */
@Component
class ProgrammeEvidenceTypes implements EvidenceTypes {

    private final EventTypeService eventTypes;

    ProgrammeEvidenceTypes(EventTypeService eventTypes) {
        this.eventTypes = eventTypes;
    }

    @Override
    public Optional<Set<String>> known(EvidenceKind kind) {
        return switch (kind) {
            case EVENT_HELD, ATTENDED, LECTURE_GIVEN ->
                    Optional.of(eventTypes.all().stream().map(EventTypeView::code).collect(Collectors.toSet()));
            case SUBMISSION_VERIFIED ->
                    Optional.of(Arrays.stream(SubmissionKind.values()).map(Enum::name).collect(Collectors.toSet()));
            default -> Optional.empty();
        };
    }
}
