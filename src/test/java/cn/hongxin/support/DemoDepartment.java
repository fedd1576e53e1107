package cn.hongxin.support;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import cn.hongxin.setup.DemoAccount;
import cn.hongxin.setup.SetupForm;
import cn.hongxin.setup.SetupService;

/**
 * The demo department, loaded through first-run setup once per application context (so per test database), and
 * the accounts setup opened for it. Browser tests on the demo data call {@link #load} before each test.
 */
public final class DemoDepartment {

    public static final String ADMIN = "admin";
    private static final Map<SetupService, DemoDepartment> LOADED = new IdentityHashMap<>();

    private final List<DemoAccount> accounts;
    private final String adminPassword;

    private DemoDepartment(List<DemoAccount> accounts, String adminPassword) {
        this.accounts = List.copyOf(accounts);
        this.adminPassword = adminPassword;
    }

    /**
     * Runs first-run setup with the demo department, the system admin {@code admin} holding
     * {@code adminPassword}, unless this context's database has been set up by an earlier call.
     */
    public static DemoDepartment load(SetupService setup, String adminPassword) {
        synchronized (LOADED) {
            DemoDepartment loaded = LOADED.get(setup);
            if (loaded == null) {
                if (!setup.needed()) {
                    throw new IllegalStateException("this test database was set up without the demo department");
                }
                loaded = new DemoDepartment(setup.run(new SetupForm("某某医科大学委员会", ADMIN, "系统管理员",
                        adminPassword, adminPassword, true)).demoAccounts(), adminPassword);
                LOADED.put(setup, loaded);
            }
            return loaded;
        }
    }

    public List<DemoAccount> accounts() {
        return accounts;
    }

    /** The first demo account holding the role (a {@code security.Role} name). */
    public DemoAccount account(String role) {
        return accounts.stream().filter(a -> a.role().equals(role)).findFirst().orElseThrow(
                () -> new AssertionError("demo has no " + role + " account"));
    }

    /** The password of the system admin or of a demo account. */
    public String password(String username) {
        return username.equals(ADMIN) ? adminPassword
                : accounts.stream().filter(a -> a.username().equals(username)).findFirst().orElseThrow().password();
    }
}
