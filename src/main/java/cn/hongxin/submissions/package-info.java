/**
 * Personal submissions, the evidence of the ten activities: reading notes on a red book (book, author,
 * note), posters for 七一 and 十一 (a photo kept by the files module, only its id stored here), essays,
 * recited poems (confirmed by a committee member) and volunteer hours (claimed, then verified). Members
 * submit their own (idempotent on a client request id); secretaries and committee members review those of
 * people in their data scope (通过 / 退回 with a reason, never their own), and every verdict is published
 * as a past-tense event ({@link cn.hongxin.submissions.SubmissionVerified},
 * {@link cn.hongxin.submissions.SubmissionRejected}, {@link cn.hongxin.submissions.SubmissionRetracted},
 * {@link cn.hongxin.submissions.VolunteerHoursVerified}) through the event publication registry.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "security", "organisation", "files"})
package cn.hongxin.submissions;
