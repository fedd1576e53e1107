package cn.hongxin.brand;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A brand's whole programme: the measures in programme order, and the same grouped by level and category. */
public record ProgrammeView(BrandView brand, List<MeasureView> measures) {

    /** The measures of one category of a level. */
    public record Category(String code, List<MeasureView> measures) {
    }

    /** The categories of one level, in programme order. */
    public record Level(String code, List<Category> categories) {

        public int measureCount() {
            return categories.stream().mapToInt(c -> c.measures().size()).sum();
        }
    }

    public ProgrammeView {
        measures = List.copyOf(measures);
    }

    /** Levels in the order their first measure appears; inside each, categories likewise. */
    public List<Level> levels() {
        Map<String, Map<String, List<MeasureView>>> grouped = new LinkedHashMap<>();
        for (MeasureView m : measures) {
            grouped.computeIfAbsent(m.level(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(m.category(), k -> new ArrayList<>()).add(m);
        }
        List<Level> levels = new ArrayList<>();
        grouped.forEach((level, categories) -> levels.add(new Level(level, categories.entrySet().stream()
                .map(e -> new Category(e.getKey(), List.copyOf(e.getValue()))).toList())));
        return levels;
    }

    public int requirementCount() {
        return measures.stream().mapToInt(m -> m.requirements().size()).sum();
    }
}
