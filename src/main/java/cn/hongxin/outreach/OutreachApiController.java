package cn.hongxin.outreach;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Health for Everyone over the API: the health lecture team, the newspaper column (issues, pieces and their
 * states, the article) and the health talks, through the same services as the pages (outreach:edit; out of
 * scope answers 404).
 */
@RestController
@RequestMapping("/api/v1/outreach")
@Tag(name = "Outreach", description = "Health lecture team, newspaper health column and health talks")
class OutreachApiController {

    static final String REQUEST_ID_HEADER = "Idempotency-Key";

    /** One page of results; {@code page} counts from 0. */
    record PageJson<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

        static <T> PageJson<T> of(Page<T> p) {
            return new PageJson<>(p.getContent(), p.getNumber(), p.getSize(), p.getTotalElements(), p.getTotalPages());
        }
    }

    /** A member leaves (false) or returns to (true) the team. */
    record ActiveJson(boolean active) {
    }

    private final TeamService team;
    private final ColumnService column;
    private final TalkService talks;

    OutreachApiController(TeamService team, ColumnService column, TalkService talks) {
        this.team = team;
        this.column = column;
        this.talks = talks;
    }

    // ---- team ----------------------------------------------------------------------------------

    @GetMapping("/team")
    @Operation(summary = "The health lecture team members in my scope, active first")
    List<TeamMemberView> team() {
        return team.roster();
    }

    @GetMapping("/team/{id}")
    @Operation(summary = "One team member")
    TeamMemberView member(@PathVariable long id) {
        return team.get(id);
    }

    @PostMapping("/team")
    @Operation(summary = "Add a person to a unit's team (one leader per team, at least one speciality)")
    ResponseEntity<TeamMemberView> addMember(@RequestBody TeamMemberForm body) {
        TeamMemberView saved = team.add(body);
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/outreach/team/" + saved.id()))
                .body(saved);
    }

    @PutMapping("/team/{id}")
    @Operation(summary = "Change a member's role, specialities, joining date or note")
    TeamMemberView updateMember(@PathVariable long id, @RequestBody TeamMemberForm body) {
        return team.update(id, body);
    }

    @PutMapping("/team/{id}/active")
    @Operation(summary = "A member leaves the team (active false) or returns (true)")
    TeamMemberView setActive(@PathVariable long id, @RequestBody ActiveJson body) {
        return team.setActive(id, body.active());
    }

    // ---- column --------------------------------------------------------------------------------

    @GetMapping("/column")
    @Operation(summary = "The column's calendar for a month (default: this month): issues and pieces")
    ColumnMonth month(@Parameter(description = "yyyy-MM") @RequestParam(required = false) YearMonth month) {
        return column.month(month == null ? YearMonth.now(cn.hongxin.events.EventService.ZONE) : month);
    }

    @GetMapping("/column/issues")
    @Operation(summary = "Issues of the newspaper in my scope between two days, both included")
    List<ColumnIssueView> issues(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        return column.issues(from, to);
    }

    @PostMapping("/column/issues")
    @Operation(summary = "A new issue (unit, issue number unique per unit, date)")
    ResponseEntity<ColumnIssueView> addIssue(@RequestBody ColumnIssueForm body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(column.addIssue(body));
    }

    @GetMapping("/column/pieces/{id}")
    @Operation(summary = "One column piece")
    ColumnPieceView piece(@PathVariable long id) {
        return column.get(id);
    }

    @GetMapping("/column/pieces/{id}/history")
    @Operation(summary = "The piece's moves between states, oldest first")
    List<PieceLogView> history(@PathVariable long id) {
        return column.history(id);
    }

    @PostMapping("/column/pieces")
    @Operation(summary = "Plan a piece: issue, topic and author")
    ResponseEntity<ColumnPieceView> plan(@RequestBody ColumnPieceForm body) {
        ColumnPieceView saved = column.plan(body);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/outreach/column/pieces/" + saved.id())).body(saved);
    }

    @PutMapping("/column/pieces/{id}")
    @Operation(summary = "Change the issue, topic or author of a piece not yet published")
    ColumnPieceView updatePiece(@PathVariable long id, @RequestBody ColumnPieceForm body) {
        return column.update(id, body);
    }

    @DeleteMapping("/column/pieces/{id}")
    @Operation(summary = "Delete a piece never published")
    ResponseEntity<Void> deletePiece(@PathVariable long id) {
        column.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/column/pieces/{id}/state")
    @Operation(summary = "Move a piece: PLANNED to WRITTEN (article attached), WRITTEN to PUBLISHED (publishedOn), "
            + "or one step back with a reason; anything else answers 400 and changes nothing")
    ColumnPieceView move(@PathVariable long id, @RequestBody PieceMove body) {
        return column.move(id, body);
    }

    @PostMapping(path = "/column/pieces/{id}/article", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach the article (DOCX, PDF or image) to a piece not yet published")
    ColumnPieceView attach(@PathVariable long id, @RequestPart("file") MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException(List.of(new FieldProblem("file", "outreach.piece.article.missing")));
        }
        try (InputStream in = file.getInputStream()) {
            return column.attach(id, file.getOriginalFilename(), in);
        }
    }

    // ---- talks ---------------------------------------------------------------------------------

    @GetMapping("/talks")
    @Operation(summary = "Health-talk events in my scope with their outreach details, newest first")
    PageJson<TalkView> talks(@RequestParam(required = false) LocalDate from,
                             @RequestParam(required = false) LocalDate to,
                             @RequestParam(defaultValue = "0") int page,
                             @Parameter(description = "1–200") @RequestParam(defaultValue = "20") int size) {
        return PageJson.of(talks.page(from, to, page, size));
    }

    @GetMapping("/talks/{eventId}")
    @Operation(summary = "One health talk")
    TalkView talk(@PathVariable long eventId) {
        return talks.get(eventId);
    }

    @PostMapping("/talks")
    @Operation(summary = "Record a talk: creates the HEALTH_TALK event and its details. Idempotent on clientRequestId "
            + "or the Idempotency-Key header: 201 the first time, 200 with the same talk after")
    ResponseEntity<TalkView> record(@RequestHeader(name = REQUEST_ID_HEADER, required = false) String header,
                                    @RequestBody RecordTalk body) {
        String requestId = body.clientRequestId() != null && !body.clientRequestId().isBlank()
                ? body.clientRequestId() : header;
        if (body.clientRequestId() != null && !body.clientRequestId().isBlank() && header != null && !header.isBlank()
                && !body.clientRequestId().strip().equals(header.strip())) {
            throw new InvalidInputException(List.of(new FieldProblem("clientRequestId", "outreach.talk.request.mismatch")));
        }
        RecordedTalk r = talks.record(new RecordTalk(requestId, body.organiserUnitId(), body.title(), body.startsAt(),
                body.endsAt(), body.place(), body.setting(), body.topic(), body.audience(), body.speakerPersonIds(),
                body.held()));
        if (!r.created()) {
            return ResponseEntity.ok(r.talk());
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/outreach/talks/" + r.talk().eventId())).body(r.talk());
    }

    @PutMapping("/talks/{eventId}/details")
    @Operation(summary = "Add or correct the outreach details of a health-talk event")
    TalkView details(@PathVariable long eventId, @RequestBody TalkDetailsForm body) {
        return talks.saveDetails(eventId, body);
    }
}
