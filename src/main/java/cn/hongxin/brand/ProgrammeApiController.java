package cn.hongxin.brand;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Programmes over the API (needs {@code brand:view}; import needs {@code brand:edit}): the tree as JSON, the
 * programme file as {@code application/yaml}. A refused file answers 400 with one error per problem, each
 * naming its line ({@code field} is {@code line:12}).
 */
@RestController
@RequestMapping("/api/v1/programmes")
@Tag(name = "Programmes", description = "The brand programme: measures and requirements, and its YAML file")
class ProgrammeApiController {

    static final String YAML = "application/yaml";

    private final ProgrammeService programmes;
    private final BrandService brands;

    ProgrammeApiController(ProgrammeService programmes, BrandService brands) {
        this.programmes = programmes;
        this.brands = brands;
    }

    @GetMapping
    @Operation(summary = "The programme of every brand")
    List<ProgrammeView> all() {
        return brands.brands().stream().map(b -> programmes.programme(b.id())).toList();
    }

    @GetMapping(value = "/{brandId}", produces = "application/json")
    @Operation(summary = "One brand's programme as a tree: measures in programme order with their requirements")
    ProgrammeView get(@PathVariable long brandId) {
        return programmes.programme(brandId);
    }

    @GetMapping(value = "/{brandId}", produces = YAML)
    @Operation(summary = "One brand's programme file (Accept: application/yaml)")
    String export(@PathVariable long brandId) {
        return programmes.exportYaml(brandId);
    }

    @PutMapping(value = "/{brandId}", consumes = YAML, produces = "application/json")
    @Operation(summary = "Replace the brand and its whole programme with a file; refused whole, line by line")
    ProgrammeView importFile(@PathVariable long brandId, @RequestBody String body) {
        return programmes.importYaml(brandId, body);
    }
}
