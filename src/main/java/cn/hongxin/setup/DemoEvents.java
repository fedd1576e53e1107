package cn.hongxin.setup;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.hongxin.events.AttendanceStatus;
import cn.hongxin.events.ContestResultForm;
import cn.hongxin.events.EventForm;
import cn.hongxin.events.EventService;
import cn.hongxin.events.EventTypeService;
import cn.hongxin.events.EventTypeView;
import cn.hongxin.events.LectureSeriesForm;
import cn.hongxin.events.LectureSeriesService;
import cn.hongxin.events.LectureTopic;
import cn.hongxin.events.LectureView;
import cn.hongxin.events.RollCallLine;
import cn.hongxin.events.ThreeCombination;
import cn.hongxin.organisation.AcademicCalendar;
import cn.hongxin.organisation.AcademicYearView;
import cn.hongxin.organisation.CalendarPeriodKind;
import cn.hongxin.organisation.CalendarPeriodView;
import cn.hongxin.organisation.OrgUnitView;
import cn.hongxin.organisation.PartyPost;
import cn.hongxin.organisation.PersonType;
import cn.hongxin.organisation.PoliticalStatus;
import cn.hongxin.organisation.SemesterView;
import cn.hongxin.security.AccountService;
import cn.hongxin.security.AccountView;
import cn.hongxin.security.NewAccount;
import cn.hongxin.security.Role;
import cn.hongxin.submissions.SubmissionService;

import static cn.hongxin.events.ThreeCombination.PARTY_AND_CAMPUS;
import static cn.hongxin.events.ThreeCombination.PARTY_AND_SERVICE;
import static cn.hongxin.events.ThreeCombination.RED_AND_TRADITIONAL;
import static cn.hongxin.organisation.PoliticalStatus.ACTIVIST;
import static cn.hongxin.organisation.PoliticalStatus.CANDIDATE;
import static cn.hongxin.organisation.PoliticalStatus.FULL_MEMBER;
import static cn.hongxin.organisation.PoliticalStatus.PROBATIONARY_MEMBER;

/**
 * The demo department's half-semester of activity, from the start of the current semester up to today,
 * and its next two weeks: the general branch's monthly 定期议党会议 and 党政联席会议 and one 专题议党会议;
 * each branch's 支委会, 支部党员大会, 党小组会 and 主题党日; the semester's 周三讲堂 series; the students'
 * activities (reading circle, poster exhibition, red-song contest, volunteer services, fitness) and the
 * teachers' health talk; then the members' submissions ({@link DemoSubmissions}).
 *
 * <p>Everything goes through the events module's public services as the demo account a secretary or
 * committee member would use, so every past event is started, has its roll-call, minutes and resolutions,
 * and is closed, publishing what happened ({@code AttendanceRecorded}, {@code EventClosed},
 * {@code LectureGiven} …) exactly as in real use. Only days before today are held; today and later stay
 * planned. To give lectures feedback and hand in submissions, some students get accounts of their own
 * (username: their student number; a generated password nobody sees, which the security administrator
 * can reset). A fixed seed makes two loads on the same day identical.
 */
@Component
class DemoEvents {

    private static final Logger log = LoggerFactory.getLogger(DemoEvents.class);

    static final long SEED = DemoDepartment.SEED + 11;
    /** How far ahead events are planned (besides the lecture series, which covers the semester). */
    static final int DAYS_AHEAD = 14;
    /** Every how many students (in the roster's order) one gets an account to submit with. */
    static final int ACCOUNT_EVERY = 15;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");

    private final EventService events;
    private final LectureSeriesService series;
    private final EventTypeService types;
    private final AcademicCalendar calendar;
    private final AccountService accounts;
    private final DemoSubmissions submissions;
    private final EntityManager entities;

    DemoEvents(EventService events, LectureSeriesService series, EventTypeService types, AcademicCalendar calendar,
               AccountService accounts, DemoSubmissions submissions, EntityManager entities) {
        this.entities = entities;
        this.events = events;
        this.series = series;
        this.types = types;
        this.calendar = calendar;
        this.accounts = accounts;
        this.submissions = submissions;
    }

