package cn.hongxin.notifications;

import java.util.Properties;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Email senders for tests: one talking SMTP to a given host and port (GreenMail), without a new context. */
public final class TestEmailSenders {

    private TestEmailSenders() {
    }

    public static EmailSender smtp(String host, int port) {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost(host);
        mail.setPort(port);
        mail.setDefaultEncoding("UTF-8");
        Properties props = new Properties();
        props.put("mail.smtp.timeout", "5000");
        props.put("mail.smtp.connectiontimeout", "5000");
        mail.setJavaMailProperties(props);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("mailSender", mail);
        return new EmailSender(beans.getBeanProvider(JavaMailSender.class), "hongxin@example.edu.cn");
    }
}
