package cn.hongxin.bench;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.sql.DataSource;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.springframework.core.io.ClassPathResource;

import cn.hongxin.brand.BrandService;
import cn.hongxin.brand.ProgrammeService;
import cn.hongxin.evaluation.LedgerKind;
import cn.hongxin.evaluation.LedgerService;
import cn.hongxin.evaluation.ReportService;
import cn.hongxin.events.EventAttachmentKind;
import cn.hongxin.events.EventAttachmentService;
import cn.hongxin.events.EventService;
import cn.hongxin.organisation.AcademicCalendar;
import cn.hongxin.organisation.CalendarPeriodKind;
import cn.hongxin.organisation.OrgUnitService;
import cn.hongxin.security.FieldCipher;
import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.TestOrganisation;

/**
 * The reports benchmark (not a test; run by {@code bench/reports.sh}): starts the application on embedded PostgreSQL
 * or a fresh H2 file database, generates the compliance benchmark's university (100 branches in 10 general branches,
 * 30,000 people, the 2025-2026 first semester), moves a fifth of the last general branch's people into the first one so
 * that it is the largest, and bulk-loads the records the report and the ledgers read: the events of the shipped types
 * with invitees, roll-calls, minutes, resolutions, volunteer hours and speakers; mentoring pairs with help records and
 * check-ins (ciphertexts from the application's FieldCipher); and the evidence the listeners would have written for
 * all of them, with the submissions, articles and newsletters the programme asks for (evidence only). A few events of
 * the largest general branch get photos through the attachment service. Then, as that general branch's secretary,
 * it produces the semester report (.docx) and every ledger (.xlsx), once to warm up and three times timed (medians),
 * writes the last files to a temporary directory and reads them back. Last line:
 * {@code reports: db=.. docx_ms=.. xlsx_ms=.. rows=..}.
 */
public final class ReportsBenchmark {

    static final LocalDate START = ComplianceBenchmark.START;
    static final LocalDate END = ComplianceBenchmark.END;
    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    static final String MINUTES = "会议由支部书记主持。一、传达学习上级文件精神，结合支部实际进行交流研讨；二、通报本月党员教育管理、"
            + "发展党员和党费收缴情况；三、研究下月主题党日活动安排，明确责任人和完成时限；四、党员代表逐一发言，"
            + "围绕立足岗位作贡献、服务师生解难题谈认识、谈打算。会议要求全体党员以更高标准严格要求自己，"
            + "把学习成果转化为推动学院教学、科研和学生工作的实际成效。";