    /**
     * Loads the activity of the demo department described by {@code roster}, as of today in the organisation's
     * time zone (the one the calendar and "my events" use).
     */
    void load(DemoRoster roster, String adminUsername) {
        long started = System.nanoTime();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        lighten();
        Run run = new Run(roster, adminUsername, LocalDate.now(EventService.ZONE));
        run.load();
        log.info("Demo activity loaded: {} events ({} held and closed), {} attendances, {} submissions in {} ms"
                        + " ({} ms CPU)", run.scheduled, run.closed, run.attendances, run.submitted,
                (System.nanoTime() - started) / 1_000_000, (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000);
    }

    /**
     * Setup runs in one transaction, and every query flushes it, checking every object loaded so far for changes:
     * with thousands of roll-call lines that would cost more than the demo itself. The services hand out only
     * records, never the objects they loaded, so after each event what is done is written and forgotten.
     */
    void lighten() {
        entities.flush();
        entities.clear();
    }

    /** How a person tends to take part: behind (often missing), keen (ahead), or ordinary. */
    enum Effort {
        BEHIND, ORDINARY, KEEN
    }

    /** Who is invited to a meeting or activity and how many of them come. */
    private enum Turnout {
        /** Everybody invited is expected: the roll-call records each of them. */
        EXPECTED,
        /** Open to all invited; party members, candidates and activists are expected, others come if they like. */
        OPEN
    }

    /** One event to hold (in the past) or to plan (in the next two weeks). */
    private static final class Plan {
        final String typeCode;
        final String account;
        final OrgUnitView unit;
        final String title;
        final LocalDateTime start;
        final LocalDateTime end;
        final String place;
        List<Long> inviteUnits = List.of();
        List<PoliticalStatus> inviteStatuses = List.of();
        List<Long> invitePersons = List.of();
        Long host;
        Long recorder;
        Long speaker;
        String speakerName;
        Set<ThreeCombination> tags = Set.of();
        String agenda;
        Turnout turnout = Turnout.EXPECTED;
        double optionalShare;
        DemoTexts.Sitting sitting;
        String summary;
        Consumer<Long> afterRollCall;
        Long eventId;
        boolean lecture;

        Plan(String typeCode, String account, OrgUnitView unit, String title, LocalDateTime start, int minutes,
             String place) {
            this.typeCode = typeCode;
            this.account = account;
            this.unit = unit;
            this.title = title;
            this.start = start;
            this.end = start.plusMinutes(minutes);
            this.place = place;
        }

        LocalDate day() {
            return start.toLocalDate();
        }
    }

    /** Attendance as recorded, counted for the minutes. */
    private static final class Turned {
        int invited;
        int present;
        int late;
        final List<String> excused = new ArrayList<>();
        final List<String> absent = new ArrayList<>();
        final List<Long> attendees = new ArrayList<>();
    }

    /** The state of one load. */
    final class Run {

        private final DemoRoster roster;
        private final String admin;
        private final LocalDate today;
        private final Random random = new Random(SEED);
        /** The days follow-ups were done on, drawn apart so the rest of the demo stays as it was. */
        private final Random followUps = new Random(SEED + 7);
        private final Map<Long, DemoRoster.Member> byId = new HashMap<>();
        private final Map<Long, Effort> effort = new HashMap<>();
        /** Person id → username, for the people who have an account. */
        private final Map<Long, String> accountOf = new LinkedHashMap<>();
        private final List<Plan> plans = new ArrayList<>();
        private final Map<String, Long> typeIds = new HashMap<>();
        private SemesterView semester;
        private List<CalendarPeriodView> periods = List.of();
        private int resolutionsPastDue;
        private int scheduled;
        private int closed;
        private int attendances;
        private int submitted;
        private final List<DemoSubmissions.VolunteerDay> volunteering = new ArrayList<>();
        private DemoSubmissions.PosterShow posterShow;
        private final List<DemoSubmissions.Reading> readings = new ArrayList<>();

        Run(DemoRoster roster, String admin, LocalDate today) {
            this.roster = roster;
            this.admin = admin;
            this.today = today;
            roster.everybody().forEach(m -> byId.put(m.id(), m));
        }

        void load() {
            Optional<AcademicYearView> year = calendar.yearOn(today);
            if (year.isEmpty()) {
                return;
            }
            periods = year.get().periods();
            // The semester under way, or (between semesters) the one that ended last; before the first one
            // starts, the first one (only its plans for the next two weeks are made).
            semester = year.get().semesters().stream().filter(s -> !s.startDate().isAfter(today))
                    .max(Comparator.comparing(SemesterView::startDate))
                    .orElseGet(() -> year.get().semesters().stream().min(Comparator.comparing(SemesterView::startDate))
                            .orElse(null));
            if (semester == null) {
                return;
            }
            as(admin, () -> {
                types.all().forEach(t -> typeIds.put(t.code(), t.id()));
                return null;
            });
            assignEffort();
            openAccounts();
            planGeneralBranch();
            planTeachersBranch();
            planStudentsBranch();
            planActivities();
            planLectures();
            plans.sort(Comparator.comparing((Plan p) -> p.start).thenComparing(p -> p.title));
            LocalDate horizon = today.plusDays(DAYS_AHEAD);
            for (Plan p : plans) {
                if (p.day().isBefore(today)) {
                    hold(p);
                } else if (!p.day().isAfter(horizon) && p.eventId == null) {
                    schedule(p);
                }
            }
            submitted = submissions.load(new DemoSubmissions.Inputs(today, semester, roster,
                    java.util.Collections.unmodifiableMap(new LinkedHashMap<>(accountOf)),
                    Map.copyOf(effort), roster.account("zhiwei"), roster.account("xuesheng"), List.copyOf(volunteering),
                    posterShow, List.copyOf(readings)));
        }

        // ---- people ----------------------------------------------------------------------------

        /** About one in eight is behind and one in five keen; the demo accounts' own people are set. */
        private void assignEffort() {
            Random r = new Random(SEED + 1);
            for (DemoRoster.Member m : roster.everybody()) {
                int x = r.nextInt(100);
                effort.put(m.id(), x < 12 ? Effort.BEHIND : x < 32 ? Effort.KEEN : Effort.ORDINARY);
            }
            roster.postings().forEach(p -> effort.put(p.personId(), Effort.KEEN));
        }

        /**
         * Links the demo accounts to their people and opens accounts for some students: every student post
         * holder and every {@link #ACCOUNT_EVERY}th student.
         */
        private void openAccounts() {
            for (String planned : List.of("zongzhi", "jiaogong", "xuesheng", "zhiwei", "dangyuan", "jiji")) {
                String username = roster.account(planned);
                as(admin, () -> accounts.search(username, 0, 5)).getContent().stream()
                        .filter(a -> a.username().equals(username) && a.personId() != null).findFirst()
                        .ifPresent(a -> accountOf.put(a.personId(), a.username()));
            }
            // The member and the committee member are ahead; the activist is an ordinary student.
            accountOf.forEach((id, username) -> {
                if (byId.get(id).type() == PersonType.STUDENT) {
                    effort.put(id, username.equals(roster.account("jiji")) ? Effort.ORDINARY : Effort.KEEN);
                }
            });
            List<DemoRoster.Member> students = roster.students();
            for (int i = 0; i < students.size(); i++) {
                DemoRoster.Member s = students.get(i);
                if (accountOf.containsKey(s.id()) || !(roster.holdsPost(s.id()) || i % ACCOUNT_EVERY == 7)) {
                    continue;
                }
                Role role = s.partyMember() ? Role.MEMBER : Role.PARTICIPANT;
                AccountView opened = as(admin, () -> accounts.open(new NewAccount(s.number(), null, s.name(),
                        EnumSet.of(role), roster.studentsBranch().id(), s.id()))).account();
                accountOf.put(s.id(), opened.username());
            }
        }

        // ---- the general branch ----------------------------------------------------------------

        private void planGeneralBranch() {
            OrgUnitView unit = roster.generalBranch();
            String who = roster.account("zongzhi");
            DemoRoster.Member secretary = roster.holder(unit, PartyPost.SECRETARY).orElseThrow();
            Long recorder = roster.holder(unit, PartyPost.ORGANISATION_COMMITTEE).map(DemoRoster.Member::id)
                    .orElse(secretary.id());
            List<Long> committee = new ArrayList<>(roster.officers(unit).stream().map(DemoRoster.Member::id).toList());
            roster.holder(roster.teachersBranch(), PartyPost.SECRETARY).ifPresent(m -> committee.add(m.id()));
            roster.holder(roster.studentsBranch(), PartyPost.SECRETARY).ifPresent(m -> committee.add(m.id()));
            List<Long> joint = new ArrayList<>(committee);
            officeHeads().forEach(m -> {
                if (!joint.contains(m.id())) {
                    joint.add(m.id());
                }
            });

            int i = 0;
            for (LocalDate day : monthly(DayOfWeek.TUESDAY, 2)) {
                DemoTexts.Sitting s = DemoTexts.pick(DemoTexts.REGULAR, i++);
                Plan p = new Plan("REGULAR_PARTY_MEETING", who, unit,
                        day.getMonthValue() + "月定期议党会议：" + s.subject(), day.atTime(14, 30), 120,
                        "行政楼三楼党员活动室");
                meeting(p, s, committee, secretary.id(), recorder);
            }
            i = 0;
            for (LocalDate day : monthly(DayOfWeek.THURSDAY, -1)) {
                DemoTexts.Sitting s = DemoTexts.pick(DemoTexts.JOINT, i++);
                Plan p = new Plan("JOINT_PARTY_ADMIN_MEETING", who, unit,
                        day.getMonthValue() + "月党政联席会议：" + s.subject(), day.atTime(15, 0), 120,
                        "行政楼三楼会议室");
                meeting(p, s, joint, secretary.id(), recorder);
            }
            LocalDate special = workday(semester.startDate().plusWeeks(6).with(TemporalAdjusters.nextOrSame(
                    DayOfWeek.THURSDAY)));
            List<Long> enlarged = new ArrayList<>(joint);
            Stream.of(roster.teachersBranch(), roster.studentsBranch()).flatMap(u -> roster.officers(u).stream())
                    .map(DemoRoster.Member::id).filter(id -> !enlarged.contains(id)).forEach(enlarged::add);
            Plan p = new Plan("SPECIAL_PARTY_MEETING", who, unit, "专题议党会议：" + DemoTexts.SPECIAL.subject(),
                    special.atTime(14, 30), 150, "行政楼三楼党员活动室");
            meeting(p, DemoTexts.SPECIAL, enlarged, secretary.id(), recorder);
        }

        private List<DemoRoster.Member> officeHeads() {
            DemoRoster.Member secretary = roster.holder(roster.generalBranch(), PartyPost.SECRETARY).orElseThrow();
            return roster.teachers().stream().filter(t -> t.partyLeader() && t.id() != secretary.id()).toList();
        }

        // ---- the branches ----------------------------------------------------------------------

        private void planTeachersBranch() {
            OrgUnitView unit = roster.teachersBranch();
            String who = roster.account("jiaogong");
            DemoRoster.Member secretary = roster.holder(unit, PartyPost.SECRETARY).orElseThrow();
            Long recorder = roster.holder(unit, PartyPost.ORGANISATION_COMMITTEE).map(DemoRoster.Member::id)
                    .orElse(secretary.id());
            List<Long> committee = roster.officers(unit).stream().map(DemoRoster.Member::id).toList();
            int i = 0;
            for (LocalDate day : monthly(DayOfWeek.MONDAY, 1)) {
                DemoTexts.Sitting s = DemoTexts.pick(DemoTexts.TEACHERS_COMMITTEE, i++);
                meeting(new Plan("BRANCH_COMMITTEE_MEETING", who, unit, day.getMonthValue() + "月支委会：" + s.subject(),
                        day.atTime(16, 30), 90, "内科学教研室会议室"), s, committee, secretary.id(), recorder);
            }
            i = 0;
            for (LocalDate day : weekly(DayOfWeek.MONDAY, 3, 7)) {
                DemoTexts.Sitting s = DemoTexts.pick(DemoTexts.TEACHERS_GENERAL, i++);
                Plan p = new Plan("BRANCH_GENERAL_MEETING", who, unit, "支部党员大会：" + s.subject(),
                        day.atTime(16, 30), 90, "临床技能中心二楼会议室");
                p.inviteStatuses = List.of(FULL_MEMBER, PROBATIONARY_MEMBER);
                meeting(p, s, List.of(), secretary.id(), recorder);
            }
            groups(who, roster.teacherGroups(), DayOfWeek.MONDAY, 3, LocalTime.of(12, 30), "教研室办公室");
            i = 0;
            for (LocalDate day : monthly(DayOfWeek.FRIDAY, -1)) {
                String title = DemoTexts.pick(DemoTexts.TEACHERS_THEMED_DAYS, i);
                Plan p = new Plan("THEMED_PARTY_DAY", who, unit, title, day.atTime(14, 30), 150,
                        i % 4 == 1 ? "城南社区卫生服务中心" : "临床技能中心报告厅");
                p.inviteStatuses = List.of(FULL_MEMBER, PROBATIONARY_MEMBER);
                p.host = secretary.id();
                p.tags = i % 4 == 1 ? Set.of(PARTY_AND_SERVICE) : Set.of(PARTY_AND_CAMPUS);
                p.summary = i % 4 == 1
                        ? "支部党员走进城南社区开展义诊，测量血压、血糖一百余人次，发放健康宣传资料二百余份，为居民解答用药和慢病管理问题。"
                        : "支部党员集体重温入党誓词，交流岗位建功体会，" + "进一步坚定了理想信念，增强了服务患者、服务学生的自觉。";
                plans.add(p);
                i++;
            }
        }

        private void planStudentsBranch() {
            OrgUnitView unit = roster.studentsBranch();
            // The branch's secretary is a counsellor, a teacher outside the branch secretary's data scope: the
            // meetings he chairs are entered with the general branch's account; the groups' with the branch's.
            String who = roster.account("zongzhi");
            DemoRoster.Member secretary = roster.holder(unit, PartyPost.SECRETARY).orElseThrow();
            Long recorder = roster.holder(unit, PartyPost.ORGANISATION_COMMITTEE).map(DemoRoster.Member::id)
                    .orElse(secretary.id());
            List<Long> committee = roster.officers(unit).stream().map(DemoRoster.Member::id).toList();
            int i = 0;
            for (LocalDate day : monthly(DayOfWeek.TUESDAY, 1)) {
                DemoTexts.Sitting s = DemoTexts.pick(DemoTexts.STUDENTS_COMMITTEE, i++);
                meeting(new Plan("BRANCH_COMMITTEE_MEETING", who, unit, day.getMonthValue() + "月支委会：" + s.subject(),
                        day.atTime(12, 30), 60, "学生活动中心204室"), s, committee, secretary.id(), recorder);
            }
            i = 0;
            for (LocalDate day : weekly(DayOfWeek.THURSDAY, 4, 7)) {
                DemoTexts.Sitting s = DemoTexts.pick(DemoTexts.STUDENTS_GENERAL, i++);
                Plan p = new Plan("BRANCH_GENERAL_MEETING", who, unit, "支部党员大会：" + s.subject(),
                        day.atTime(19, 0), 90, "教学楼A101");
                p.inviteStatuses = List.of(FULL_MEMBER, PROBATIONARY_MEMBER);
                meeting(p, s, List.of(), secretary.id(), recorder);
            }
            groups(roster.account("xuesheng"), roster.studentGroups(), DayOfWeek.WEDNESDAY, 2, LocalTime.of(19, 0),
                    "学生公寓党员之家");
            i = 0;
            for (LocalDate day : monthly(DayOfWeek.FRIDAY, 3)) {
                String title = DemoTexts.pick(DemoTexts.STUDENTS_THEMED_DAYS, i);
                Plan p = new Plan("THEMED_PARTY_DAY", who, unit, title, day.atTime(14, 30), 150,
                        i % 4 == 1 ? "市烈士陵园" : "学生活动中心报告厅");
                p.inviteStatuses = List.of(FULL_MEMBER, PROBATIONARY_MEMBER, CANDIDATE);
                p.host = secretary.id();
                p.tags = i % 4 == 1 ? Set.of(RED_AND_TRADITIONAL) : i % 4 == 2 ? Set.of(PARTY_AND_SERVICE)
                        : Set.of(PARTY_AND_CAMPUS);
                p.summary = i % 4 == 1
                        ? "支部组织党员和发展对象赴市烈士陵园敬献花篮、重温入党誓词，聆听讲解员讲述革命先烈事迹，接受了一次深刻的党性教育。"
                        : "支部党员和发展对象围绕主题开展学习交流，结合专业学习和班级工作谈体会、提举措，形成了为同学办实事清单。";
                plans.add(p);
                i++;
            }
        }

        /** Each group meets monthly on the {@code nth} {@code dow}, one group a day after the other. */
        private void groups(String who, List<OrgUnitView> groups, DayOfWeek dow, int nth, LocalTime at, String place) {
            for (int g = 0; g < groups.size(); g++) {
                OrgUnitView group = groups.get(g);
                Long leader = roster.holder(group, PartyPost.GROUP_LEADER).map(DemoRoster.Member::id).orElse(null);
                int i = g;
                for (LocalDate day : monthly(dow, nth)) {
                    DemoTexts.Sitting s = DemoTexts.pick(DemoTexts.GROUP, i++);
                    Plan p = new Plan("PARTY_GROUP_MEETING", who, group,
                            group.name() + day.getMonthValue() + "月党小组会：" + s.subject(),
                            workday(day.plusDays(g)).atTime(at), 60, place);
                    p.inviteUnits = List.of(group.id());
                    meeting(p, s, List.of(), leader, leader);
                }
            }
        }

        private void meeting(Plan p, DemoTexts.Sitting s, List<Long> invitees, Long host, Long recorder) {
            p.invitePersons = invitees;
            p.host = host;
            p.recorder = recorder;
            p.sitting = s;
            p.agenda = numbered(s.topics());
            plans.add(p);
        }

        // ---- activities ------------------------------------------------------------------------

        private void planActivities() {
            OrgUnitView students = roster.studentsBranch();
            String zhiwei = roster.account("zhiwei");
            Long organiser = roster.holder(students, PartyPost.PROPAGANDA_COMMITTEE).map(DemoRoster.Member::id)
                    .orElse(null);
            List<DemoRoster.Member> keenStudents = roster.students().stream()
                    .filter(s -> s.partyMember() || s.status() == CANDIDATE || s.status() == ACTIVIST).toList();

            // 红色书籍读书会: two sittings, each around one book.
            String[][] books = {DemoTexts.BOOKS.get(0), DemoTexts.BOOKS.get(2)};
            for (int k = 0; k < books.length; k++) {
                LocalDate day = workday(semester.startDate().plusWeeks(2 + 7L * k).with(
                        TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY)));
                Plan p = new Plan("RED_BOOK_READING", zhiwei, students,
                        "红色书籍读书会（第" + (k == 0 ? "一" : "二") + "期）：共读《" + books[k][0] + "》",
                        day.atTime(19, 0), 120, "图书馆三楼研讨室");
                p.invitePersons = sample(keenStudents, 24, withAccounts(true));
                p.host = organiser;
                p.tags = Set.of(PARTY_AND_CAMPUS, RED_AND_TRADITIONAL);
                p.agenda = "1. 领读重点章节\n2. 分组交流读书体会\n3. 布置读书笔记";
                p.summary = "读书会围绕《" + books[k][0] + "》分组研讨，同学们交流了书中最受触动的人物和情节，"
                        + "结合医学生的使命谈了体会。会后每人提交一篇读书笔记。";
                readings.add(new DemoSubmissions.Reading(day, books[k][0], books[k][1]));
                plans.add(p);
            }

            // The poster exhibition in the 十一 (or 七一) window.
            periods.stream().filter(w -> w.kind() == CalendarPeriodKind.WINDOW)
                    .filter(w -> SubmissionService.POSTER_WINDOWS.contains(w.code()))
                    .filter(w -> semester.contains(w.endDate()) || semester.contains(w.startDate()))
                    .findFirst().ifPresent(w -> {
                        LocalDate day = workday(w.endDate().minusDays(4));
                        boolean october = "OCTOBER_FIRST".equals(w.code());
                        Plan p = new Plan("RED_NEWSPAPER", zhiwei, students,
                                october ? "“喜迎国庆 礼赞祖国”红色手抄报展评" : "“红心向党”七一红色手抄报展评",
                                day.atTime(12, 0), 180, "学生活动中心一楼大厅");
                        List<Long> makers = sample(keenStudents, 26, withAccounts(true));
                        p.invitePersons = makers;
                        p.host = organiser;
                        p.tags = Set.of(PARTY_AND_CAMPUS, RED_AND_TRADITIONAL);
                        p.summary = "共展出手抄报" + makers.size() + "幅，经评委评审和师生投票，评出一等奖1名、二等奖2名、三等奖3名。"
                                + "作品将在学生公寓文化长廊继续展出一周。";
                        p.afterRollCall = id -> {
                            posterResults(id, makers);
                            posterShow = new DemoSubmissions.PosterShow(id, day, w.code(), w.startDate());
                        };
                        plans.add(p);
                    });

            // The red-song contest: a choir of each class.
            LocalDate songDay = workday(semester.startDate().plusWeeks(7).with(TemporalAdjusters.nextOrSame(
                    DayOfWeek.FRIDAY)));
            Plan song = new Plan("RED_SONG_CONTEST", zhiwei, students, "“唱响红色经典 礼赞伟大祖国”红歌比赛",
                    songDay.atTime(19, 0), 150, "学校大礼堂");
            song.inviteUnits = List.of(students.id());
            song.turnout = Turnout.OPEN;
            song.optionalShare = 0.55;
            song.host = organiser;
            song.tags = Set.of(PARTY_AND_CAMPUS, RED_AND_TRADITIONAL);
            song.agenda = "各班合唱队依抽签顺序演唱一首红色歌曲，评委现场打分，去掉最高分和最低分后取平均分。";
            song.summary = "全系" + roster.classes().size() + "个班级合唱队参赛，歌声嘹亮、精神饱满，现场观众四百余人。"
                    + "比赛评出一等奖1个、二等奖2个、三等奖3个，其余获优秀奖。";
            song.afterRollCall = this::songResults;
            plans.add(song);

            // Volunteer service: two Saturdays in the past, one ahead.
            String[][] services = {
                    {"“健康进社区”义诊志愿服务", "城南社区卫生服务中心"},
                    {"附属医院门诊导医志愿服务", "附属医院门诊大厅"},
                    {"“温暖冬日”敬老院志愿服务", "市第二福利院"}};
            List<LocalDate> serviceDays = new ArrayList<>(List.of(
                    saturday(semester.startDate().plusWeeks(4)), saturday(semester.startDate().plusWeeks(9))));
            serviceDays.add(saturday(today.plusDays(5)));
            for (int k = 0; k < serviceDays.size(); k++) {
                LocalDate day = serviceDays.get(k);
                String[] what = services[Math.min(k, services.length - 1)];
                Plan p = new Plan("VOLUNTEER_SERVICE", zhiwei, students, what[0], day.atTime(8, 30), 210, what[1]);
                List<Long> volunteers = sample(keenStudents, 16, withAccounts(true));
                p.invitePersons = volunteers;
                p.host = organiser;
                p.tags = Set.of(PARTY_AND_SERVICE);
                p.summary = "志愿者分组开展" + (k == 1 ? "门诊导诊、自助机使用指导和就医咨询" : "血压测量、健康咨询和宣传资料发放")
                        + "，服务群众一百余人次，受到服务对象好评。";
                p.afterRollCall = id -> volunteerHours(id, p, what[0]);
                plans.add(p);
            }

            // Fitness: teachers and students learn tai chi and aerobics together.
            String zongzhi = roster.account("zongzhi");
            List<DemoRoster.Member> mixed = new ArrayList<>(roster.teachers().stream()
                    .filter(DemoRoster.Member::partyMember).limit(10).toList());
            mixed.addAll(keenStudents.subList(0, Math.min(30, keenStudents.size())));
            List<Long> fitnessPeople = mixed.stream().map(DemoRoster.Member::id).toList();
            for (int k = 0; k < 3; k++) {
                LocalDate day = workday(semester.startDate().plusWeeks(3L + 4L * k).with(
                        TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY)));
                Plan p = new Plan("FITNESS", zongzhi, roster.generalBranch(),
                        k % 2 == 0 ? "师生同练二十四式太极拳（第" + (k / 2 + 1) + "期）" : "师生健身操教学", day.atTime(17, 0), 60,
                        "学校体育馆");
                p.invitePersons = fitnessPeople;
                p.tags = Set.of(RED_AND_TRADITIONAL, PARTY_AND_CAMPUS);
                p.summary = "体育教研室老师现场教学，师生一起练习，动作逐步规范。下一期将进行分组展示。";
                plans.add(p);
            }

            // The teachers' branch's health talk (健康你我他) for the students.
            DemoRoster.Member doctor = roster.teachers().stream()
                    .filter(t -> "内科学教研室".equals(t.office()) && t.partyMember() && !roster.holdsPost(t.id()))
                    .findFirst().orElse(roster.teachers().get(3));
            LocalDate talkDay = workday(semester.startDate().plusWeeks(8).with(TemporalAdjusters.nextOrSame(
                    DayOfWeek.TUESDAY)));
            Plan talk = new Plan("HEALTH_TALK", zongzhi, roster.teachersBranch(),
                    "“健康你我他”健康宣讲：大学生睡眠与心理健康", talkDay.atTime(19, 0), 90, "学生活动中心报告厅");
            talk.inviteUnits = List.of(students.id());
            talk.turnout = Turnout.OPEN;
            talk.optionalShare = 0.3;
            talk.speaker = doctor.id();
            talk.speakerName = doctor.name();
            talk.tags = Set.of(PARTY_AND_SERVICE, PARTY_AND_CAMPUS);
            talk.summary = doctor.name() + "医生结合门诊常见病例，讲解了失眠、焦虑的识别与自我调节方法，并现场解答同学提问。"
                    + "宣讲稿已推荐给校报“健康你我他”专栏。";
            plans.add(talk);

            // The recital at the end of the term, planned about ten days ahead.
            LocalDate recital = workday(today.plusDays(10));
            Plan poems = new Plan("POETRY_RECITAL", zhiwei, students, "“诵中华经典 颂伟大祖国”诗文朗诵会",
                    recital.atTime(19, 0), 120, "图书馆报告厅");
            poems.inviteUnits = List.of(students.id());
            poems.inviteStatuses = List.of(FULL_MEMBER, PROBATIONARY_MEMBER, CANDIDATE, ACTIVIST);
            poems.host = organiser;
            poems.tags = Set.of(RED_AND_TRADITIONAL);
            poems.agenda = "每个党小组推荐两个节目，每人背诵至少一首歌颂党和祖国的经典诗文。";
            plans.add(poems);
        }

