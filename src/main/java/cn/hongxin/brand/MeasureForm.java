package cn.hongxin.brand;

/** Adds or edits a measure of a programme. */
public record MeasureForm(String code, String nameZh, String nameEn, String level, String category, Integer sortOrder,
                          String description) {

    public static MeasureForm empty(String level, String category) {
        return new MeasureForm("", "", "", level == null ? "" : level, category == null ? "" : category, null, "");
    }

    public static MeasureForm of(MeasureView m) {
        return new MeasureForm(m.code(), m.nameZh(), m.nameEn(), m.level(), m.category(), m.sortOrder(),
                m.description());
    }
}
