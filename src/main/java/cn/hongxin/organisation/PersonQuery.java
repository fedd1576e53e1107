package cn.hongxin.organisation;

/** The people search form: free text (name, pinyin, initials, number), org unit, status, type. */
public record PersonQuery(String q, Long unitId, PoliticalStatus status, PersonType type, Boolean inactive) {

    public static PersonQuery all() {
        return new PersonQuery(null, null, null, null, null);
    }
}