        // ---- the Wednesday Lecture Hall --------------------------------------------------------

        private void planLectures() {
            String zongzhi = roster.account("zongzhi");
            OrgUnitView unit = roster.generalBranch();
            String name = as(admin, () -> calendar.years().stream()
                    .filter(y -> y.id() == semester.academicYearId()).findFirst().map(AcademicYearView::name)
                    .orElse("")) + "学年" + semester.name() + "“周三讲堂”";
            long seriesId = as(zongzhi, () -> series.create(new LectureSeriesForm(name, semester.id(), unit.id(),
                    LocalTime.of(14, 30), LocalTime.of(16, 0), "图书馆报告厅", LectureTopic.PARTY_LECTURE)));
            lighten();
            List<LectureView> lectures = as(zongzhi, () -> series.lectures(seriesId));
            scheduled += lectures.size();
            Map<LectureTopic, List<DemoRoster.Member>> speakers = speakers();
            Map<LectureTopic, Integer> counts = new HashMap<>();
            for (LectureView l : lectures) {
                int n = counts.merge(l.topic(), 1, Integer::sum) - 1;
                List<String> titles = switch (l.topic()) {
                    case PARTY_LECTURE -> DemoTexts.PARTY_LECTURES;
                    case THEORY -> DemoTexts.THEORY_LECTURES;
                    case DISCIPLINE -> DemoTexts.DISCIPLINE_LECTURES;
                };
                DemoRoster.Member speaker = DemoTexts.pick(speakers.get(l.topic()), n);
                String title = DemoTexts.pick(titles, n);
                as(zongzhi, () -> {
                    series.assign(l.eventId(), speaker.id(), title);
                    return null;
                });
                lighten();
                Plan p = new Plan("WEDNESDAY_LECTURE", zongzhi, unit, title, l.date().atTime(14, 30), 90, "图书馆报告厅");
                p.eventId = l.eventId();
                p.lecture = true;
                p.turnout = Turnout.OPEN;
                p.optionalShare = 0.06;
                p.speaker = speaker.id();
                p.summary = speaker.name() + "同志主讲《" + title + "》，" + "结合医学教育和临床工作实际，"
                        + "讲理论、讲历史、讲身边事，现场气氛热烈。";
                plans.add(p);
            }
        }

