package cn.hongxin.organisation;

import java.time.LocalDate;

/**
 * The person form and API body. On edit, a blank {@code idNumber} or {@code phone} keeps the stored value
 * (the form never shows them in clear).
 */
public record PersonForm(String name, Gender gender, String ethnicity, LocalDate birthDate, String idNumber,
                         String phone, String email, String staffNo, PersonType personType, Long adminUnitId,
                         Long branchId, Long partyGroupId, PoliticalStatus politicalStatus, LocalDate statusSince,
                         Boolean partyLeader) {

    public static PersonForm empty() {
        return new PersonForm(null, null, "汉族", null, null, null, null, null, PersonType.STUDENT, null, null, null,
                PoliticalStatus.MASSES, null, false);
    }
}
