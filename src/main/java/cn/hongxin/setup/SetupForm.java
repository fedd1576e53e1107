package cn.hongxin.setup;

/** The first-run form: the root organisation, the first administrator, and whether to load the demo. */
public record SetupForm(String organisationName, String adminUsername, String adminDisplayName, String password,
                 String passwordRepeat, boolean loadDemo) {

    public static SetupForm empty() {
        return new SetupForm("", "admin", "", "", "", true);
    }
}
