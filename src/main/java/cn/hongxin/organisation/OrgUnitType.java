package cn.hongxin.organisation;

/** Party organisations and the administrative units beside them. */
public enum OrgUnitType {
    PARTY_COMMITTEE(true), GENERAL_BRANCH(true), BRANCH(true), PARTY_GROUP(true),
    DEPARTMENT(false), TEACHING_OFFICE(false), CLASS(false);

    private final boolean party;

    OrgUnitType(boolean party) {
        this.party = party;
    }

    public boolean party() {
        return party;
    }

    /** The kinds a unit of this kind may contain. */
    public java.util.Set<OrgUnitType> allowedChildren() {
        return switch (this) {
            case PARTY_COMMITTEE -> java.util.EnumSet.of(GENERAL_BRANCH, BRANCH, DEPARTMENT);
            case GENERAL_BRANCH -> java.util.EnumSet.of(BRANCH, DEPARTMENT);
            case BRANCH -> java.util.EnumSet.of(PARTY_GROUP);
            case PARTY_GROUP, TEACHING_OFFICE, CLASS -> java.util.EnumSet.noneOf(OrgUnitType.class);
            case DEPARTMENT -> java.util.EnumSet.of(TEACHING_OFFICE, CLASS);
        };
    }
}
