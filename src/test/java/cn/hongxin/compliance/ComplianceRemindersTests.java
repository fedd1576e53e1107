package cn.hongxin.compliance;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hongxin.brand.ProgrammeCatalog;
import cn.hongxin.notifications.EmailSender;
import cn.hongxin.notifications.Inbox;
import cn.hongxin.notifications.TestEmailSenders;
import cn.hongxin.organisation.PersonContacts;
import cn.hongxin.submissions.SubmissionKind;
import cn.hongxin.submissions.SubmissionVerified;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static cn.hongxin.compliance.ComplianceFixtures.newId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders before the 十一 window closes: those behind get one in the inbox and one email (in Chinese), once,
 * however often the job runs; those who are done, and days too early, get nothing.
 */
@IntegrationTest
class ComplianceRemindersTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired
    ComplianceFixtures fixtures;
    @Autowired
    CompliancePrograms programs;
    @Autowired
    TestOrganisation org;
    @Autowired
    ProgrammeCatalog catalog;
    @Autowired
    ComplianceEngine engine;
    @Autowired
    CompliancePeriods periods;
    @Autowired
    Inbox inbox;
    @Autowired
    EmailSender unconfigured;
    @Autowired
    PersonContacts contacts;
    @Autowired
    MessageSource messages;
    @Autowired
    JdbcClient jdbc;

    TestOrganisation.Department dept;
    CompliancePrograms.Programme p;

    @BeforeEach
    void semester() {
        fixtures.semester();
        dept = org.department();
        p = programs.redBooks(dept);
    }

    ComplianceReminders reminders(EmailSender email) {
        return new ComplianceReminders(catalog, engine, periods, inbox, email, contacts, messages, 7, true);
    }

    @Test
    void thoseBehindGetOneReminderInTheInboxAndByEmailHoweverOftenTheJobRuns() throws Exception {
        String address = "chen" + p.tag().toLowerCase() + "@example.edu.cn";
        long behind = programs.student(dept, "陈红" + p.tag(), address);
        long done = programs.student(dept, "李明" + p.tag(), "li" + p.tag().toLowerCase() + "@example.edu.cn");
        long poster = newId();
        fixtures.publishAndWait(poster, new SubmissionVerified(poster, done, SubmissionKind.POSTER,
                LocalDate.of(2091, 9, 28), "GUOQING"));
        ComplianceReminders job = reminders(TestEmailSenders.smtp("127.0.0.1", greenMail.getSmtp().getPort()));

        job.remind(LocalDate.of(2091, 9, 26));  // 12 days before the window closes: too early
        assertThat(reminders(behind)).isZero();

        job.remind(LocalDate.of(2091, 10, 3));
        job.remind(LocalDate.of(2091, 10, 3));
        job.remind(LocalDate.of(2091, 10, 5));

        assertThat(reminders(behind)).isEqualTo(1);
        assertThat(reminders(done)).isZero();
        String title = "【提醒】「" + p.posterName() + "」将于2091年10月8日截止";
        assertThat(jdbc.sql("select title from notification where recipient_person_id = :p and kind = :k")
                .param("p", behind).param("k", ComplianceReminders.KIND).query(String.class).single())
                .isEqualTo(title);

        List<MimeMessage> mine = Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> recipient(m).equals(address)).toList();
        assertThat(mine).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo(title);
            String body = GreenMailUtil.getBody(m);
            String text = m.getContent().toString();
            assertThat(text).contains("陈红" + p.tag() + "同志").contains("2091-2092学年第一学期")
                    .contains(p.posterName()).contains("0/1").contains("2091年10月8日");
            assertThat(body).isNotBlank();
        });
        assertThat(Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> recipient(m).startsWith("li" + p.tag().toLowerCase()))).isEmpty();
    }

    @Test
    void withoutSmtpTheReminderStaysInTheInbox() {
        long behind = programs.student(dept, "王芳" + p.tag(), "wang" + p.tag().toLowerCase() + "@example.edu.cn");
        assertThat(unconfigured.configured()).isFalse();
        ComplianceReminders.Result result = reminders(unconfigured).remind(LocalDate.of(2091, 10, 4));
        assertThat(result.emailed()).isZero();
        assertThat(result.reminded()).isPositive();
        assertThat(reminders(behind)).isEqualTo(1);
        assertThat(Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> recipient(m).startsWith("wang" + p.tag().toLowerCase()))).isEmpty();
    }

    long reminders(long personId) {
        return jdbc.sql("select count(*) from notification where recipient_person_id = :p and kind = :k")
                .param("p", personId).param("k", ComplianceReminders.KIND).query(Long.class).single();
    }

    static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
