package cn.hongxin.brand;

import java.util.List;

/**
 * A measure of the programme (定期议党会议, 周三讲堂, 一带一帮一, 红色书籍读书会 …) with its requirements.
 *
 * @param level    the organisation level it belongs to (e.g. GENERAL_BRANCH, TEACHERS_BRANCH, STUDENTS_BRANCH)
 * @param category the programme's grouping (e.g. MEETINGS, CARRIERS, PROJECTS, ACTIVITIES: the 4, 3, 2, 10)
 */
public record MeasureDefinition(long id, long brandId, String code, String nameZh, String nameEn, String level,
                                String category, int sortOrder, List<RequirementDefinition> requirements) {

    public MeasureDefinition {
        requirements = List.copyOf(requirements);
    }
}
