package cn.hongxin.submissions;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

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

/** People with accounts linked to them, for submitting and reviewing. */
@Component
class SubmissionFixtures {

    private final TestOrganisation org;
    private final TestAccounts accounts;
    private final PersonService people;
    private final AccountService accountService;

    SubmissionFixtures(TestOrganisation org, TestAccounts accounts, PersonService people,
                       AccountService accountService) {
        this.org = org;
        this.accounts = accounts;
        this.people = people;
        this.accountService = accountService;
    }

    /** A student of the department's students' branch with a member account; returns the username. */
    String student(TestOrganisation.Department dept, String name) {
        return linked(dept, name, EnumSet.of(Role.MEMBER), null);
    }

    /** A person of the students' branch holding {@code roles}, scoped to {@code scopeUnitId}. */
    String linked(TestOrganisation.Department dept, String name, Set<Role> roles, Long scopeUnitId) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long personId = accounts.runAs(org.admin(), () -> people.create(new PersonForm(name, Gender.FEMALE, "汉族",
                null, null, null, null, "SUB" + tag, PersonType.STUDENT, dept.clazz().id(), dept.studentsBranch().id(),
                null, PoliticalStatus.PROBATIONARY_MEMBER, null, false)));
        String username = "sub-" + tag;
        accounts.runAs(org.admin(), () -> accountService.create(new NewAccount(username, TestAccounts.PASSWORD, name,
                roles, scopeUnitId, personId)));
        return username;
    }

    /** A real 8×8 PNG, as a phone camera upload would be for the file store (which checks content). */
    static byte[] png() {
        try {
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 8,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
