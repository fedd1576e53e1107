/**
 * Events: one model for every kind of meeting, lecture and activity of the party-building programme —
 * the four meetings (定期议党会议, 专题议党会议, 民主生活会, 党政联席会议), the Wednesday Lecture Hall
 * (周三讲堂) and party lectures, the ten student activities, health talks, and the standard kinds
 * (支部党员大会, 支委会, 党小组会, 主题党日). It owns the catalogue of event types (data, not code), the
 * events with their invitees (the rule and the people it resolved to), the state machine
 * (planned → under way → done, or cancelled), attendance (manual roll-call and idempotent sign-in),
 * minutes, resolutions and their follow-up, contest results and volunteer hours, and the Wednesday Lecture Hall
 * series ({@link cn.hongxin.events.LectureSeriesService}: one lecture per teaching-week Wednesday, rotating topics,
 * speakers, materials as file ids of the files module, attendees' feedback).
 * <p>
 * Data scope: an event belongs to its organiser's org unit; accounts with {@code event:view} see the
 * events of units in their scope, and everybody sees the events they are invited to. It publishes
 * past-tense events ({@link cn.hongxin.events.AttendanceRecorded}, {@link cn.hongxin.events.AttendanceRetracted},
 * {@link cn.hongxin.events.LectureGiven}, {@link cn.hongxin.events.VolunteerHoursRecorded},
 * {@link cn.hongxin.events.EventClosed}) through the event publication registry. Invitees hear of scheduling,
 * moves and cancellations, and assignees of their actions, through the notifications module's inbox. Event
 * photos and attachments are file ids of the files module; who may download them follows the event.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "security", "organisation", "files", "notifications"})
package cn.hongxin.events;
