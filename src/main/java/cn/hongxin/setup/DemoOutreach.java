package cn.hongxin.setup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;

import cn.hongxin.events.AttendanceStatus;
import cn.hongxin.events.EventQuery;
import cn.hongxin.events.EventService;
import cn.hongxin.events.EventState;
import cn.hongxin.events.EventTypeService;
import cn.hongxin.events.EventTypeView;
import cn.hongxin.events.EventView;
import cn.hongxin.outreach.ColumnIssueForm;
import cn.hongxin.outreach.ColumnIssueView;
import cn.hongxin.outreach.ColumnPieceForm;
import cn.hongxin.outreach.ColumnPieceView;
import cn.hongxin.outreach.ColumnService;
import cn.hongxin.outreach.PieceMove;
import cn.hongxin.outreach.PieceState;
import cn.hongxin.outreach.RecordTalk;
import cn.hongxin.outreach.RecordedTalk;
import cn.hongxin.outreach.Speciality;
import cn.hongxin.outreach.TalkDetailsForm;
import cn.hongxin.outreach.TalkService;
import cn.hongxin.outreach.TalkSetting;
import cn.hongxin.outreach.TeamMemberForm;
import cn.hongxin.outreach.TeamRole;
import cn.hongxin.outreach.TeamService;
import cn.hongxin.security.AccountService;

import static cn.hongxin.outreach.Speciality.CARDIOVASCULAR;
import static cn.hongxin.outreach.Speciality.CHRONIC_DISEASE;
import static cn.hongxin.outreach.Speciality.FIRST_AID;
import static cn.hongxin.outreach.Speciality.INFECTIOUS_DISEASE;
import static cn.hongxin.outreach.Speciality.MEDICATION;
import static cn.hongxin.outreach.Speciality.MENTAL_HEALTH;
import static cn.hongxin.outreach.Speciality.NUTRITION;
import static cn.hongxin.outreach.Speciality.SLEEP;
import static cn.hongxin.outreach.Speciality.SPORTS_HEALTH;
import static cn.hongxin.outreach.Speciality.WOMEN_CHILDREN;

/**
 * The demo's Health for Everyone (健康你我他), kept by the teachers' branch secretary through the outreach services:
 * the health lecture team of eight teachers with their specialities, the school-newspaper column over the last ten
 * weeks and the next three (an issue every other Friday, pieces in every state, the published ones with a small
 * Word article), the details of the health talk the demo's events already held, and three more talks (on campus
 * and in the community, two held with their audience, one ahead).
 */
@Component
class DemoOutreach {

    private static final Logger log = LoggerFactory.getLogger(DemoOutreach.class);

    /** Who joins the team, by teaching office, and what they speak on. */
    private record Place(String office, boolean partyMember, TeamRole role, Set<Speciality> specialities) {
    }

    private static final List<Place> TEAM = List.of(
            new Place("内科学教研室", true, TeamRole.LEADER, EnumSet.of(CARDIOVASCULAR, CHRONIC_DISEASE, SLEEP)),
            new Place("外科学教研室", true, TeamRole.DEPUTY, EnumSet.of(FIRST_AID, SPORTS_HEALTH)),
            new Place(null, true, TeamRole.MEMBER, EnumSet.of(MENTAL_HEALTH, SLEEP)),
            new Place("儿科学教研室", true, TeamRole.MEMBER, EnumSet.of(WOMEN_CHILDREN, NUTRITION)),
            new Place("妇产科学教研室", true, TeamRole.MEMBER, EnumSet.of(WOMEN_CHILDREN)),
            new Place("诊断学教研室", false, TeamRole.MEMBER, EnumSet.of(CARDIOVASCULAR, FIRST_AID)),
            new Place("基础医学教研室", true, TeamRole.MEMBER, EnumSet.of(INFECTIOUS_DISEASE, MEDICATION)),
            new Place("内科学教研室", false, TeamRole.MEMBER, EnumSet.of(NUTRITION, CHRONIC_DISEASE)));

    private static final List<String> TOPICS = List.of(
            "秋冬季节心脑血管疾病的预防", "大学生熬夜的危害与科学作息", "心肺复苏：关键时刻的四分钟",
            "考试季的焦虑与自我调适", "食堂里的营养学：三餐怎么搭配", "流感季来临，疫苗与防护要点",
            "抗生素不是“消炎药”：合理用药常识", "久坐族的颈椎与腰椎保护", "女生经期健康小知识",
            "体检报告里的“箭头”怎么看", "冬季运动防损伤指南", "高血压家庭自测与用药误区");

    private final TeamService team;
    private final ColumnService column;
    private final TalkService talks;
    private final EventService events;
    private final EventTypeService types;
    private final AccountService accounts;

