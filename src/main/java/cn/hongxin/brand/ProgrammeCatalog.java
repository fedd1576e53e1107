package cn.hongxin.brand;

import java.util.List;
import java.util.Optional;

/** Read access to the programme of the brands, for the modules that evaluate or report on it. */
public interface ProgrammeCatalog {

    /** Every measure of every active brand, with its requirements, in programme order. */
    List<MeasureDefinition> measures();

    Optional<RequirementDefinition> requirement(long id);

    /** The org unit owning the brand a measure belongs to (the default scope of its requirements). */
    long owningUnitOf(long measureId);

    /** The outcome indicators of every active brand, in programme order. */
    List<IndicatorDefinition> indicators();
}
