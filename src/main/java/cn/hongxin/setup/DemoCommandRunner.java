package cn.hongxin.setup;

import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * {@code --demo}: on an empty database, runs setup with the demo department and prints every demo
 * account's password once on the console (they are not stored anywhere in clear).
 */
@Component
class DemoCommandRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCommandRunner.class);

    private final SetupService setup;
    private final boolean demo;
    private final MessageSource messages;

    DemoCommandRunner(SetupService setup, @Value("${hongxin.demo:false}") boolean demo, MessageSource messages) {
        this.setup = setup;
        this.demo = demo;
        this.messages = messages;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo) {
            return;
        }
        if (!setup.needed()) {
            log.info("--demo: this database is already set up; nothing loaded");
            return;
        }
        String adminPassword = Passwords.generate(new SecureRandom());
        String orgName = messages.getMessage("demo.university", null, java.util.Locale.SIMPLIFIED_CHINESE);
        SetupService.SetupResult result = setup.run(new SetupForm(orgName, "admin",
                messages.getMessage("demo.adminName", null, java.util.Locale.SIMPLIFIED_CHINESE),
                adminPassword, adminPassword, true));
        StringBuilder out = new StringBuilder("\n==== Hongxin demo accounts (shown once) ====\n");
        out.append(String.format("%-22s %-16s %s%n", "SYSTEM_ADMIN", "admin", adminPassword));
        result.demoAccounts().forEach(a ->
                out.append(String.format("%-22s %-16s %s  %s%n", a.role(), a.username(), a.password(), a.scope())));
        out.append("============================================");
        log.warn(out.toString());
    }
}