    DemoOutreach(TeamService team, ColumnService column, TalkService talks, EventService events,
                 EventTypeService types, AccountService accounts) {
        this.team = team;
        this.column = column;
        this.talks = talks;
        this.events = events;
        this.types = types;
        this.accounts = accounts;
    }

    /** Loads the outreach activity of the demo department as its teachers' branch secretary. */
    void load(DemoRoster roster) {
        long started = System.nanoTime();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        LocalDate today = LocalDate.now(EventService.ZONE);
        String secretary = roster.account("jiaogong");
        Map<Long, String> members = accounts.runAs(secretary, () -> team(roster, today));
        int pieces = accounts.runAs(secretary, () -> column(roster, today, new ArrayList<>(members.keySet())));
        int recorded = accounts.runAs(secretary, () -> talks(roster, today, new ArrayList<>(members.keySet())));
        log.info("Demo outreach loaded: {} team members, {} column pieces, {} talks in {} ms ({} ms CPU)",
                members.size(), pieces, recorded, (System.nanoTime() - started) / 1_000_000,
                (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000);
    }

    // ---- the team ------------------------------------------------------------------------------

    private Map<Long, String> team(DemoRoster roster, LocalDate today) {
        Map<Long, String> chosen = new LinkedHashMap<>();
        // The doctor who gave the demo's health talk (DemoEvents) leads the team.
        DemoRoster.Member doctor = talkDoctor(roster);
        LocalDate founded = today.minusYears(1).withMonth(3).withDayOfMonth(5);
        int n = 0;
        for (Place place : TEAM) {
            DemoRoster.Member m = n == 0 ? doctor : roster.teachers().stream()
                    .filter(t -> java.util.Objects.equals(place.office(), t.office()))
                    .filter(t -> t.partyMember() == place.partyMember())
                    .filter(t -> !chosen.containsKey(t.id()))
                    .findFirst().orElse(null);
            if (m == null) {
                continue;
            }
            team.add(new TeamMemberForm(roster.teachersBranch().id(), m.id(), place.role(), place.specialities(),
                    founded.plusDays(n * 37L), n == 0 ? "宣讲团发起人" : null));
            chosen.put(m.id(), m.name());
            n++;
        }
        return chosen;
    }

    /** The same choice as DemoEvents makes for its health talk's speaker. */
    static DemoRoster.Member talkDoctor(DemoRoster roster) {
        return roster.teachers().stream()
                .filter(t -> "内科学教研室".equals(t.office()) && t.partyMember() && !roster.holdsPost(t.id()))
                .findFirst().orElse(roster.teachers().get(3));
    }

    // ---- the column ----------------------------------------------------------------------------

    private int column(DemoRoster roster, LocalDate today, List<Long> authors) {
        LocalDate friday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY));
        LocalDate first = friday.minusWeeks(10);
        int issueNo = 301;
        int topic = 0;
        int count = 0;
        for (LocalDate day = first; !day.isAfter(friday.plusWeeks(3)); day = day.plusWeeks(2)) {
            ColumnIssueView issue = column.addIssue(new ColumnIssueForm(roster.teachersBranch().id(),
                    "第" + issueNo++ + "期", day, null));
            boolean past = !day.isAfter(today);
            boolean latest = past && day.plusWeeks(2).isAfter(today);
            for (int k = 0; k < 2; k++) {
                long author = authors.get((topic + k) % authors.size());
                String title = TOPICS.get(topic % TOPICS.size());
                topic++;
                ColumnPieceView piece = column.plan(new ColumnPieceForm(issue.id(), title, author));
                count++;
                if (!past) {
                    if (k == 0 && day.isBefore(today.plusWeeks(2))) {
                        written(piece, title);
                    }
                    continue;
                }
                written(piece, title);
                if (latest && k == 1) {
                    continue; // handed in, not yet in the paper
                }
                column.move(piece.id(), new PieceMove(PieceState.PUBLISHED, null, day, null));
                if (day.equals(first) && k == 1) {
                    // A piece withdrawn after publication: the figures it quoted were outdated.
                    column.move(piece.id(), new PieceMove(PieceState.WRITTEN,
                            "文中引用的发病率数据为旧版指南数据，撤稿更新后再刊发", null, null));
                }
            }
            if (day.equals(first.plusWeeks(2))) {
                // One piece handed in and sent back for rework.
                ColumnPieceView back = column.plan(new ColumnPieceForm(issue.id(), "校园常见运动损伤的现场处理", authors.get(1)));
                written(back, "校园常见运动损伤的现场处理");
                column.move(back.id(), new PieceMove(PieceState.PLANNED, "篇幅超出版面，请压缩到1500字以内并补充配图", null,
                        null));
                count++;
            }
        }
        return count;
    }

    private void written(ColumnPieceView piece, String title) {
        column.attach(piece.id(), title + ".docx", new ByteArrayInputStream(docx(title, List.of(
                "【健康你我他】" + title,
                "本文由临床医学系教工党支部健康宣讲团供稿。",
                "编者按：健康是成长成才的基础。本期专栏邀请临床一线教师，结合门诊常见问题，为师生讲解相关健康知识。"))));
        column.move(piece.id(), new PieceMove(PieceState.WRITTEN, null, null, null));
    }

    /**
     * A minimal Word document (Office Open XML: the content types, the package relationship and the main part)
     * with one paragraph per line, so that the demo's articles are real files that open in any word processor.
     */
    static byte[] docx(String title, List<String> paragraphs) {
        StringBuilder body = new StringBuilder();
        for (String p : paragraphs) {
            body.append("<w:p><w:r><w:t xml:space=\"preserve\">").append(escape(p)).append("</w:t></w:r></w:p>");
        }
        String document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + body + "</w:body></w:document>";
        String contentTypes = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
                + "wordprocessingml.document.main+xml\"/></Types>";
        String rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                + "officeDocument\" Target=\"word/document.xml\"/></Relationships>";
        String core = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" + escape(title) + "</dc:title>"
                + "</cp:coreProperties>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            entry(zip, "[Content_Types].xml", contentTypes);
            entry(zip, "_rels/.rels", rels);
            entry(zip, "docProps/core.xml", core);
            entry(zip, "word/document.xml", document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // ---- the talks -----------------------------------------------------------------------------

    private int talks(DemoRoster roster, LocalDate today, List<Long> speakers) {
        long teachers = roster.teachersBranch().id();
        int recorded = 0;
        // The talk the demo's events already held: its outreach details.
        long typeId = types.byCode(TalkService.TYPE_CODE).map(EventTypeView::id).orElseThrow();
        Page<EventView> held = events.search(new EventQuery(typeId, teachers, null, null, null), 0, 20);
        long doctor = talkDoctor(roster).id();
        for (EventView e : held.getContent()) {
            if (e.state() != EventState.CANCELLED) {
                talks.saveDetails(e.id(), new TalkDetailsForm(TalkSetting.CAMPUS, "大学生睡眠与心理健康",
                        e.state() == EventState.DONE ? 136 : null, List.of(doctor)));
                recorded++;
            }
        }
        LocalDate community = today.minusWeeks(5).with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
        hold(talks.record(new RecordTalk("demo-talk-community-1", teachers, "“健康你我他”走进社区：高血压的家庭防治",
                community.atTime(9, 0), community.atTime(10, 30), "滨江街道社区卫生服务中心", TalkSetting.COMMUNITY,
                "高血压的家庭自测、饮食与用药误区", 85, List.of(speakers.get(0), speakers.get(7 % speakers.size())),
                false)), "宣讲团走进滨江街道，为85位居民讲解血压家庭自测方法和常见用药误区，并现场免费测量血压。");
        LocalDate campus = today.minusWeeks(3).with(TemporalAdjusters.previousOrSame(DayOfWeek.THURSDAY));
        hold(talks.record(new RecordTalk("demo-talk-campus-1", teachers, "“健康你我他”急救知识进课堂：心肺复苏与AED使用",
                campus.atTime(14, 30), campus.atTime(16, 0), "临床技能中心模拟教室", TalkSetting.CAMPUS,
                "心肺复苏与自动体外除颤器（AED）的现场使用", 160, List.of(speakers.get(1), speakers.get(5 % speakers.size())),
                false)), "160名师生分组在模拟人上练习胸外按压和AED操作，考核合格的同学获得校红十字会培训证明。");
        LocalDate ahead = today.plusWeeks(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        LocalDateTime start = ahead.atTime(9, 30);
        talks.record(new RecordTalk("demo-talk-community-2", teachers, "“健康你我他”走进社区：冬季流感与传染病防护",
                start, start.plusMinutes(90), "阳光社区居民活动室", TalkSetting.COMMUNITY, "流感疫苗接种与居家防护",
                null, List.of(speakers.get(6 % speakers.size()), speakers.get(3 % speakers.size())), false));
        return recorded + 3;
    }

    /**
     * A past talk held as the organisers hold one on the events pages: started, the speakers present, a summary,
     * closed (which counts it as held, and its audience as reached).
     */
    private void hold(RecordedTalk recorded, String summary) {
        long id = recorded.talk().eventId();
        events.start(id);
        recorded.talk().speakerPersonIds().forEach(p -> events.record(id, p, AttendanceStatus.PRESENT, null));
        events.writeMinutes(id, null, summary);
        events.close(id);
    }
}
