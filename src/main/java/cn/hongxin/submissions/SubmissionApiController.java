package cn.hongxin.submissions;

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
import org.springframework.web.bind.annotation.RestController;

import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Personal submissions over the API, through the same {@link SubmissionService} as the pages. A member
 * submits, lists and withdraws their own; a reviewer (submission:review) works the queue of people in their
 * data scope, never their own submissions. Creating is idempotent on the client request id.
 */
@RestController
@RequestMapping("/api/v1/submissions")
@Tag(name = "Submissions", description = "Reading notes, posters, essays, poems and volunteer hours, and their review")
class SubmissionApiController {

    /** The header that carries the client request id, as an alternative to the clientRequestId field. */
    static final String REQUEST_ID_HEADER = "Idempotency-Key";

    /** One page of results; {@code page} counts from 0. */
    record PageJson<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

        static <T> PageJson<T> of(Page<T> p) {
            return new PageJson<>(p.getContent(), p.getNumber(), p.getSize(), p.getTotalElements(), p.getTotalPages());
        }
    }

    /** 退回 needs a reason the submitter will read. */
    record RejectJson(String reason) {
    }

    private final SubmissionService submissions;

    SubmissionApiController(SubmissionService submissions) {
        this.submissions = submissions;
    }

    // ---- the member's own ------------------------------------------------------------------------

    @GetMapping("/mine")
    @Operation(summary = "My submissions with their review state, newest first")
    List<SubmissionView> mine() {
        return submissions.mine();
    }

    @GetMapping("/mine/{id}")
    @Operation(summary = "One of my submissions")
    SubmissionView mine(@PathVariable long id) {
        return submissions.mine().stream().filter(s -> s.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("submission", id));
    }

    @PostMapping("/mine")
    @Operation(summary = "Submit for the person linked to my account. The client request id (field clientRequestId "
            + "or header Idempotency-Key, up to 64 characters) makes it idempotent: the first call answers 201, "
            + "a repetition answers 200 with the same submission and records nothing")
    ResponseEntity<SubmissionView> submit(
            @Parameter(description = "The client request id, when not given in the body")
            @RequestHeader(name = REQUEST_ID_HEADER, required = false) String requestIdHeader,
            @RequestBody NewSubmission body) {
        String requestId = requestId(body.clientRequestId(), requestIdHeader);
        NewSubmission cmd = new NewSubmission(requestId, body.kind(), body.title(), body.bookTitle(),
                body.bookAuthor(), body.body(), body.fileId(), body.hours(), body.activityDate(), body.windowCode(),
                body.eventId());
        var earlier = submissions.findMine(requestId);
        if (earlier.isPresent()) {
            return ResponseEntity.ok(earlier.get());
        }
        SubmissionView saved = submissions.submit(cmd);
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/submissions/mine/" + saved.id()))
                .body(saved);
    }

    @DeleteMapping("/mine/{id}")
    @Operation(summary = "Withdraw one of my submissions that nobody has reviewed yet")
    ResponseEntity<Void> retract(@PathVariable long id) {
        submissions.retract(id);
        return ResponseEntity.noContent().build();
    }

    // ---- reviewing -------------------------------------------------------------------------------

    @GetMapping
    @Operation(summary = "The review queue (needs submission:review): submissions of people in my scope, oldest "
            + "first; state defaults to SUBMITTED, ALL lists every state")
    PageJson<SubmissionView> queue(
            @Parameter(description = "READING_NOTE, POSTER, ESSAY, POEM or VOLUNTEER_HOURS")
            @RequestParam(required = false) SubmissionKind kind,
            @Parameter(description = "SUBMITTED (default), VERIFIED, REJECTED or ALL")
            @RequestParam(required = false) String state,
            @Parameter(description = "Only people in this unit's subtree") @RequestParam(required = false) Long unitId,
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "1–200") @RequestParam(defaultValue = "20") int size) {
        return PageJson.of(submissions.pending(new SubmissionQuery(kind, stateOf(state), unitId), page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One submission of a person in my scope (needs submission:review); 404 outside it")
    SubmissionView get(@PathVariable long id) {
        return submissions.get(id);
    }

    @PostMapping("/{id}/verify")
    @Operation(summary = "通过: verify a submission (not my own); verifying again changes nothing")
    SubmissionView verify(@PathVariable long id) {
        return submissions.verify(id);
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "退回 with a reason (not my own); sending back a verified one retracts it")
    SubmissionView reject(@PathVariable long id, @RequestBody RejectJson body) {
        return submissions.reject(id, body.reason());
    }

    /** The body's id, else the header's; both given must agree. */
    private static String requestId(String field, String header) {
        boolean hasField = field != null && !field.isBlank();
        boolean hasHeader = header != null && !header.isBlank();
        if (hasField && hasHeader && !field.strip().equals(header.strip())) {
            throw new InvalidInputException(List.of(new FieldProblem("clientRequestId", "submission.request.mismatch")));
        }
        String id = hasField ? field.strip() : hasHeader ? header.strip() : null;
        if (id == null || id.length() > 64) {
            throw new InvalidInputException(List.of(new FieldProblem("clientRequestId", "submission.request.api")));
        }
        return id;
    }

    private static SubmissionState stateOf(String value) {
        if (value == null || value.isBlank()) {
            return SubmissionState.SUBMITTED;
        }
        if ("ALL".equalsIgnoreCase(value.strip())) {
            return null;
        }
        try {
            return SubmissionState.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(List.of(new FieldProblem("state", "validation.invalid")));
        }
    }
}
