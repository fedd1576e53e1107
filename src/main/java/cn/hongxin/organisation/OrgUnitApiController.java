package cn.hongxin.organisation;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.hongxin.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The org tree over the API, limited to the caller's data scope like the pages. */
@RestController
@RequestMapping("/api/v1/org-units")
@Tag(name = "Org units", description = "党委, 党总支, 党支部, 党小组 and the administrative units beside them")
class OrgUnitApiController {

    /** An org unit; {@code depth} counts from the root of the whole tree (0). */
    record UnitJson(long id, Long parentId, String name, String shortName, OrgUnitType unitType,
                    BranchKind branchKind, int sortOrder, LocalDate establishedOn, int depth) {

        static UnitJson of(OrgUnitView u) {
            return new UnitJson(u.id(), u.parentId(), u.name(), u.shortName(), u.unitType(), u.branchKind(),
                    u.sortOrder(), u.establishedOn(), u.depth());
        }
    }

    private final OrgUnitService units;

    OrgUnitApiController(OrgUnitService units) {
        this.units = units;
    }

    @GetMapping
    @Operation(summary = "The visible units as a flat list in tree order (depth first), with parentId and depth")
    List<UnitJson> tree() {
        return units.tree().stream().map(UnitJson::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One unit; 404 when it does not exist or lies outside the caller's scope")
    UnitJson get(@PathVariable long id) {
        return units.find(id).map(UnitJson::of).orElseThrow(() -> new NotFoundException("org unit", id));
    }

    @PostMapping
    @Operation(summary = "Create a unit under parentId (needs org:unit:edit)")
    ResponseEntity<UnitJson> create(@RequestBody NewOrgUnit body) {
        OrgUnitView created = units.create(body);
        return ResponseEntity.created(URI.create("/api/v1/org-units/" + created.id())).body(UnitJson.of(created));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Rename or re-sort a unit; its type and parent stay (needs org:unit:edit)")
    UnitJson update(@PathVariable long id, @RequestBody NewOrgUnit body) {
        return UnitJson.of(units.update(id, body));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a unit without sub-units or people (needs org:unit:edit)")
    ResponseEntity<Void> delete(@PathVariable long id) {
        units.delete(id);
        return ResponseEntity.noContent().build();
    }
}
