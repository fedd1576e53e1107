package cn.hongxin.compliance;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.hongxin.brand.BrandForm;
import cn.hongxin.brand.BrandService;
import cn.hongxin.brand.MeasureForm;
import cn.hongxin.brand.PeriodKind;
import cn.hongxin.brand.ProgrammeService;
import cn.hongxin.brand.QuantityKind;
import cn.hongxin.brand.RequirementForm;
import cn.hongxin.brand.SubjectKind;
import cn.hongxin.organisation.Gender;
import cn.hongxin.organisation.PersonForm;
import cn.hongxin.organisation.PersonService;
import cn.hongxin.organisation.PersonType;
import cn.hongxin.organisation.PoliticalStatus;
import cn.hongxin.security.AccountService;
import cn.hongxin.security.NewAccount;
import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.TestOrganisation;

/**
 * A brand of its own for a test department, with a red-book measure (a reading note each semester, a 十一 poster)
 * kept in the programme tables, so that the catalog, the pages and the reminders see it.
 */
@Component
class CompliancePrograms {

    /** The programme built: the measure and its two requirements, with unique names. */
    record Programme(String tag, long brandId, long measureId, long bookId, long posterId, String bookName,
                     String posterName) {
    }

    private final TestOrganisation org;
    private final TestAccounts accounts;
    private final BrandService brands;
    private final ProgrammeService programmes;
    private final PersonService people;
    private final AccountService accountService;

    CompliancePrograms(TestOrganisation org, TestAccounts accounts, BrandService brands, ProgrammeService programmes,
                       PersonService people, AccountService accountService) {
        this.org = org;
        this.accounts = accounts;
        this.brands = brands;
        this.programmes = programmes;
        this.people = people;
        this.accountService = accountService;
    }

    Programme redBooks(TestOrganisation.Department dept) {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        return accounts.runAs(org.admin(), () -> {
            long brand = brands.create(dept.generalBranch().id(),
                    new BrandForm("测试品牌" + tag, "红心向党", "理念", "内涵", true)).id();
            long measure = programmes.addMeasure(brand, new MeasureForm("RB_" + tag, "红色书籍读书会" + tag,
                    "Red books " + tag, "STUDENTS_BRANCH", "ACTIVITIES", 1, ""));
            String bookName = "读红色书籍写笔记" + tag;
            String posterName = "十一手绘海报" + tag;
            long book = programmes.addRequirement(measure, new RequirementForm("RB_NOTE_" + tag, bookName,
                    "Reading note " + tag, SubjectKind.PERSON, "", Set.of(), Set.of(), Set.of(PersonType.STUDENT),
                    QuantityKind.COUNT, BigDecimal.ONE, PeriodKind.SEMESTER, "", List.of("SUBMISSION_VERIFIED"),
                    List.of("READING_NOTE"))).id();
            long poster = programmes.addRequirement(measure, new RequirementForm("RB_POSTER_" + tag, posterName,
                    "National Day poster " + tag, SubjectKind.PERSON, "", Set.of(), Set.of(),
                    Set.of(PersonType.STUDENT), QuantityKind.COUNT, BigDecimal.ONE, PeriodKind.SEMESTER,
                    ComplianceFixtures.GUOQING, List.of("SUBMISSION_VERIFIED"), List.of("POSTER"))).id();
            return new Programme(tag, brand, measure, book, poster, bookName, posterName);
        });
    }

    /** A student of the department's students' branch (optionally with an email address); returns the id. */
    long student(TestOrganisation.Department dept, String name, String email) {
        return accounts.runAs(org.admin(), () -> people.create(new PersonForm(name, Gender.FEMALE, "汉族", null, null,
                null, email, "S" + System.nanoTime(), PersonType.STUDENT, dept.clazz().id(),
                dept.studentsBranch().id(), null, PoliticalStatus.LEAGUE_MEMBER, null, false)));
    }

    /** A member account linked to the person; returns the username. */
    String account(long personId, Role role, Long scope) {
        String username = "cm-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.runAs(org.admin(), () -> accountService.create(new NewAccount(username, TestAccounts.PASSWORD,
                username, EnumSet.of(role), scope, personId)));
        return username;
    }
}
