package cn.hongxin.organisation;

import java.time.LocalDate;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.NotFoundException;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class PersonServiceTests {

    @Autowired
    PersonService people;
    @Autowired
    TestOrganisation org;
    @Autowired
    TestAccounts accounts;

    @Test
    void storesIdNumberEncryptedAndShowsItMasked() {
        var dept = org.department();
        long id = accounts.runAs(org.admin(), () -> people.create(student("张伟", "11010519491231002X", "S" + System.nanoTime(), dept)));
        PersonDetail detail = accounts.runAs(org.admin(), () -> people.get(id));
        assertThat(detail.idNumberMasked()).isEqualTo("110***********002X");
        assertThat(detail.phoneMasked()).isEqualTo("138****5678");
        assertThat(detail.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    }

    @Test
    void refusesAnIdNumberWithABadChecksumAndSavesNothing() {
        var dept = org.department();
        String staffNo = "S" + System.nanoTime();
        assertThatThrownBy(() -> accounts.runAs(org.admin(), () -> people.create(student("李娜", "110105194912310021", staffNo, dept))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.messageKey()).isEqualTo("idnumber.invalid.checksum")));
        long found = accounts.runAs(org.admin(), () -> people.search(new PersonQuery(staffNo, null, null, null, null), 0, 10).getTotalElements());
        assertThat(found).isZero();
    }

    @Test
    void pinyinSearchFindsChineseNames() {
        var dept = org.department();
        accounts.runAs(org.admin(), () -> people.create(student("张伟", null, "P" + System.nanoTime(), dept)));
        var result = accounts.runAs(org.admin(), () -> people.search(
                new PersonQuery("zhang", dept.generalBranch().id(), null, null, null), 0, 10));
        assertThat(result.getContent()).extracting(PersonRow::name).contains("张伟");
        var byInitials = accounts.runAs(org.admin(), () -> people.search(
                new PersonQuery("zw", dept.generalBranch().id(), null, null, null), 0, 10));
        assertThat(byInitials.getContent()).extracting(PersonRow::name).contains("张伟");
    }

    @Test
    void aBranchSecretaryCannotReadAnotherBranchsPerson() {
        var dept = org.department();
        long teacher = accounts.runAs(org.admin(), () -> people.create(new PersonForm("王芳", Gender.FEMALE, "汉族", null,
                null, null, null, "T" + System.nanoTime(), PersonType.TEACHER, dept.teachingOffice().id(),
                dept.teachersBranch().id(), null, PoliticalStatus.FULL_MEMBER, null, false)));
        String secretary = accounts.create("students-sec", EnumSet.of(Role.BRANCH_SECRETARY), dept.studentsBranch().id());
        assertThatThrownBy(() -> accounts.runAs(secretary, () -> people.get(teacher)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aBranchSecretaryPlacesAStudentInAClassOutsideTheirScopeThroughTheirBranch() {
        var dept = org.department();
        String secretary = accounts.create("students-sec", EnumSet.of(Role.BRANCH_SECRETARY), dept.studentsBranch().id());
        long id = accounts.runAs(secretary, () -> people.create(student("赵敏", null, "B" + System.nanoTime(), dept)));
        assertThat(accounts.runAs(secretary, () -> people.get(id)).adminUnitName()).isEqualTo(dept.clazz().name());

        PersonForm withoutBranch = new PersonForm("钱多", Gender.MALE, "汉族", null, null, null, null,
                "B" + System.nanoTime(), PersonType.STUDENT, dept.clazz().id(), null, null,
                PoliticalStatus.LEAGUE_MEMBER, null, false);
        assertThatThrownBy(() -> accounts.runAs(secretary, () -> people.create(withoutBranch)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.messageKey()).isEqualTo("person.unit.outOfScope")));
    }

    static PersonForm student(String name, String idNumber, String staffNo, TestOrganisation.Department dept) {
        return new PersonForm(name, Gender.MALE, "汉族", null, idNumber, "13812345678", null, staffNo,
                PersonType.STUDENT, dept.clazz().id(), dept.studentsBranch().id(), null, PoliticalStatus.LEAGUE_MEMBER,
                null, false);
    }
}
