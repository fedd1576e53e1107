package cn.hongxin.organisation;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * People over the API. Reads and writes are limited to the caller's data scope (a person outside it answers
 * 404); ID numbers and phones are masked except through {@code reveal}, which is audited. Each write is one
 * transaction that has committed before the answer is sent, so an acknowledged 201 is durable.
 */
@RestController
@RequestMapping("/api/v1/people")
@Tag(name = "People", description = "Teachers and students with their political status")
class PersonApiController {

    /** One page of results; {@code page} counts from 0. */
    record PageJson<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

        static <T> PageJson<T> of(Page<T> p) {
            return new PageJson<>(p.getContent(), p.getNumber(), p.getSize(), p.getTotalElements(), p.getTotalPages());
        }
    }

    /** A dated change of political status, e.g. 预备党员 → 正式党员 on the day of conversion. */
    record StatusChangeJson(PoliticalStatus status, LocalDate effectiveOn, String note) {
    }

    private final PersonService people;

    PersonApiController(PersonService people) {
        this.people = people;
    }

    @GetMapping
    @Operation(summary = "Search people in the caller's scope, sorted by pinyin")
    PageJson<PersonRow> search(
            @Parameter(description = "Name, pinyin, initials or staff/student number") @RequestParam(required = false) String q,
            @Parameter(description = "Only people in this unit's subtree") @RequestParam(required = false) Long unitId,
            @Parameter(description = "Political status") @RequestParam(required = false) PoliticalStatus status,
            @Parameter(description = "TEACHER or STUDENT") @RequestParam(required = false) PersonType type,
            @Parameter(description = "true: people who left instead of current ones") @RequestParam(required = false) Boolean inactive,
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "1–500") @RequestParam(defaultValue = "20") int size) {
        return PageJson.of(people.search(new PersonQuery(q, unitId, status, type, inactive), page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One person, ID number and phone masked; 404 outside the caller's scope")
    PersonDetail get(@PathVariable long id) {
        return people.get(id);
    }

    @PostMapping
    @Operation(summary = "Create a person (needs org:person:edit); answers 201 with Location once committed")
    ResponseEntity<PersonDetail> create(@RequestBody PersonForm body) {
        long id = people.create(body);
        return ResponseEntity.created(URI.create("/api/v1/people/" + id)).body(people.get(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a person's fields; a blank idNumber or phone keeps the stored one")
    PersonDetail update(@PathVariable long id, @RequestBody PersonForm body) {
        people.update(id, body);
        return people.get(id);
    }

    @PostMapping("/{id}/reveal")
    @Operation(summary = "ID number and phone in clear (needs org:person:reveal); every call is audited")
    SensitiveValues reveal(@PathVariable long id) {
        return people.reveal(id);
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Record a dated change of political status")
    PersonDetail changeStatus(@PathVariable long id, @RequestBody StatusChangeJson body) {
        people.changeStatus(id, body.status(), body.effectiveOn(), body.note());
        return people.get(id);
    }
}
