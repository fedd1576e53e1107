package cn.hongxin.security;

import java.util.EnumSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import cn.hongxin.shared.UserFacingException;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Separation of duties (三权分立) as AccountService enforces it. */
@IntegrationTest
class AccountServiceTests {

    @Autowired
    AccountService service;
    @Autowired
    TestAccounts accounts;
    @Autowired
    TestOrganisation org;
    @Autowired
    AccountRepository repository;
    @Autowired
    AuditTrail audit;

    /** First-run setup must run before any account exists, or it never runs in this context. */
    @BeforeEach
    void setUp() {
        org.admin();
    }

    @Test
    void officerRolesExcludeEachOtherAndSecurityRolesStandAlone() {
        assertThatThrownBy(() -> AccountService.checkSeparation(EnumSet.of(Role.SYSTEM_ADMIN, Role.AUDITOR)))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("account.roles.separation"));
        assertThatThrownBy(() -> AccountService.checkSeparation(EnumSet.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN)))
                .isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> AccountService.checkSeparation(EnumSet.of(Role.AUDITOR, Role.MEMBER)))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("account.roles.alone"));
        AccountService.checkSeparation(EnumSet.of(Role.SYSTEM_ADMIN, Role.BRANCH_SECRETARY));
    }

    @Test
    void theSecurityAdminAppointsAuditorsButNotOrdinaryAccounts() {
        String security = accounts.create("secadm", EnumSet.of(Role.SECURITY_ADMIN), null);
        var opened = accounts.runAs(security, () -> service.open(new NewAccount("aud-" + System.nanoTime(), null,
                "审计员", EnumSet.of(Role.AUDITOR), null, null)));
        assertThat(opened.initialPassword()).isNotBlank();
        assertThatThrownBy(() -> accounts.runAs(security, () -> service.open(new NewAccount("m-" + System.nanoTime(),
                null, null, EnumSet.of(Role.MEMBER), null, null))))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("account.roles.systemOnly"));
    }

    @Test
    void theSystemAdminCannotEditAnAuditorNorChangeItsOwnRoles() {
        String auditor = accounts.create("auditor", EnumSet.of(Role.AUDITOR), null);
        long auditorId = repository.findByUsernameIgnoreCase(auditor).orElseThrow().getId();
        String admin = accounts.create("sysadmin", EnumSet.of(Role.SYSTEM_ADMIN), null);
        long adminId = repository.findByUsernameIgnoreCase(admin).orElseThrow().getId();
        assertThatThrownBy(() -> accounts.runAs(admin, () -> service.update(auditorId, "x", EnumSet.of(Role.AUDITOR),
                null, false)))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("account.roles.securityOnly"));
        assertThat(repository.findById(auditorId).orElseThrow().isEnabled()).isTrue();
        assertThatThrownBy(() -> accounts.runAs(admin, () -> service.update(adminId, "x",
                EnumSet.of(Role.SYSTEM_ADMIN), null, false)))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("account.self.change"));
    }

    @Test
    void aScopedAdminCannotHandOutTheWholeOrganisation() {
        var dept = org.department();
        String scopedAdmin = accounts.create("sysadmin", EnumSet.of(Role.SYSTEM_ADMIN), dept.generalBranch().id());
        assertThatThrownBy(() -> accounts.runAs(scopedAdmin, () -> service.open(new NewAccount("s-" + System.nanoTime(),
                null, null, EnumSet.of(Role.BRANCH_SECRETARY), null, null))))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("account.scope.invalid"));
        var other = org.department();
        assertThatThrownBy(() -> accounts.runAs(scopedAdmin, () -> service.open(new NewAccount("s-" + System.nanoTime(),
                null, null, EnumSet.of(Role.BRANCH_SECRETARY), other.studentsBranch().id(), null))))
                .isInstanceOf(UserFacingException.class);
        var ok = accounts.runAs(scopedAdmin, () -> service.open(new NewAccount("s-" + System.nanoTime(), null, null,
                EnumSet.of(Role.BRANCH_SECRETARY), dept.studentsBranch().id(), null)));
        assertThat(ok.account().scopeOrgUnitId()).isEqualTo(dept.studentsBranch().id());
    }

    @Test
    void onlyTheAuditorReadsTheTrail() {
        String auditor = accounts.create("auditor", EnumSet.of(Role.AUDITOR), null);
        assertThat(accounts.runAs(auditor, () -> audit.search(null, null, null, null, null, 0, 10))).isNotEmpty();
        assertThatThrownBy(() -> accounts.runAs(org.admin(), () -> audit.search(null, null, null, null, null, 0, 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.runAs(org.admin(), () -> audit.verify()))
                .isInstanceOf(AccessDeniedException.class);
    }
}
