package cn.hongxin.notifications;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Plain-text email over SMTP (Spring Boot's {@code spring.mail.*} settings). Without {@code spring.mail.host}
 * there is no mail sender: {@link #send} then sends nothing, logs that once, and answers false, so callers keep
 * to the in-app inbox. The sender address is {@code hongxin.mail.from}.
 */
@Service
public class EmailSender {

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

    private final ObjectProvider<JavaMailSender> mailSender;
    private final String from;
    private volatile boolean warned;

    EmailSender(ObjectProvider<JavaMailSender> mailSender,
                @Value("${hongxin.mail.from:hongxin@localhost}") String from) {
        this.mailSender = mailSender;
        this.from = from;
    }

    /** Whether an SMTP server is configured. */
    public boolean configured() {
        return mailSender.getIfAvailable() != null;
    }

    /**
     * Sends one message in UTF-8; false when no SMTP server is configured, the address is blank, or sending
     * failed (logged, never thrown: a reminder by email is a courtesy beside the inbox).
     */
    public boolean send(String to, String subject, String body) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            if (!warned) {
                warned = true;
                log.info("No SMTP server configured (spring.mail.host): notifications stay in the in-app inbox");
            }
            return false;
        }
        if (to == null || to.isBlank()) {
            return false;
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(to.strip());
            helper.setSubject(subject);
            helper.setText(body, false);
            sender.send(message);
            return true;
        } catch (MessagingException | MailException e) {
            log.warn("Could not send email to {}: {}", to, e.getMessage());
            return false;
        }
    }
}
