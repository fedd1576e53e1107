package cn.hongxin.events;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The catalogue of event types over the API: every signed-in caller reads it, {@code event:type:edit}
 * adds, edits, deactivates and reactivates types (the same service as the 活动类型 page).
 */
@RestController
@RequestMapping("/api/v1/event-types")
@Tag(name = "Event types", description = "The catalogue of meeting, lecture and activity kinds")
class EventTypeApiController {

    private final EventTypeService types;

    EventTypeApiController(EventTypeService types) {
        this.types = types;
    }

    @GetMapping
    @Operation(summary = "Every type, active or not, in catalogue order")
    List<EventTypeView> list() {
        return types.all();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One type")
    EventTypeView get(@PathVariable long id) {
        return types.get(id);
    }

    @PostMapping
    @Operation(summary = "Add a type (needs event:type:edit); the code is fixed once created")
    ResponseEntity<EventTypeView> create(@RequestBody EventTypeForm body) {
        EventTypeView created = types.create(body);
        return ResponseEntity.created(URI.create("/api/v1/event-types/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Edit a type's names, category, flags and order (needs event:type:edit)")
    EventTypeView update(@PathVariable long id, @RequestBody EventTypeForm body) {
        return types.update(id, body);
    }

    @PostMapping("/{id}/deactivate")
    @Operation(summary = "No longer offer the type for new events; past events keep it (needs event:type:edit)")
    EventTypeView deactivate(@PathVariable long id) {
        types.setActive(id, false);
        return types.get(id);
    }

    @PostMapping("/{id}/activate")
    @Operation(summary = "Offer a deactivated type again (needs event:type:edit)")
    EventTypeView activate(@PathVariable long id) {
        types.setActive(id, true);
        return types.get(id);
    }
}
