package cn.hongxin.mentoring;

import java.net.URI;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Mentoring pairs over the API, through the same {@link MentoringService} as the pages: the same permissions,
 * scope and readers (anybody else gets 404), every read of sensitive content audited.
 */
@RestController
@RequestMapping("/api/v1/mentoring")
@Tag(name = "Mentoring", description = "Mentoring pairs (一带一帮一), their help records and check-ins")
class MentoringApiController {

    /** One page of results; {@code page} counts from 0. */
    record PageJson<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

        static <T> PageJson<T> of(Page<T> p) {
            return new PageJson<>(p.getContent(), p.getNumber(), p.getSize(), p.getTotalElements(), p.getTotalPages());
        }
    }

    /** The id of a formed pair. */
    record CreatedJson(long id) {
    }

    private final MentoringService service;
    private final MentoringLedger ledger;

    MentoringApiController(MentoringService service, MentoringLedger ledger) {
        this.service = service;
        this.ledger = ledger;
    }

    @GetMapping("/pairs")
    @Operation(summary = "Pairs in my scope without narrative (mentoring:manage); filters q, state, overdue")
    PageJson<PairRow> pairs(@RequestParam(required = false) String q, @RequestParam(required = false) PairState state,
                            @RequestParam(defaultValue = "false") boolean overdue,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return PageJson.of(service.search(q, state, overdue, page, size));
    }

    @PostMapping("/pairs")
    @Operation(summary = "Form a pair (mentoring:manage); the roles of the three people are checked")
    ResponseEntity<CreatedJson> form(@RequestBody NewPair body) {
        long id = service.form(body);
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/mentoring/pairs/" + id))
                .body(new CreatedJson(id));
    }

    @GetMapping("/suggestions")
    @Operation(summary = "Proposed leads and partners for a student, by teaching office and current load")
    PairSuggestions suggest(@RequestParam long studentId, @RequestParam(required = false) Long officeId) {
        return service.suggest(studentId, officeId);
    }

    @GetMapping("/ledger")
    @Operation(summary = "Per pair counts and scores without narrative (mentoring:manage or evaluation:view)")
    List<MentoringLedgerRow> ledger() {
        return ledger.visibleRows();
    }

    @GetMapping("/pairs/{id}")
    @Operation(summary = "A pair with its sensitive content (its teachers and responsible secretaries; audited)")
    PairDetail pair(@PathVariable long id) {
        return service.detail(id);
    }

    @PostMapping("/pairs/{id}/close")
    @Operation(summary = "Close a pair with an outcome (its lead or a responsible secretary)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void close(@PathVariable long id, @RequestBody PairClosure body) {
        service.close(id, body);
    }

    @GetMapping("/pairs/{id}/help-records")
    @Operation(summary = "The pair's help records (audited)")
    List<HelpRecordView> helpRecords(@PathVariable long id) {
        return service.helpRecords(id);
    }

    @PostMapping("/pairs/{id}/help-records")
    @Operation(summary = "Log a help record (one of the pair's teachers); idempotent on clientRequestId or the "
            + "Idempotency-Key header")
    ResponseEntity<HelpRecordView> logHelpRecord(@PathVariable long id,
                                                 @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                                 @RequestBody NewHelpRecord body) {
        String requestId = body.clientRequestId() != null ? body.clientRequestId() : key;
        HelpRecordView saved = service.logHelpRecord(id, new NewHelpRecord(requestId, body.date(), body.mode(),
                body.content(), body.nextStep()));
        return ResponseEntity.status(HttpStatus.CREATED).body(saved);
    }

    @DeleteMapping("/help-records/{id}")
    @Operation(summary = "Delete a help record (its author only)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteHelpRecord(@PathVariable long id) {
        service.deleteHelpRecord(id);
    }

    @GetMapping("/pairs/{id}/check-ins")
    @Operation(summary = "The pair's check-ins with notes (audited)")
    List<CheckInView> checkIns(@PathVariable long id) {
        return service.checkIns(id);
    }

    @PostMapping("/pairs/{id}/check-ins")
    @Operation(summary = "Record a check-in: study, mood and daily life from 1 to 5 (one of the pair's teachers)")
    ResponseEntity<CheckInView> recordCheckIn(@PathVariable long id,
                                              @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                              @RequestBody NewCheckIn body) {
        String requestId = body.clientRequestId() != null ? body.clientRequestId() : key;
        return ResponseEntity.status(HttpStatus.CREATED).body(service.recordCheckIn(id, new NewCheckIn(requestId,
                body.date(), body.study(), body.mood(), body.dailyLife(), body.note())));
    }

    @GetMapping("/me")
    @Operation(summary = "My pairs as a teacher, or as a student my teachers and meeting dates")
    MyMentoring mine() {
        return service.mine();
    }
}