        /** Speakers by topic: the party leaders for 党课, the committee for theory, the discipline officers for 党风党纪. */
        private Map<LectureTopic, List<DemoRoster.Member>> speakers() {
            OrgUnitView general = roster.generalBranch();
            List<DemoRoster.Member> leaders = new ArrayList<>();
            roster.holder(general, PartyPost.SECRETARY).ifPresent(leaders::add);
            officeHeads().stream().filter(m -> !leaders.contains(m)).forEach(leaders::add);
            List<DemoRoster.Member> theory = new ArrayList<>();
            Stream.of(roster.holder(general, PartyPost.PROPAGANDA_COMMITTEE),
                            roster.holder(general, PartyPost.DEPUTY_SECRETARY),
                            roster.holder(roster.teachersBranch(), PartyPost.SECRETARY),
                            roster.holder(roster.studentsBranch(), PartyPost.SECRETARY))
                    .flatMap(Optional::stream).forEach(theory::add);
            List<DemoRoster.Member> discipline = new ArrayList<>();
            Stream.of(roster.holder(general, PartyPost.DISCIPLINE_COMMITTEE),
                            roster.holder(general, PartyPost.ORGANISATION_COMMITTEE),
                            roster.holder(roster.teachersBranch(), PartyPost.DISCIPLINE_COMMITTEE))
                    .flatMap(Optional::stream).forEach(discipline::add);
            return Map.of(LectureTopic.PARTY_LECTURE, leaders, LectureTopic.THEORY, theory,
                    LectureTopic.DISCIPLINE, discipline);
        }

