/**
 * Notifications: for now the in-app inbox ({@code /me/inbox}, and an unread badge for the top bar). Other
 * modules send through {@link cn.hongxin.notifications.Inbox} ({@code notifyPerson}, {@code notifyAccount});
 * a notification to a person reaches whichever account is linked to that person, also one opened later.
 * {@link cn.hongxin.notifications.EmailSender} sends plain-text email over SMTP when {@code spring.mail.host} is set
 * (reminders use it beside the inbox). WeChat delivery, and listening to other modules' events instead of being
 * called, come later.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "security"})
package cn.hongxin.notifications;
