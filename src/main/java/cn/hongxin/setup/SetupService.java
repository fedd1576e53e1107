package cn.hongxin.setup;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hongxin.brand.ProgrammeService;
import cn.hongxin.organisation.OrgUnitService;
import cn.hongxin.organisation.OrgUnitType;
import cn.hongxin.organisation.OrgUnitView;
import cn.hongxin.security.AccountService;
import cn.hongxin.security.AuditAction;
import cn.hongxin.security.AuditOutcome;
import cn.hongxin.security.AuditTrail;
import cn.hongxin.security.NewAccount;
import cn.hongxin.security.PasswordPolicy;
import cn.hongxin.security.Role;
import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.UserFacingException;

/** Creates the root organisation and first administrator exactly once. */
@Service
public class SetupService {

    /** What setup produced: the admin's username and, with the demo, the demo accounts. */
    public record SetupResult(String adminUsername, List<DemoAccount> demoAccounts) {
    }

    private final AccountService accounts;
    private final OrgUnitService units;
    private final PasswordPolicy policy;
    private final DemoDepartment demo;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final AtomicBoolean done = new AtomicBoolean();
    private final ProgrammeService programmes;

    SetupService(PlatformTransactionManager transactionManager, AccountService accounts, OrgUnitService units,
                 PasswordPolicy policy, DemoDepartment demo,
                 AuditTrail audit, ProgrammeService programmes) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.accounts = accounts;
        this.units = units;
        this.policy = policy;
        this.demo = demo;
        this.audit = audit;
        this.programmes = programmes;
    }

    /** True once an account exists; cached after the first yes, as setup is never undone. */
    public boolean needed() {
        if (done.get()) {
            return false;
        }
        boolean exists = accounts.anyAccountExists();
        if (exists) {
            done.set(true);
        }
        return !exists;
    }

    /**
     * Runs setup once. The lock is held until the transaction has committed, so a second, concurrent
     * submission sees the first one's administrator and is refused.
     */
    public synchronized SetupResult run(SetupForm form) {
        SetupResult result = transactions.execute(status -> runInTransaction(form));
        done.set(true);
        return result;
    }

    private SetupResult runInTransaction(SetupForm form) {
        if (!needed()) {
            throw new UserFacingException("setup.already");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (form.organisationName() == null || form.organisationName().isBlank()) {
            problems.add(new FieldProblem("organisationName", "validation.required"));
        }
        if (form.adminUsername() == null || !form.adminUsername().strip().matches("[A-Za-z0-9_.@-]{3,64}")) {
            problems.add(new FieldProblem("adminUsername", "account.username.invalid"));
        }
        policy.violation(form.adminUsername(), form.password())
                .ifPresent(key -> problems.add(new FieldProblem("password", key, policy.minLength())));
        if (form.password() != null && !form.password().equals(form.passwordRepeat())) {
            problems.add(new FieldProblem("passwordRepeat", "password.repeat.mismatch"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String admin = form.adminUsername().strip();
        OrgUnitView root = units.createRoot(form.organisationName(), OrgUnitType.PARTY_COMMITTEE);
        accounts.create(new NewAccount(admin, form.password(),
                form.adminDisplayName() == null || form.adminDisplayName().isBlank() ? admin
                        : form.adminDisplayName().strip(),
                EnumSet.of(Role.SYSTEM_ADMIN), null, null));
        List<DemoAccount> demoAccounts = form.loadDemo() ? demo.load(root, admin) : List.of();
        programmes.installDefault(root, admin);
        audit.recordAs(admin, null, AuditAction.SETUP, "org_unit", root.id(),
                AuditOutcome.SUCCESS, form.loadDemo() ? "with demo department" : null);
        return new SetupResult(admin, demoAccounts);
    }
}