        // ---- holding an event ------------------------------------------------------------------

        private void schedule(Plan p) {
            p.eventId = as(p.account, () -> events.schedule(form(p)));
            scheduled++;
            lighten();
        }

        private EventForm form(Plan p) {
            Long type = typeIds.get(p.typeCode);
            if (type == null) {
                throw new IllegalStateException("demo: no event type " + p.typeCode);
            }
            return new EventForm(type, p.unit.id(), p.title, p.host, p.speaker, p.speakerName, p.start, p.end,
                    p.place, p.agenda, p.tags, p.inviteUnits, p.inviteStatuses, List.of(), p.invitePersons);
        }

        /** A past event: scheduled, started, roll-call, minutes, resolutions, results, closed. */
        private void hold(Plan p) {
            if (p.eventId == null) {
                schedule(p);
            }
            long id = p.eventId;
            as(p.account, () -> {
                events.start(id);
                Turned turned = rollCall(p, id);
                if (p.afterRollCall != null) {
                    p.afterRollCall.accept(id);
                }
                List<String> decided = new ArrayList<>();
                if (p.sitting != null) {
                    for (DemoTexts.Decision d : p.sitting.decisions()) {
                        decided.add(resolve(p, id, d));
                    }
                    events.writeMinutes(id, minutes(p, turned, decided), meetingSummary(p, turned));
                } else if (p.summary != null) {
                    events.writeMinutes(id, null, p.summary + "（实到" + (turned.present + turned.late) + "人）");
                }
                events.close(id);
                return null;
            });
            closed++;
            if (p.lecture) {
                feedback(p, id);
            }
            lighten();
        }

