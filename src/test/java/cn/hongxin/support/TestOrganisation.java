package cn.hongxin.support;

import java.util.EnumSet;
import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.hongxin.organisation.BranchKind;
import cn.hongxin.organisation.NewOrgUnit;
import cn.hongxin.organisation.OrgUnitService;
import cn.hongxin.organisation.OrgUnitType;
import cn.hongxin.organisation.OrgUnitView;
import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.setup.SetupForm;
import cn.hongxin.setup.SetupService;

/**
 * Object mother for the org tree: makes sure first-run setup happened (a root and the "admin" account),
 * and builds fresh, uniquely named general branches with a teachers' and a students' branch.
 */
@Component
public class TestOrganisation {

    /** A general branch with its two branches, a department and a class, all new. */
    public record Department(OrgUnitView generalBranch, OrgUnitView teachersBranch, OrgUnitView studentsBranch,
                             OrgUnitView department, OrgUnitView clazz, OrgUnitView teachingOffice) {
    }

    private final SetupService setup;
    private final OrgUnitService units;
    private final TestAccounts accounts;
    private String admin;

    TestOrganisation(SetupService setup, OrgUnitService units, TestAccounts accounts) {
        this.setup = setup;
        this.units = units;
        this.accounts = accounts;
    }

    /** Runs first-run setup once per database; returns a system-admin username. */
    public synchronized String admin() {
        if (admin == null) {
            if (setup.needed()) {
                setup.run(new SetupForm("测试大学委员会", TestAccounts.ADMIN, "管理员", TestAccounts.PASSWORD,
                        TestAccounts.PASSWORD, false));
            }
            admin = accounts.create("sysadmin", EnumSet.of(Role.SYSTEM_ADMIN), null);
        }
        return admin;
    }

    public OrgUnitView root() {
        return accounts.runAs(admin(), () -> units.tree().get(0));
    }

    /** A new department: general branch, teachers' and students' branches, department, class, office. */
    public Department department() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        return accounts.runAs(admin(), () -> {
            OrgUnitView root = units.tree().get(0);
            OrgUnitView general = units.create(new NewOrgUnit(root.id(), "测试党总支" + tag, null,
                    OrgUnitType.GENERAL_BRANCH, null, 0, null));
            OrgUnitView teachers = units.create(new NewOrgUnit(general.id(), "教工支部" + tag, null,
                    OrgUnitType.BRANCH, BranchKind.TEACHERS, 1, null));
            OrgUnitView students = units.create(new NewOrgUnit(general.id(), "学生支部" + tag, null,
                    OrgUnitType.BRANCH, BranchKind.STUDENTS, 2, null));
            OrgUnitView dept = units.create(new NewOrgUnit(general.id(), "测试系" + tag, null,
                    OrgUnitType.DEPARTMENT, null, 3, null));
            OrgUnitView clazz = units.create(new NewOrgUnit(dept.id(), "临床2024级1班" + tag, null,
                    OrgUnitType.CLASS, null, 1, null));
            OrgUnitView office = units.create(new NewOrgUnit(dept.id(), "内科教研室" + tag, null,
                    OrgUnitType.TEACHING_OFFICE, null, 2, null));
            return new Department(general, teachers, students, dept, clazz, office);
        });
    }
}
