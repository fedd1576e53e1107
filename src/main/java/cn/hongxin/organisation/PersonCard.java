package cn.hongxin.organisation;

/**
 * What forming something across branches needs to know of a person, and nothing sensitive: no ID number,
 * phone, email, birth date, ethnicity or status history.
 *
 * @param partyPath     path of the person's party group, or else branch; null when neither
 * @param branchKind    the kind of the person's branch; null without a branch
 * @param departmentId  the department the person's class or teaching office belongs to (or the department itself)
 */
public record PersonCard(long id, String name, PersonType personType, PoliticalStatus politicalStatus,
                         Long branchId, String branchName, BranchKind branchKind, String partyPath,
                         Long adminUnitId, String adminUnitName, Long departmentId) {

    public boolean partyMember() {
        return politicalStatus != null && politicalStatus.partyMember();
    }
}
