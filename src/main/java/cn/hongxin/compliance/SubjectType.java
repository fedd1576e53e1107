package cn.hongxin.compliance;

/** What a verdict or a row of evidence is about: a person or an org unit. */
public enum SubjectType {
    PERSON("P"), UNIT("U");

    private final String code;

    SubjectType(String code) {
        this.code = code;
    }

    /** The one-letter code stored in the evidence table. */
    String code() {
        return code;
    }

    static SubjectType ofCode(String code) {
        return "U".equals(code) ? UNIT : PERSON;
    }
}
