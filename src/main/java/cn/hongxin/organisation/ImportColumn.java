package cn.hongxin.organisation;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The columns of the people import template, in template order. Headers are matched by name (in
 * either language), not by position, so a user may reorder or drop optional columns.
 */
enum ImportColumn {
    NAME("name", true, 10),
    GENDER("gender", true, 8),
    ETHNICITY("ethnicity", false, 8),
    BIRTH_DATE("birthDate", false, 12),
    ID_NUMBER("idNumber", false, 22),
    PHONE("phone", false, 15),
    EMAIL("email", false, 22),
    STAFF_NO("staffNo", true, 14),
    PERSON_TYPE("personType", true, 20),
    ADMIN_UNIT("adminUnitId", false, 20),
    BRANCH("branchId", false, 20),
    PARTY_GROUP("partyGroupId", false, 16),
    POLITICAL_STATUS("politicalStatus", true, 16),
    STATUS_SINCE("statusSince", false, 16),
    PARTY_LEADER("partyLeader", false, 18);

    /** Columns the template formats as text, so Excel keeps leading zeros and all 18 digits. */
    static final Set<ImportColumn> TEXT = EnumSet.of(ID_NUMBER, PHONE, STAFF_NO);
    static final Set<ImportColumn> DATES = EnumSet.of(BIRTH_DATE, STATUS_SINCE);

    private final String field;
    private final boolean required;
    private final int width;

    ImportColumn(String field, boolean required, int width) {
        this.field = field;
        this.required = required;
        this.width = width;
    }

    /** The {@link PersonForm} field (and {@link cn.hongxin.shared.FieldProblem#field()}) of this column. */
    String field() {
        return field;
    }

    boolean required() {
        return required;
    }

    int width() {
        return width;
    }

    /** Message key of the plain column name, e.g. 姓名. */
    String labelKey() {
        return "import.column." + name();
    }

    /** Message key of the allowed values shown in the header, e.g. 教职工/学生 (blank for most). */
    String hintKey() {
        return "import.column." + name() + ".hint";
    }

    /** Message key of other accepted header names, comma-separated (blank for most). */
    String aliasesKey() {
        return "import.column." + name() + ".aliases";
    }

    /** Message key of the explanation on the notes sheet. */
    String noteKey() {
        return "import.note." + name();
    }

    /** Message key of the example value on the notes sheet. */
    String exampleKey() {
        return "import.example." + name();
    }

    static Optional<ImportColumn> forField(String field) {
        for (ImportColumn c : values()) {
            if (c.field.equals(field)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * A header cell reduced to what identifies it: no required star, no hint in brackets, no spaces,
     * lower case. "人员类别*(教职工/学生)" and "人员类别" both become "人员类别".
     */
    static String normaliseHeader(String text) {
        if (text == null) {
            return "";
        }
        String s = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).replace('\u00A0', ' ');
        int bracket = s.indexOf('(');
        if (bracket >= 0) {
            s = s.substring(0, bracket);
        }
        return s.replace("*", "").replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