        private Turned rollCall(Plan p, long id) {
            Turned t = new Turned();
            List<RollCallLine> lines = events.rollCall(id);
            lighten();
            List<EventService.RollCallEntry> entries = new ArrayList<>();
            t.invited = lines.size();
            Set<Long> always = Stream.of(p.host, p.recorder, p.speaker).filter(java.util.Objects::nonNull)
                    .collect(Collectors.toSet());
            for (RollCallLine line : lines) {
                DemoRoster.Member m = byId.get(line.personId());
                if (m == null) {
                    continue;
                }
                AttendanceStatus status;
                String reason = null;
                if (always.contains(m.id())) {
                    status = AttendanceStatus.PRESENT;
                } else {
                    status = decide(p, m);
                    if (status == null) {
                        continue;
                    }
                    if (status == AttendanceStatus.EXCUSED) {
                        reason = DemoTexts.pick(m.type() == PersonType.TEACHER ? DemoTexts.TEACHER_EXCUSES
                                : DemoTexts.STUDENT_EXCUSES, random.nextInt(6));
                    }
                }
                entries.add(new EventService.RollCallEntry(m.id(), status, reason));
                switch (status) {
                    case PRESENT -> t.present++;
                    case LATE -> t.late++;
                    case EXCUSED -> t.excused.add(m.name() + "（" + reason + "）");
                    case ABSENT -> t.absent.add(m.name());
                }
                if (status.attended()) {
                    t.attendees.add(m.id());
                }
            }
            // The secretary enters the paper sign-in sheet after the meeting, as one roll-call.
            attendances += events.recordRollCall(id, entries);
            return t;
        }

