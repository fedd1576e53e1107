package cn.hongxin.brand;

/**
 * Portable names of units in a programme file: the template says STUDENTS_BRANCH rather than a unit's id or name,
 * and the role is resolved against the organisation the programme is loaded into, starting from the brand's owning
 * unit (or, for the owner itself, from the organisation's root): the unit itself if it fits, else the first
 * fitting unit below it in tree order.
 */
public enum UnitRole {
    /** A general branch (党总支). */
    GENERAL_BRANCH,
    /** A branch of teachers (教工党支部). */
    TEACHERS_BRANCH,
    /** A branch of students (学生党支部). */
    STUDENTS_BRANCH;

    /** The role named by {@code ref}, or null when {@code ref} is a unit's name. */
    public static UnitRole parse(String ref) {
        for (UnitRole r : values()) {
            if (r.name().equals(ref)) {
                return r;
            }
        }
        return null;
    }
}
