package cn.hongxin.brand;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.hongxin.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The brand over the API: any signed-in caller reads it; {@code brand:edit} changes its texts. */
@RestController
@RequestMapping("/api/v1/brand")
@Tag(name = "Brand", description = "The party-building brand: name, slogan, concept, connotation, logo")
class BrandApiController {

    private final BrandService brands;

    BrandApiController(BrandService brands) {
        this.brands = brands;
    }

    @GetMapping
    @Operation(summary = "The brand the portal presents (the oldest active one); 404 when there is none")
    BrandView presented() {
        return brands.presented().orElseThrow(() -> new NotFoundException("brand", "presented"));
    }

    @GetMapping("/all")
    @Operation(summary = "Every brand, oldest first")
    List<BrandView> all() {
        return brands.brands();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One brand")
    BrandView get(@PathVariable long id) {
        return brands.get(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace the brand's texts and active flag (needs brand:edit)")
    BrandView update(@PathVariable long id, @RequestBody BrandForm body) {
        return brands.update(id, body);
    }
}
