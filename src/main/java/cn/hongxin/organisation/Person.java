package cn.hongxin.organisation;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A teacher or student. The resident-ID number and phone are stored encrypted, with a masked copy
 * for lists and a blind index for uniqueness; nobody reads them in clear without the reveal permission.
 */
@Entity
@Table(name = "person")
class Person {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    private String namePinyin;
    private String nameInitials;
    private String nameSort;
    @Enumerated(EnumType.STRING)
    private Gender gender;
    private String ethnicity;
    private LocalDate birthDate;
    private String idNumberEnc;
    private String idNumberHash;
    private String idNumberMasked;
    private String phoneEnc;
    private String phoneMasked;
    private String email;
    private String staffNo;
    @Enumerated(EnumType.STRING)
    private PersonType personType;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "admin_unit_id")
    private OrgUnit adminUnit;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "branch_id")
    private OrgUnit branch;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "party_group_id")
    private OrgUnit partyGroup;
    @Enumerated(EnumType.STRING)
    private PoliticalStatus politicalStatus;
    private LocalDate statusSince;
    private boolean partyLeader;
    private boolean active = true;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected Person() {
    }

    Person(PersonType personType) {
        this.personType = personType;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    void touch() {
        updatedAt = Instant.now();
    }

    Long getId() { return id; }
    String getName() { return name; }
    void setName(String name) { this.name = name; }
    String getNamePinyin() { return namePinyin; }
    void setNamePinyin(String namePinyin) { this.namePinyin = namePinyin; }
    String getNameSort() { return nameSort; }
    void setNameSort(String nameSort) { this.nameSort = nameSort; }
    String getNameInitials() { return nameInitials; }
    void setNameInitials(String nameInitials) { this.nameInitials = nameInitials; }
    Gender getGender() { return gender; }
    void setGender(Gender gender) { this.gender = gender; }
    String getEthnicity() { return ethnicity; }
    void setEthnicity(String ethnicity) { this.ethnicity = ethnicity; }
    LocalDate getBirthDate() { return birthDate; }
    void setBirthDate(LocalDate birthDate) { this.birthDate = birthDate; }
    String getIdNumberEnc() { return idNumberEnc; }
    void setIdNumberEnc(String idNumberEnc) { this.idNumberEnc = idNumberEnc; }
    String getIdNumberHash() { return idNumberHash; }
    void setIdNumberHash(String idNumberHash) { this.idNumberHash = idNumberHash; }
    String getIdNumberMasked() { return idNumberMasked; }
    void setIdNumberMasked(String idNumberMasked) { this.idNumberMasked = idNumberMasked; }
    String getPhoneEnc() { return phoneEnc; }
    void setPhoneEnc(String phoneEnc) { this.phoneEnc = phoneEnc; }
    String getPhoneMasked() { return phoneMasked; }
    void setPhoneMasked(String phoneMasked) { this.phoneMasked = phoneMasked; }
    String getEmail() { return email; }
    void setEmail(String email) { this.email = email; }
    String getStaffNo() { return staffNo; }
    void setStaffNo(String staffNo) { this.staffNo = staffNo; }
    PersonType getPersonType() { return personType; }
    void setPersonType(PersonType personType) { this.personType = personType; }
    OrgUnit getAdminUnit() { return adminUnit; }
    void setAdminUnit(OrgUnit adminUnit) { this.adminUnit = adminUnit; }
    OrgUnit getBranch() { return branch; }
    void setBranch(OrgUnit branch) { this.branch = branch; }
    OrgUnit getPartyGroup() { return partyGroup; }
    void setPartyGroup(OrgUnit partyGroup) { this.partyGroup = partyGroup; }
    PoliticalStatus getPoliticalStatus() { return politicalStatus; }
    void setPoliticalStatus(PoliticalStatus politicalStatus) { this.politicalStatus = politicalStatus; }
    LocalDate getStatusSince() { return statusSince; }
    void setStatusSince(LocalDate statusSince) { this.statusSince = statusSince; }
    boolean isPartyLeader() { return partyLeader; }
    void setPartyLeader(boolean partyLeader) { this.partyLeader = partyLeader; }
    boolean isActive() { return active; }
    void setActive(boolean active) { this.active = active; }
    Instant getCreatedAt() { return createdAt; }
    Instant getUpdatedAt() { return updatedAt; }
}
