package cn.hongxin.organisation;

import java.util.List;

/** A person in a list: sensitive values only masked. */
public record PersonRow(long id, String name, Gender gender, PersonType personType, String staffNo,
                        String branchName, String adminUnitName, PoliticalStatus politicalStatus,
                        String idNumberMasked, String phoneMasked, boolean partyLeader, List<PartyPost> posts,
                        boolean active) {
}
