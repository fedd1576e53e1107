package cn.hongxin.brand;

import java.util.List;

/** A measure as the programme page and the API show it, with its requirements. */
public record MeasureView(long id, long brandId, String code, String nameZh, String nameEn, String level,
                          String category, int sortOrder, String description, List<RequirementView> requirements) {

    public MeasureView {
        requirements = List.copyOf(requirements);
    }
}