    private ReportsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "postgresql";
        int people = args.length > 1 ? Integer.parseInt(args[1]) : 30_000;
        int status;
        try (BenchApp app = BenchApp.start(db)) {
            status = new Bench(app, people).run();
        }
        System.exit(status);
    }

    /** A generated person of the organisation. */
    record P(long id, String name, String status, boolean teacher, boolean leader) {
        boolean member() {
            return status.equals("FULL_MEMBER") || status.equals("PROBATIONARY_MEMBER");
        }
    }

    /** A unit of the organisation. */
    record Unit(long id, String path, String name) {
    }

    private static final class Bench {
        final BenchApp app;
        final int peopleCount;
        final DataSource dataSource;
        final Random random = new Random(20251001L);
        final Map<String, Long> types = new HashMap<>();
        final Map<String, String> categories = new HashMap<>();
        final Map<String, String> typeNames = new HashMap<>();
        final Map<Long, Unit> units = new HashMap<>();
        final Map<Long, List<P>> byBranch = new LinkedHashMap<>();
        ComplianceBenchmark.Run university;
        long eventIds;
        long sourceIds = 1;
        final long[] counts = new long[12];

        Bench(BenchApp app, int people) {
            this.app = app;
            this.peopleCount = people;
            this.dataSource = app.context.getBean(DataSource.class);
        }

        int run() throws Exception {
            TestOrganisation org = app.context.getBean(TestOrganisation.class);
            TestAccounts accounts = app.context.getBean(TestAccounts.class);
            String admin = org.admin();
            long t0 = System.nanoTime();
            university = new ComplianceBenchmark.Run(app.context, app.db, peopleCount, 0);
            accounts.runAs(admin, () -> {
                university.units(app.context.getBean(OrgUnitService.class));
                AcademicCalendar calendar = app.context.getBean(AcademicCalendar.class);
                university.calendar(calendar);
                // The windows the default programme names.
                long year = calendar.years().stream().filter(y -> y.name().equals("2025-2026")).findFirst()
                        .orElseThrow().id();
                calendar.addPeriod(year, CalendarPeriodKind.WINDOW, "OCTOBER_FIRST", "国庆",
                        ComplianceBenchmark.GUOQING_OPENS, ComplianceBenchmark.GUOQING_CLOSES);
                calendar.addPeriod(year, CalendarPeriodKind.WINDOW, "JULY_FIRST", "建党节", LocalDate.of(2026, 6, 20),
                        LocalDate.of(2026, 7, 5));
                return null;
            });
            university.people();
            long largest = skew();
            programme(accounts, admin);
            read();
            load();
            log("setup and load: %d ms (events %d, invitees %d, attendance %d, resolutions %d, volunteer hours %d,"
                            + " pairs %d, help records %d, check-ins %d, evidence %d)", ms(t0), counts[0], counts[1],
                    counts[2], counts[3], counts[4], counts[5], counts[6], counts[7], counts[8]);
            String secretary = accounts.create("benchgsec", EnumSet.of(Role.GENERAL_SECRETARY), largest);
            photos(accounts, secretary, largest);
            ReportService reports = app.context.getBean(ReportService.class);
            LedgerService ledgers = app.context.getBean(LedgerService.class);
            Unit gb = units.get(largest);
            long people = byBranch.entrySet().stream().filter(e -> units.get(e.getKey()).path().startsWith(gb.path()))
                    .mapToLong(e -> e.getValue().size()).sum();
            log("largest general branch: %s (id %d), %d people", gb.name(), largest, people);

            long[] docx = new long[3];
            long[] xlsx = new long[3];
            byte[] report = null;
            List<LedgerService.LedgerFile> files = null;
            for (int i = -1; i < 3; i++) {
                long s = System.nanoTime();
                report = accounts.runAs(secretary, () -> reports.semesterReport(largest, END, false, ZH).content());
                long d = ms(s);
                s = System.nanoTime();
                Map<LedgerKind, Long> each = new java.util.EnumMap<>(LedgerKind.class);
                files = accounts.runAs(secretary, () -> Stream.of(LedgerKind.values()).map(k -> {
                    long k0 = System.nanoTime();
                    LedgerService.LedgerFile f = ledgers.export(k, largest, END, false, ZH);
                    each.put(k, ms(k0));
                    return f;
                }).toList());
                long x = ms(s);
                log("  ledgers ms: %s", each);
                log("run %d: docx %d ms (%d bytes), xlsx %d ms (%s)", i + 1, d, report.length, x,
                        files.stream().map(f -> f.rows() + " rows/" + f.content().length + " bytes").toList());
                if (i >= 0) {
                    docx[i] = d;
                    xlsx[i] = x;
                }
            }
            long rows = check(report, files);
            log("docx_ms runs %s, xlsx_ms runs %s; heap used %d MB of %d MB", Arrays.toString(docx),
                    Arrays.toString(xlsx), (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf("reports: db=%s docx_ms=%d xlsx_ms=%d rows=%d%n", app.db, median(docx), median(xlsx), rows);
            return 0;
        }

        /** Writes the files to a temporary directory, reads them back and returns the ledgers' data rows. */
        long check(byte[] report, List<LedgerService.LedgerFile> files) throws Exception {
            Path dir = Files.createTempDirectory("hongxin-reports-");
            Files.write(dir.resolve("semester-report.docx"), report);
            try (InputStream in = Files.newInputStream(dir.resolve("semester-report.docx"));
                 XWPFDocument doc = new XWPFDocument(in)) {
                long text = doc.getParagraphs().stream().mapToLong(p -> p.getText().length()).sum();
                if (doc.getTables().isEmpty() || text == 0) {
                    throw new IllegalStateException("the report is empty");
                }
                log("report: %d paragraphs (%d characters), %d tables, %d pictures", doc.getParagraphs().size(), text,
                        doc.getTables().size(), doc.getAllPictures().size());
            }
            long expected = 0;
            long read = 0;
            for (LedgerService.LedgerFile f : files) {
                Path file = dir.resolve(f.fileName().replace('/', '_'));
                Files.write(file, f.content());
                long data = 0;
                try (InputStream in = Files.newInputStream(file); ReadableWorkbook wb = new ReadableWorkbook(in)) {
                    for (org.dhatim.fastexcel.reader.Sheet sheet : wb.getSheets().toList()) {
                        List<Row> rows;
                        try (Stream<Row> s = sheet.openStream()) {
                            rows = s.toList();
                        }
                        // Title, headers, records, totals.
                        data += Math.max(0, rows.size() - 3);
                    }
                }
                if (data != f.rows() || f.rows() == 0) {
                    throw new IllegalStateException(f.fileName() + ": " + f.rows() + " rows written, " + data + " read");
                }
                expected += f.rows();
                read += data;
            }
            log("files in %s; ledgers: %d data rows written, %d read back", dir, expected, read);
            return read;
        }

        /** A fifth of each branch of the last general branch moves to the same branch of the first. */
        long skew() throws Exception {
            List<Long> branches = university.branches;
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                for (int b = 0; b < 10; b++) {
                    st.executeUpdate("update person set branch_id = " + branches.get(b) + " where branch_id = "
                            + branches.get(90 + b) + " and mod(id, 5) = 0");
                }
            }
            return university.generalBranches.get(0);
        }

        /** The default programme again, now that its units (general branch, teachers' and students' branch) exist. */
        void programme(TestAccounts accounts, String admin) throws Exception {
            String yaml;
            try (InputStream in = new ClassPathResource(ProgrammeService.DEFAULT_TEMPLATE).getInputStream()) {
                yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            accounts.runAs(admin, () -> {
                long brand = app.context.getBean(BrandService.class).presented().orElseThrow().id();
                app.context.getBean(ProgrammeService.class).importYaml(brand, yaml);
                return null;
            });
        }

        void read() throws Exception {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("select id, code, category, name_zh from event_type")) {
                    while (rs.next()) {
                        types.put(rs.getString(2), rs.getLong(1));
                        categories.put(rs.getString(2), rs.getString(3));
                        typeNames.put(rs.getString(2), rs.getString(4));
                    }
                }
                try (ResultSet rs = st.executeQuery("select id, path, name from org_unit")) {
                    while (rs.next()) {
                        units.put(rs.getLong(1), new Unit(rs.getLong(1), rs.getString(2), rs.getString(3)));
                    }
                }
                university.branches.forEach(b -> byBranch.put(b, new ArrayList<>()));
                try (ResultSet rs = st.executeQuery("select id, name, branch_id, political_status, person_type,"
                        + " party_leader from person where branch_id is not null order by id")) {
                    while (rs.next()) {
                        List<P> list = byBranch.get(rs.getLong(3));
                        if (list != null) {
                            list.add(new P(rs.getLong(1), rs.getString(2), rs.getString(4),
                                    rs.getString(5).equals("TEACHER"), rs.getBoolean(6)));
                        }
                    }
                }
                try (ResultSet rs = st.executeQuery("select coalesce(max(id), 0) from event")) {
                    rs.next();
                    eventIds = rs.getLong(1);
                }
            }
        }

        // ---- the semester's records ----------------------------------------------------------------

        /** One event to write: who is invited, whether all of them get a roll-call line, the speaker. */
        record Ev(long id, String type, long unit, LocalDateTime at, List<P> invited, boolean rollCall, double attend,
                  P speaker) {
        }

        void load() throws Exception {
            List<Ev> events = new ArrayList<>();
            for (int g = 0; g < university.generalBranches.size(); g++) {
                long general = university.generalBranches.get(g);
                List<Long> branches = university.branches.subList(g * 10, g * 10 + 10);
                List<P> all = new ArrayList<>();
                branches.forEach(b -> all.addAll(byBranch.get(b)));
                List<P> teachers = byBranch.get(branches.get(0));
                List<P> speakers = teachers.stream().filter(P::member).toList();
                List<P> leaders = teachers.stream().filter(P::leader).toList();
                if (leaders.isEmpty()) {
                    leaders = speakers.subList(0, Math.min(5, speakers.size()));
                }
                for (long branch : branches) {
                    branchEvents(events, branch, byBranch.get(branch), speakers);
                }
                // The general branch: Wednesday lectures for everybody, talks and contests, its own four meetings.
                LocalDate wednesday = START.with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
                for (int w = 0, held = 0; held < 18 && w < 20; w++) {
                    LocalDate day = wednesday.plusWeeks(w);
                    if (day.isAfter(ComplianceBenchmark.GUOQING_OPENS) && day.isBefore(ComplianceBenchmark.GUOQING_CLOSES)) {
                        continue;
                    }
                    events.add(ev("WEDNESDAY_LECTURE", general, day, 14, all, false, 0.35, pick(speakers)));
                    held++;
                }
                events.add(ev("HEALTH_TALK", general, day(), 15, all, false, 0.3, null));
                events.add(ev("HEALTH_TALK", general, day(), 15, all, false, 0.3, null));
                events.add(ev("RED_SONG_CONTEST", general, day(), 19, all, false, 0.2, null));
                events.add(ev("RED_ESSAY_CONTEST", general, day(), 9, all, false, 0.1, null));
                events.add(ev("ETIQUETTE_CONTEST", general, day(), 19, all, false, 0.15, null));
                events.add(ev("SPECIAL_PARTY_MEETING", general, day(), 10, leaders, true, 0.9, null));
                events.add(ev("DEMOCRATIC_LIFE_MEETING", general, END.minusDays(10), 9, leaders, true, 1.0, null));
                for (int m = 0; m < 5; m++) {
                    LocalDate first = START.plusMonths(m);
                    events.add(ev("REGULAR_PARTY_MEETING", general, first.plusDays(2 + random.nextInt(10)), 10,
                            leaders, true, 0.9, null));
                    events.add(ev("JOINT_PARTY_ADMIN_MEETING", general, first.plusDays(3 + random.nextInt(10)), 15,
                            leaders, true, 0.9, null));
                }
            }
            counts[0] = events.size();
            Instant now = Instant.now();
            try (Connection c = dataSource.getConnection()) {
                try (TableLoader event = new TableLoader(c, app.postgres(), "event", "id", "type_id",
                        "organiser_unit_id", "organiser_unit_path", "organiser_unit_name", "title", "host_person_id",
                        "host_name", "speaker_person_id", "speakers", "starts_at", "ends_at", "place", "agenda", "state",
                        "summary", "tags", "minutes", "created_at", "created_by", "updated_at", "version",
                        "walk_ins_open")) {
                    for (Ev e : events) {
                        Unit u = units.get(e.unit());
                        String category = categories.get(e.type());
                        boolean meeting = category.equals("MEETING") || category.equals("STANDARD");
                        P host = e.invited().isEmpty() ? null : e.invited().get(0);
                        Instant starts = e.at().atZone(EventService.ZONE).toInstant();
                        event.add(e.id(), types.get(e.type()), u.id(), u.path(), u.name(),
                                u.name() + e.at().getMonthValue() + "月" + typeTitle(e.type()),
                                host == null ? null : host.id(), host == null ? null : host.name(),
                                e.speaker() == null ? null : e.speaker().id(),
                                e.speaker() == null ? null : e.speaker().name(), starts,
                                starts.plusSeconds(7200), "学院会议室" + (e.id() % 12 + 1), "一、学习；二、讨论；三、部署", "DONE",
                                "本次活动按计划完成，参加人员积极发言，取得预期效果。", "PARTY_AND_CAMPUS",
                                meeting ? MINUTES : null, now, "bench", now, 1,
                                category.equals("LECTURE") || category.equals("HEALTH_TALK"));
                    }
                }
                TableLoader.restartIdentity(c, app.postgres(), "event");
                try (TableLoader invitee = new TableLoader(c, app.postgres(), "event_invitee", "event_id", "rule_kind",
                        "org_unit_id", "political_status", "post", "person_id");
                     TableLoader participant = new TableLoader(c, app.postgres(), "event_participant", "event_id",
                             "person_id", "person_name", "walk_in");
                     TableLoader attendance = new TableLoader(c, app.postgres(), "attendance", "event_id", "person_id",
                             "status", "reason", "recorded_at", "recorded_by", "source");
                     TableLoader resolution = new TableLoader(c, app.postgres(), "resolution", "event_id", "content",
                             "assignee_person_id", "assignee_name", "due_on", "state", "created_at", "done_at");
                     TableLoader hours = new TableLoader(c, app.postgres(), "volunteer_hours", "event_id", "person_id",
                             "person_name", "hours", "recorded_at", "recorded_by");
                     TableLoader evidence = evidenceLoader(c)) {
                    for (Ev e : events) {
                        eventRecords(e, now, invitee, participant, attendance, resolution, hours, evidence);
                    }
                    counts[1] = participant.rows();
                    counts[2] = attendance.rows();
                    counts[3] = resolution.rows();
                    counts[4] = hours.rows();
                    mentoring(c, now, evidence);
                    otherEvidence(evidence);
                    counts[8] = evidence.rows();
                }
                // Loaded around the ledger: the monthly evidence tally is rebuilt in one statement, as after any
                // bulk load (docs/operations.md).
                long rebuilt = app.context.getBean(cn.hongxin.compliance.EvidenceTallyOperations.class).rebuild();
                log("evidence tally rebuilt: %d rows", rebuilt);
                try (Statement st = c.createStatement()) {
                    long s = System.nanoTime();
                    st.execute(app.postgres() ? "vacuum analyze" : "analyze");
                    log("statistics in %d ms", ms(s));
                }
            }
        }

        void branchEvents(List<Ev> events, long branch, List<P> people, List<P> speakers) {
            List<P> members = people.stream().filter(P::member).toList();
            List<P> committee = members.subList(0, Math.min(7, members.size()));
            String[] second = {"BRANCH_GENERAL_MEETING", "THEMED_PARTY_DAY", "PARTY_GROUP_MEETING",
                    "BRANCH_COMMITTEE_MEETING", "BRANCH_GENERAL_MEETING"};
            for (int m = 0; m < 5; m++) {
                LocalDate first = START.plusMonths(m);
                int span = m == 4 ? 7 : 12;
                events.add(ev("REGULAR_PARTY_MEETING", branch, first.plusDays(1 + random.nextInt(span)), 16, people,
                        true, 0.85, null));
                String type = second[m];
                List<P> invited = type.equals("BRANCH_COMMITTEE_MEETING") ? committee
                        : type.equals("THEMED_PARTY_DAY") ? people : members;
                events.add(ev(type, branch, first.plusDays(span + random.nextInt(span)), 16, invited, true, 0.9, null));
            }
            events.add(ev("PARTY_LECTURE", branch, LocalDate.of(2025, 10, 20 + random.nextInt(8)), 15, members, true,
                    0.9, pick(speakers)));
            events.add(ev("PARTY_LECTURE", branch, LocalDate.of(2025, 12, 8 + random.nextInt(8)), 15, members, true,
                    0.9, pick(speakers)));
            for (int i = 0; i < 4; i++) {
                events.add(ev("FITNESS", branch, START.plusDays(10 + 30L * i + random.nextInt(10)), 16, people, true,
                        0.5, null));
            }
            events.add(ev("RED_BOOK_READING", branch, day(), 19, people, true, 0.6, null));
            events.add(ev("RED_BOOK_READING", branch, day(), 19, people, true, 0.6, null));
            events.add(ev("POETRY_RECITAL", branch, END.minusDays(5 + random.nextInt(20)), 19, people, true, 0.5, null));
            events.add(ev("MARTYRS_TOMB_VISIT", branch, day(), 9, people, true, 0.7, null));
            for (int i = 0; i < 4; i++) {
                int from = random.nextInt(Math.max(1, people.size() - 30));
                events.add(ev("VOLUNTEER_SERVICE", branch, day(), 9,
                        people.subList(from, Math.min(people.size(), from + 30)), true, 0.9, null));
            }
        }

        Ev ev(String type, long unit, LocalDate day, int hour, List<P> invited, boolean rollCall, double attend, P speaker) {
            if (!types.containsKey(type)) {
                throw new IllegalStateException("unknown event type " + type);
            }
            return new Ev(++eventIds, type, unit, LocalDateTime.of(day, LocalTime.of(hour, 0)), invited, rollCall,
                    attend, speaker);
        }

        void eventRecords(Ev e, Instant now, TableLoader invitee, TableLoader participant, TableLoader attendance,
                          TableLoader resolution, TableLoader hours, TableLoader evidence) throws Exception {
            LocalDate date = e.at().toLocalDate();
            Instant at = e.at().atZone(EventService.ZONE).toInstant();
            Unit u = units.get(e.unit());
            boolean wholeUnit = e.invited().size() > 40;
            if (wholeUnit) {
                invitee.add(e.id(), "UNIT", e.unit(), null, null, null);
            } else {
                for (P p : e.invited()) {
                    invitee.add(e.id(), "PERSON", null, null, null, p.id());
                }
            }
            boolean volunteer = e.type().equals("VOLUNTEER_SERVICE");
            for (P p : e.invited()) {
                participant.add(e.id(), p.id(), p.name(), false);
                double r = random.nextDouble();
                String status = r < e.attend() ? (r < e.attend() * 0.94 ? "PRESENT" : "LATE")
                        : r < e.attend() + (1 - e.attend()) / 2 ? "EXCUSED" : "ABSENT";
                boolean attended = status.equals("PRESENT") || status.equals("LATE");
                if (e.rollCall() || attended) {
                    attendance.add(e.id(), p.id(), status, status.equals("EXCUSED") ? "课程冲突" : null,
                            at.plusSeconds(600), e.rollCall() ? "bench" : null, e.rollCall() ? "MANUAL" : "QR");
                }
                if (attended) {
                    evidence.add("P", p.id(), "ATTENDED", e.type(), date, BigDecimal.ONE, "EVENT", e.id(), now);
                    if (volunteer) {
                        BigDecimal h = BigDecimal.valueOf(2 + random.nextInt(3));
                        hours.add(e.id(), p.id(), p.name(), h, at.plusSeconds(9000), "bench");
                        evidence.add("P", p.id(), "VOLUNTEER_HOURS", e.type(), date, h, "EVENT", e.id(), now);
                    }
                }
            }
            evidence.add("U", e.unit(), "EVENT_HELD", e.type(), date, BigDecimal.ONE, "EVENT", e.id(), now);
            if (e.speaker() != null) {
                evidence.add("P", e.speaker().id(), "LECTURE_GIVEN", e.type(), date, BigDecimal.ONE, "EVENT", e.id(), now);
            }
            if (e.type().equals("HEALTH_TALK")) {
                evidence.add("U", e.unit(), "AUDIENCE_REACHED", "HEALTH_TALK", date,
                        BigDecimal.valueOf(e.invited().size() / 3), "EVENT", e.id(), now);
            }
            String category = categories.get(e.type());
            if ((category.equals("MEETING") || category.equals("STANDARD")) && !e.invited().isEmpty()) {
                for (int i = 0; i < 2; i++) {
                    P who = e.invited().get(random.nextInt(e.invited().size()));
                    LocalDate due = date.plusDays(14 + random.nextInt(21));
                    boolean done = random.nextInt(10) < 7;
                    resolution.add(e.id(), (i == 0 ? "落实会议部署，" : "整改会上查摆问题，") + u.name() + "于" + due + "前完成",
                            who.id(), who.name(), due, done ? "DONE" : "OPEN", at.plusSeconds(7200),
                            done ? due.minusDays(3).atStartOfDay(EventService.ZONE).toInstant() : null);
                }
            }
        }

        TableLoader evidenceLoader(Connection c) throws Exception {
            return new TableLoader(c, app.postgres(), "evidence", "subject_kind", "subject_id", "kind", "type_code",
                    "evidence_date", "quantity", "source_kind", "source_id", "recorded_at");
        }

        /** 30 pairs a general branch; two help records and one check-in a month each. */
        void mentoring(Connection c, Instant now, TableLoader evidence) throws Exception {
            FieldCipher cipher = app.context.getBean(FieldCipher.class);
            String needs = cipher.encrypt("学业压力较大，需要学习方法指导");
            String goals = cipher.encrypt("本学期专业课成绩提升，按时完成课程作业");
            String content = cipher.encrypt("与学生面谈一小时，了解近况，帮助制定复习计划");
            String next = cipher.encrypt("两周后检查计划执行情况");
            long pairId = maxId(c, "mentoring_pair");
            long helpId = maxId(c, "mentoring_help_record");
            long checkId = maxId(c, "mentoring_check_in");
            String[] modes = {"TALK", "VISIT", "ONLINE", "TUTORING"};
            List<long[]> help = new ArrayList<>();
            List<long[]> checks = new ArrayList<>();
            try (TableLoader pairs = new TableLoader(c, app.postgres(), "mentoring_pair", "id", "lead_person_id",
                    "lead_name", "lead_branch_path", "lead_unit_name", "partner_person_id", "partner_name",
                    "student_person_id", "student_name", "student_unit_name", "care_needs_enc", "goals_enc",
                    "started_on", "state", "created_by", "created_at", "version")) {
                for (int g = 0; g < university.generalBranches.size(); g++) {
                    long teachersBranch = university.branches.get(g * 10);
                    List<P> teachers = byBranch.get(teachersBranch);
                    List<P> leads = teachers.stream().filter(P::member).toList();
                    List<P> partners = teachers.stream().filter(p -> !p.member()).toList();
                    for (int i = 0; i < 30 && i < leads.size() && !partners.isEmpty(); i++) {
                        long studentBranch = university.branches.get(g * 10 + 1 + i % 9);
                        List<P> students = byBranch.get(studentBranch);
                        P lead = leads.get(i);
                        P partner = partners.get(i % partners.size());
                        P student = students.get(i % students.size());
                        pairs.add(++pairId, lead.id(), lead.name(), units.get(teachersBranch).path(),
                                units.get(teachersBranch).name(), partner.id(), partner.name(), student.id(),
                                student.name(), units.get(studentBranch).name(), needs, goals, START, "OPEN", "bench",
                                now, 0);
                        for (int m = 0; m < 5; m++) {
                            LocalDate first = START.plusMonths(m);
                            help.add(new long[]{pairId, lead.id(), first.plusDays(3 + random.nextInt(5)).toEpochDay()});
                            help.add(new long[]{pairId, lead.id(), first.plusDays(10 + random.nextInt(5)).toEpochDay()});
                            checks.add(new long[]{pairId, lead.id(), first.plusDays(12).toEpochDay(), student.id(), m});
                        }
                    }
                }
                counts[5] = pairs.rows();
            }
            TableLoader.restartIdentity(c, app.postgres(), "mentoring_pair");
            Map<Long, String> names = new HashMap<>();
            byBranch.values().forEach(list -> list.forEach(p -> names.put(p.id(), p.name())));
            try (TableLoader records = new TableLoader(c, app.postgres(), "mentoring_help_record", "id", "pair_id",
                    "record_date", "mode", "content_enc", "next_step_enc", "author_person_id", "author_name",
                    "client_request_id", "created_at");
                 TableLoader checkIns = new TableLoader(c, app.postgres(), "mentoring_check_in", "id", "pair_id",
                         "check_date", "study", "mood", "daily_life", "score", "note_enc", "author_person_id",
                         "client_request_id", "created_at")) {
                for (long[] h : help) {
                    LocalDate date = LocalDate.ofEpochDay(h[2]);
                    records.add(++helpId, h[0], date, modes[(int) (helpId % 4)], content, next, h[1], names.get(h[1]),
                            "bench-h-" + helpId, now);
                    evidence.add("P", h[1], "HELP_RECORD", null, date, BigDecimal.ONE, "HELP_RECORD", helpId, now);
                }
                for (long[] k : checks) {
                    LocalDate date = LocalDate.ofEpochDay(k[2]);
                    int study = (int) Math.min(5, 2 + k[4] / 2 + random.nextInt(2));
                    int mood = 2 + random.nextInt(4);
                    int life = 3 + random.nextInt(3);
                    BigDecimal score = BigDecimal.valueOf((study + mood + life) * 100 / 3, 2);
                    checkIns.add(++checkId, k[0], date, study, mood, life, score, null, k[1], "bench-c-" + checkId, now);
                    evidence.add("P", k[3], "CHECK_IN", null, date, score, "CHECK_IN", checkId, now);
                }
                counts[6] = records.rows();
                counts[7] = checkIns.rows();
            }
            TableLoader.restartIdentity(c, app.postgres(), "mentoring_help_record");
            TableLoader.restartIdentity(c, app.postgres(), "mentoring_check_in");
        }

        /** What other modules would have recorded: students' verified submissions, articles, newsletters. */
        void otherEvidence(TableLoader evidence) throws Exception {
            Instant now = Instant.now();
            for (List<P> people : byBranch.values()) {
                for (P p : people) {
                    if (p.teacher()) {
                        continue;
                    }
                    if (random.nextInt(10) < 8) {
                        evidence.add("P", p.id(), "SUBMISSION_VERIFIED", "READING_NOTE", day(), BigDecimal.ONE,
                                "SUBMISSION", sourceIds++, now);
                    }
                    if (random.nextInt(10) < 7) {
                        evidence.add("P", p.id(), "SUBMISSION_VERIFIED", "POSTER",
                                ComplianceBenchmark.GUOQING_OPENS.plusDays(random.nextInt(12)), BigDecimal.ONE,
                                "SUBMISSION", sourceIds++, now);
                    }
                    if (random.nextInt(10) < 6) {
                        evidence.add("P", p.id(), "SUBMISSION_VERIFIED", "POEM", day(), BigDecimal.ONE, "SUBMISSION",
                                sourceIds++, now);
                    }
                }
            }
            for (long general : university.generalBranches) {
                for (int m = 0; m < 5; m++) {
                    LocalDate first = START.plusMonths(m);
                    evidence.add("U", general, "NEWSLETTER_ISSUED", null, first.plusDays(random.nextInt(14)),
                            BigDecimal.ONE, "NEWSLETTER_ISSUE", sourceIds++, now);
                    for (int a = 0; a < 5; a++) {
                        evidence.add("U", general, "ARTICLE_PUBLISHED", "WECHAT", first.plusDays(random.nextInt(14)),
                                BigDecimal.ONE, "ARTICLE", sourceIds++, now);
                    }
                    for (int a = 0; a < 2; a++) {
                        evidence.add("U", general, "ARTICLE_PUBLISHED", "HEALTH_COLUMN",
                                first.plusDays(random.nextInt(14)), BigDecimal.ONE, "COLUMN_ARTICLE", sourceIds++, now);
                    }
                }
            }
        }

        /** Photos (1600x1200 JPEG) of a dozen of the largest general branch's events, through the attachment service. */
        void photos(TestAccounts accounts, String secretary, long general) throws Exception {
            String path = units.get(general).path();
            List<Long> ids = new ArrayList<>();
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select id from event where organiser_unit_path like '" + path
                         + "%' and mod(id, 17) = 0 order by starts_at desc")) {
                while (rs.next() && ids.size() < 12) {
                    ids.add(rs.getLong(1));
                }
            }
            EventAttachmentService attachments = app.context.getBean(EventAttachmentService.class);
            long s = System.nanoTime();
            accounts.runAs(secretary, () -> {
                for (long id : ids) {
                    for (int i = 0; i < 2; i++) {
                        attachments.upload(id, EventAttachmentKind.PHOTO, "photo" + i + ".jpg",
                                new ByteArrayInputStream(jpeg((int) id + i)));
                    }
                }
            });
            log("photos: %d events, %d photos, %d ms", ids.size(), ids.size() * 2, ms(s));
        }

        static byte[] jpeg(int seed) {
            try {
                BufferedImage image = new BufferedImage(1600, 1200, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = image.createGraphics();
                Random r = new Random(seed);
                g.setPaint(new GradientPaint(0, 0, new Color(r.nextInt(0xffffff)), 1600, 1200,
                        new Color(r.nextInt(0xffffff))));
                g.fillRect(0, 0, 1600, 1200);
                for (int i = 0; i < 400; i++) {
                    g.setColor(new Color(r.nextInt(0xffffff)));
                    g.fillOval(r.nextInt(1600), r.nextInt(1200), 10 + r.nextInt(120), 10 + r.nextInt(120));
                }
                g.dispose();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageIO.write(image, "jpg", out);
                return out.toByteArray();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        long maxId(Connection c, String table) throws Exception {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select coalesce(max(id), 0) from "
                    + table)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        String typeTitle(String type) {
            return typeNames.get(type);
        }

        LocalDate day() {
            return START.plusDays(random.nextInt((int) (END.toEpochDay() - START.toEpochDay() + 1)));
        }

        <T> T pick(List<T> list) {
            return list.isEmpty() ? null : list.get(random.nextInt(list.size()));
        }
    }

    static long ms(long startNanos) {
        return ComplianceBenchmark.ms(startNanos);
    }

    static long median(long[] values) {
        return ComplianceBenchmark.median(values);
    }

    static void log(String format, Object... args) {
        ComplianceBenchmark.log(format, args);
    }
}
