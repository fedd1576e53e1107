package cn.hongxin.setup;

/** The first-run form: the root organisation, the first administrator, and whether to load the demo. */
public record SetupForm(String organisationName, String adminUsername, String adminDisplayName, String password,
                 String passwordRepeat, Boolean loadDemo) {

    /** An unticked checkbox sends nothing: absent means no demo. */
    public SetupForm {
        loadDemo = Boolean.TRUE.equals(loadDemo);
    }

    public static SetupForm empty() {
        return new SetupForm("", "admin", "", "", "", true);
    }
}
