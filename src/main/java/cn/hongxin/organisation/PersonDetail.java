package cn.hongxin.organisation;

import java.time.LocalDate;
import java.util.List;

/** A person's record as the detail page shows it; ID number and phone are masked. */
public record PersonDetail(long id, String name, String namePinyin, Gender gender, String ethnicity,
                           LocalDate birthDate, String idNumberMasked, String phoneMasked, String email,
                           String staffNo, PersonType personType, Long adminUnitId, String adminUnitName,
                           Long branchId, String branchName, Long partyGroupId, String partyGroupName,
                           PoliticalStatus politicalStatus, LocalDate statusSince, boolean partyLeader,
                           boolean active, List<StatusChangeView> statusHistory, List<PostView> posts) {

    /** A post held, with the unit it is held in. */
    public record PostView(long id, PartyPost post, long orgUnitId, String orgUnitName, LocalDate since,
                           LocalDate until) {
    }
}