        /** Present, late, excused, absent, or (someone not expected who did not come) nothing. */
        private AttendanceStatus decide(Plan p, DemoRoster.Member m) {
            boolean expected = p.turnout == Turnout.EXPECTED || m.partyMember() || m.status() == CANDIDATE
                    || m.status() == ACTIVIST;
            if (!expected) {
                if (random.nextDouble() >= p.optionalShare) {
                    return null;
                }
                return random.nextInt(8) == 0 ? AttendanceStatus.LATE : AttendanceStatus.PRESENT;
            }
            Effort e = effort.getOrDefault(m.id(), Effort.ORDINARY);
            boolean teacherAtLecture = m.type() == PersonType.TEACHER && p.turnout == Turnout.OPEN;
            double[] odds = switch (e) {
                case KEEN -> new double[] {0.93, 0.04, 0.03};
                case BEHIND -> new double[] {0.50, 0.10, 0.12};
                case ORDINARY -> teacherAtLecture ? new double[] {0.62, 0.08, 0.24} : new double[] {0.83, 0.07, 0.07};
            };
            double r = random.nextDouble();
            if (r < odds[0]) {
                return AttendanceStatus.PRESENT;
            }
            if (r < odds[0] + odds[1]) {
                return AttendanceStatus.LATE;
            }
            if (r < odds[0] + odds[1] + odds[2]) {
                return AttendanceStatus.EXCUSED;
            }
            return AttendanceStatus.ABSENT;
        }

        /**
         * Adds a resolution and records its follow-up on the day it was done: of the follow-ups due before today
         * most are done on time (between the meeting and the due day), every sixth a few days late, and one stays
         * open (so the demo shows an overdue action); of the later ones a quarter are already done.
         */
        private String resolve(Plan p, long id, DemoTexts.Decision d) {
            DemoRoster.Member who = assignee(p, d.who());
            LocalDate due = p.day().plusDays(d.days());
            long rid = events.addResolution(id, d.text(), who == null ? null : who.id(), due);
            LocalDate doneOn = null;
            if (due.isBefore(today)) {
                int n = ++resolutionsPastDue;
                if (n % 6 == 0) {
                    doneOn = earliest(due.plusDays(1 + followUps.nextInt(5)), today);
                } else if (n != 3) {
                    doneOn = dayBetween(p.day(), due);
                }
            } else if (random.nextInt(4) == 0) {
                doneOn = dayBetween(p.day(), today);
            }
            if (doneOn != null) {
                events.recordResolutionDone(id, rid, doneOn);
            }
            return d.text() + "（责任人：" + (who == null ? "支部委员会" : who.name()) + "，" + DAY.format(due) + "前完成）";
        }

        /** A day from the first to the last, both included (the first when the last is not after it). */
        private LocalDate dayBetween(LocalDate first, LocalDate last) {
            long days = java.time.temporal.ChronoUnit.DAYS.between(first, last);
            return days <= 0 ? first : first.plusDays(followUps.nextInt((int) days + 1));
        }

        private static LocalDate earliest(LocalDate a, LocalDate b) {
            return a.isBefore(b) ? a : b;
        }

        private DemoRoster.Member assignee(Plan p, String who) {
            OrgUnitView unit = p.unit;
            Optional<DemoRoster.Member> m = switch (who) {
                case DemoTexts.TEACHERS_SECRETARY -> roster.holder(roster.teachersBranch(), PartyPost.SECRETARY);
                case DemoTexts.STUDENTS_SECRETARY -> roster.holder(roster.studentsBranch(), PartyPost.SECRETARY);
                case DemoTexts.OFFICE_HEAD -> officeHeads().stream().skip(random.nextInt(officeHeads().size())).findFirst();
                case DemoTexts.GROUP_LEADER -> roster.holder(unit, PartyPost.GROUP_LEADER)
                        .or(() -> roster.studentGroups().stream().flatMap(g -> roster.holder(g, PartyPost.GROUP_LEADER)
                                .stream()).findFirst());
                default -> roster.holder(unit, PartyPost.valueOf(who));
            };
            return m.or(() -> roster.holder(unit, PartyPost.SECRETARY)).orElse(null);
        }

        private String minutes(Plan p, Turned t, List<String> decided) {
            DemoTexts.Sitting s = p.sitting;
            StringBuilder b = new StringBuilder();
            b.append("会议时间：").append(WHEN.format(p.start)).append('\n');
            b.append("会议地点：").append(p.place).append('\n');
            b.append("主持人：").append(name(p.host)).append("    记录人：").append(name(p.recorder)).append('\n');
            b.append("出席情况：应到").append(t.invited).append("人，实到").append(t.present + t.late).append("人");
            if (t.late > 0) {
                b.append("（其中迟到").append(t.late).append("人）");
            }
            b.append("，请假").append(t.excused.size()).append("人，缺席").append(t.absent.size()).append("人。\n");
            if (!t.excused.isEmpty()) {
                b.append("请假人员：").append(String.join("、", t.excused)).append('\n');
            }
            if (!t.absent.isEmpty()) {
                b.append("缺席人员：").append(String.join("、", t.absent)).append('\n');
            }
            b.append("\n一、会议议题\n").append(numbered(s.topics())).append('\n');
            b.append("\n二、讨论情况\n");
            for (int i = 0; i < s.topics().size(); i++) {
                b.append(i + 1).append(". 关于“").append(s.topics().get(i)).append("”：")
                        .append(DemoTexts.pick(DemoTexts.DISCUSSION, random.nextInt(4))).append('\n');
            }
            b.append("\n三、会议决议\n");
            if (decided.isEmpty()) {
                b.append("本次会议以学习交流为主，未形成需跟踪落实的决议。\n");
            } else {
                b.append(numbered(decided)).append('\n');
            }
            return b.toString().strip();
        }

        private String meetingSummary(Plan p, Turned t) {
            return "会议由" + name(p.host) + "主持，应到" + t.invited + "人，实到" + (t.present + t.late) + "人。会议"
                    + String.join("；", p.sitting.topics()) + "，形成决议" + p.sitting.decisions().size() + "项。";
        }

        private String name(Long personId) {
            return personId == null || byId.get(personId) == null ? "—" : byId.get(personId).name();
        }

        // ---- results, hours, feedback ----------------------------------------------------------

        private void songResults(long id) {
            List<OrgUnitView> classes = roster.classes();
            List<double[]> scored = new ArrayList<>();
            for (int i = 0; i < classes.size(); i++) {
                scored.add(new double[] {i, 86 + random.nextInt(1000) / 100.0});
            }
            scored.sort((a, b) -> Double.compare(b[1], a[1]));
            for (int rank = 1; rank <= scored.size(); rank++) {
                int c = (int) scored.get(rank - 1)[0];
                String team = classes.get(c).name() + "合唱队 " + DemoTexts.SONGS[c % DemoTexts.SONGS.length];
                events.addContestResult(id, new ContestResultForm(null, team,
                        BigDecimal.valueOf(scored.get(rank - 1)[1]).setScale(2, java.math.RoundingMode.HALF_UP), rank,
                        award(rank)));
            }
        }

        private void posterResults(long id, List<Long> makers) {
            List<Long> entrants = new ArrayList<>(makers);
            java.util.Collections.shuffle(entrants, random);
            for (int rank = 1; rank <= Math.min(6, entrants.size()); rank++) {
                events.addContestResult(id, new ContestResultForm(entrants.get(rank - 1), null,
                        BigDecimal.valueOf(97 - rank * 2 - random.nextInt(100) / 100.0)
                                .setScale(2, java.math.RoundingMode.HALF_UP), rank, award(rank)));
            }
        }

        private String award(int rank) {
            return rank == 1 ? "一等奖" : rank <= 3 ? "二等奖" : rank <= 6 ? "三等奖" : "优秀奖";
        }

        private void volunteerHours(long id, Plan p, String what) {
            Map<Long, BigDecimal> hours = new LinkedHashMap<>();
            List<RollCallLine> lines = events.rollCall(id);
            lighten();
            for (RollCallLine line : lines) {
                if (line.attendance() != null && line.attendance().status().attended()) {
                    BigDecimal h = line.attendance().status() == AttendanceStatus.LATE ? new BigDecimal("3.0")
                            : new BigDecimal("3.5");
                    events.recordVolunteerHours(id, line.personId(), h);
                    hours.put(line.personId(), h);
                }
            }
            volunteering.add(new DemoSubmissions.VolunteerDay(id, p.day(), what, Map.copyOf(hours)));
        }

        /** Attendees who have an account rate the lecture, most of them. */
        private void feedback(Plan p, long id) {
            List<RollCallLine> lines = as(p.account, () -> events.rollCall(id));
            lighten();
            for (RollCallLine line : lines) {
                String username = accountOf.get(line.personId());
                if (username == null || line.attendance() == null || !line.attendance().status().attended()
                        || line.personId() == p.speaker || random.nextInt(10) >= 7) {
                    continue;
                }
                Effort e = effort.getOrDefault(line.personId(), Effort.ORDINARY);
                int rating = e == Effort.KEEN ? 4 + random.nextInt(2) : 3 + random.nextInt(3);
                String comment = DemoTexts.pick(DemoTexts.FEEDBACK, random.nextInt(DemoTexts.FEEDBACK.size()));
                as(username, () -> series.giveFeedback(id, rating, comment));
            }
        }

        // ---- dates -----------------------------------------------------------------------------

        /**
         * The {@code nth} {@code dow} of every month of the semester (the last one for {@code -1}), moved past
         * weekends and holidays, inside the semester and not later than the planning horizon.
         */
        private List<LocalDate> monthly(DayOfWeek dow, int nth) {
            List<LocalDate> days = new ArrayList<>();
            LocalDate last = earliest(semester.endDate(), today.plusDays(DAYS_AHEAD));
            for (YearMonth m = YearMonth.from(semester.startDate()); !m.atDay(1).isAfter(last); m = m.plusMonths(1)) {
                LocalDate d = nth > 0 ? m.atDay(1).with(TemporalAdjusters.dayOfWeekInMonth(nth, dow))
                        : m.atEndOfMonth().with(TemporalAdjusters.lastInMonth(dow));
                d = workday(d);
                if (!d.isBefore(semester.startDate().plusDays(1)) && !d.isAfter(last)) {
                    days.add(d);
                }
            }
            return days;
        }

        /** A {@code dow} of teaching week {@code firstWeek} and every {@code every} weeks after it. */
        private List<LocalDate> weekly(DayOfWeek dow, int firstWeek, int every) {
            List<LocalDate> days = new ArrayList<>();
            LocalDate last = earliest(semester.endDate(), today.plusDays(DAYS_AHEAD));
            for (int w = firstWeek; w <= semester.teachingWeeks(); w += every) {
                LocalDate d = workday(semester.startDate().plusWeeks(w - 1L).with(TemporalAdjusters.nextOrSame(dow)));
                if (!d.isAfter(last)) {
                    days.add(d);
                }
            }
            return days;
        }

        /** The day itself, or the next day that is neither a weekend nor a holiday. */
        private LocalDate workday(LocalDate d) {
            while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY || holiday(d)) {
                d = d.plusDays(1);
            }
            return d;
        }

        private LocalDate saturday(LocalDate from) {
            LocalDate d = from.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
            while (holiday(d)) {
                d = d.plusWeeks(1);
            }
            return d;
        }

        private boolean holiday(LocalDate d) {
            return periods.stream().anyMatch(p -> p.kind() == CalendarPeriodKind.HOLIDAY && p.contains(d));
        }

        // ---- helpers ---------------------------------------------------------------------------

        /** A fixed-seed sample of {@code n} people, those with accounts first when {@code accountsFirst}. */
        private List<Long> sample(List<DemoRoster.Member> among, int n, Comparator<DemoRoster.Member> order) {
            List<DemoRoster.Member> shuffled = new ArrayList<>(among);
            java.util.Collections.shuffle(shuffled, random);
            shuffled.sort(order);
            return shuffled.stream().limit(n).map(DemoRoster.Member::id).toList();
        }

        private Comparator<DemoRoster.Member> withAccounts(boolean first) {
            return Comparator.comparing(m -> first == accountOf.containsKey(m.id()) ? 0 : 1);
        }

        private String numbered(List<String> items) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    b.append('\n');
                }
                b.append(i + 1).append(". ").append(items.get(i));
            }
            return b.toString();
        }

        private <T> T as(String username, Supplier<T> work) {
            return accounts.runAs(username, work);
        }
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
