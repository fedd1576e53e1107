package cn.hongxin.setup;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.hongxin.events.EventQuery;
import cn.hongxin.events.EventService;
import cn.hongxin.events.EventState;
import cn.hongxin.events.EventView;
import cn.hongxin.files.FilePurpose;
import cn.hongxin.files.FileStore;
import cn.hongxin.organisation.AcademicCalendar;
import cn.hongxin.organisation.OrgUnitView;
import cn.hongxin.organisation.SemesterView;
import cn.hongxin.publishing.ArticleForm;
import cn.hongxin.publishing.ArticleService;
import cn.hongxin.publishing.ArticleView;
import cn.hongxin.publishing.BodyFormat;
import cn.hongxin.security.AccountService;

/**
 * The demo department's articles, written, reviewed and published through {@link ArticleService} by the demo
 * accounts themselves (students' branch: written by the committee member, 初审 by the branch secretary, 终审 and
 * published by the general secretary; teachers' branch: written by its secretary, reviewed and published by the
 * general secretary), so every publication publishes {@code ArticlePublished} as in real use. At least four are
 * published in every past month of the semester so far, many of them reporting on the month's closed events,
 * with generated cover pictures; the rest stand in every other state, one returned with comments.
 */
@Component
class DemoPublishing {

    private static final Logger log = LoggerFactory.getLogger(DemoPublishing.class);
    private static final long SEED = 20_240_701L;
    private static final String[] THEMES = {"理论学习", "主题党日", "支部风采", "志愿服务", "党史学习", "榜样力量"};
    private static final String[] PARAGRAPHS = {
            "活动中，全体党员认真学习了习近平新时代中国特色社会主义思想的有关论述，结合岗位实际交流了学习体会。",
            "大家纷纷表示，要把学习成果转化为做好本职工作的实际行动，在医教协同、立德树人中发挥党员先锋模范作用。",
            "支部书记在总结时指出，要坚持“三会一课”制度，把理论学习同解决实际问题结合起来，推动支部工作提质增效。",
            "同学们围绕“我为党旗添光彩”畅谈感想，表示将以优秀党员为榜样，刻苦学习，练就过硬本领。",
            "此次活动形式新颖、内容充实，进一步增强了党员的党性意识和服务意识，激发了大家干事创业的热情。",
            "下一步，党支部将继续创新活动载体，丰富活动内容，让党建工作与业务工作深度融合、相互促进。"};

    private final ArticleService articles;
    private final AccountService accounts;
    private final ObjectProvider<EventService> events;
    private final ObjectProvider<FileStore> files;
    private final AcademicCalendar calendar;

    DemoPublishing(ArticleService articles, AccountService accounts, ObjectProvider<EventService> events,
                   ObjectProvider<FileStore> files, AcademicCalendar calendar) {
        this.articles = articles;
        this.accounts = accounts;
        this.events = events;
        this.files = files;
        this.calendar = calendar;
    }

    /** Writes and publishes the demo articles; answers how many were written. */
    int load(DemoRoster roster) {
        if (files.getIfAvailable() == null) {
            return 0;
        }
        return new Run(roster).load();
    }

    private final class Run {

        private final DemoRoster roster;
        private final Random random = new Random(SEED);
        private final LocalDate today = LocalDate.now(EventService.ZONE);
        private final String secretary;
        private final String studentsWriter;
        private final String studentsReviewer;
        private final String teachersWriter;
        private int written;

        Run(DemoRoster roster) {
            this.roster = roster;
            this.secretary = roster.account("zongzhi");
            this.studentsWriter = roster.account("zhiwei");
            this.studentsReviewer = roster.account("xuesheng");
            this.teachersWriter = roster.account("jiaogong");
        }

        int load() {
            LocalDate start = semesterStart();
            List<EventView> studentsEvents = closedEvents(studentsWriter, roster.studentsBranch(), start);
            List<EventView> teachersEvents = closedEvents(teachersWriter, roster.teachersBranch(), start);
            int n = 0;
            for (YearMonth month = YearMonth.from(start); !month.isAfter(YearMonth.from(today)); month = month.plusMonths(1)) {
                YearMonth m = month;
                List<EventView> studentsOfMonth = ofMonth(studentsEvents, m);
                List<EventView> teachersOfMonth = ofMonth(teachersEvents, m);
                boolean past = m.isBefore(YearMonth.from(today));
                int count = past ? 4 + random.nextInt(2) : Math.min(3, Math.max(1, today.getDayOfMonth() / 8));
                for (int i = 0; i < count; i++) {
                    boolean students = (n++ % 3) != 2;
                    List<EventView> pool = students ? studentsOfMonth : teachersOfMonth;
                    EventView event = pool.isEmpty() ? null : pool.remove(0);
                    LocalDate on = publicationDay(m, i, count, event);
                    long id = write(students, event, on, n);
                    publish(id, students, on);
                }
            }
            // Every other state, on the general secretary's desk or the writers'.
            long submitted = write(true, null, today, ++n);
            as(studentsWriter, () -> articles.submit(submitted, "请审核"));
            long reviewed = write(true, null, today, ++n);
            as(studentsWriter, () -> articles.submit(reviewed, null));
            as(studentsReviewer, () -> articles.review(reviewed, "内容属实，同意送终审"));
            long approved = write(false, null, today, ++n);
            as(teachersWriter, () -> articles.submit(approved, null));
            as(secretary, () -> articles.review(approved, "同意"));
            as(secretary, () -> articles.approve(approved, "同意签发"));
            long returned = write(true, null, today, ++n);
            as(studentsWriter, () -> articles.submit(returned, null));
            as(studentsReviewer, () -> articles.returnToDraft(returned,
                    "第二段活动人数与签到记录不一致，请核实；另请补充一张活动现场照片。"));
            write(false, null, today, ++n);
            log.info("Demo articles: {} written", written);
            return written;
        }

        /** The closed events of the branch the writer may see, oldest first. */
        private List<EventView> closedEvents(String writer, OrgUnitView unit, LocalDate start) {
            return as(writer, () -> {
                EventService es = events.getIfAvailable();
                return es == null ? List.<EventView>of() : es.search(new EventQuery(null, unit.id(), EventState.DONE,
                        start, today), 0, 500).getContent().stream()
                        .sorted(Comparator.comparing(EventView::startsAt)).toList();
            });
        }

        private List<EventView> ofMonth(List<EventView> all, YearMonth month) {
            return new java.util.ArrayList<>(all.stream().filter(e -> YearMonth.from(e.startsAt()).equals(month))
                    .toList());
        }

        private LocalDate semesterStart() {
            return calendar.yearOn(today).flatMap(y -> y.semesters().stream()
                            .filter(s -> !s.startDate().isAfter(today)).map(SemesterView::startDate)
                            .max(Comparator.naturalOrder()))
                    .orElse(today.minusMonths(2).withDayOfMonth(1));
        }

        private LocalDate publicationDay(YearMonth month, int i, int count, EventView event) {
            LocalDate day = event != null ? event.startsAt().toLocalDate().plusDays(1 + random.nextInt(2))
                    : month.atDay(Math.min(month.lengthOfMonth(), 3 + i * (month.lengthOfMonth() - 4) / count));
            if (!YearMonth.from(day).equals(month)) {
                day = month.atEndOfMonth();
            }
            return day.isAfter(today) ? today : day;
        }

        private long write(boolean students, EventView event, LocalDate on, int n) {
            String writer = students ? studentsWriter : teachersWriter;
            OrgUnitView unit = students ? roster.studentsBranch() : roster.teachersBranch();
            String theme = THEMES[n % THEMES.length];
            String title = event != null ? unit.name() + "开展" + event.title()
                    : unit.name() + theme + "｜" + (students ? "青春心向党，建功新时代" : "立德树人守初心，医教协同担使命");
            long cover = image(writer, n, 640, 360);
            StringBuilder body = new StringBuilder();
            body.append(on.getMonthValue()).append("月").append(on.getDayOfMonth()).append("日，").append(unit.name())
                    .append(event != null ? "组织开展" + event.title() + "。" : "围绕“" + theme + "”开展专题活动。")
                    .append(PARAGRAPHS[n % PARAGRAPHS.length]).append("\n\n");
            body.append("## ").append(theme).append("\n\n").append(PARAGRAPHS[(n + 1) % PARAGRAPHS.length]).append("\n\n");
            if (n % 2 == 0) {
                body.append("![活动现场](/files/").append(image(writer, n + 7, 800, 450)).append(")\n\n");
            }
            body.append("> ").append(PARAGRAPHS[(n + 2) % PARAGRAPHS.length]).append("\n\n")
                    .append(PARAGRAPHS[(n + 3) % PARAGRAPHS.length]).append("\n");
            List<Long> linked = event == null ? List.of() : List.of(event.id());
            String tags = theme + (students ? ", 学生党支部" : ", 教工党支部");
            ArticleView a = as(writer, () -> articles.create(new ArticleForm(title, null, null, BodyFormat.MARKDOWN,
                    body.toString(), unit.id(), cover, tags, linked)));
            written++;
            return a.id();
        }

        private void publish(long id, boolean students, LocalDate on) {
            if (students) {
                as(studentsWriter, () -> articles.submit(id, null));
                as(studentsReviewer, () -> articles.review(id, "同意"));
            } else {
                as(teachersWriter, () -> articles.submit(id, null));
                as(secretary, () -> articles.review(id, "同意"));
            }
            as(secretary, () -> articles.approve(id, "同意发布"));
            as(secretary, () -> articles.publish(id, on));
        }

        /** A generated picture: a red field with rays and a golden star, a little different each time. */
        private long image(String owner, int n, int width, int height) {
            Random r = new Random(SEED + n);
            BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            Color deep = new Color(150 + r.nextInt(40), 10, 20 + r.nextInt(20));
            g.setPaint(new GradientPaint(0, 0, new Color(215, 30, 40), width, height, deep));
            g.fillRect(0, 0, width, height);
            int cx = width / 5 + r.nextInt(width / 5);
            int cy = height / 3;
            g.setColor(new Color(255, 220, 120, 40));
            for (int i = 0; i < 18; i++) {
                double a = Math.PI * 2 * i / 18;
                g.fillPolygon(new int[]{cx, cx + (int) (Math.cos(a) * width * 1.5), cx + (int) (Math.cos(a + 0.09) * width * 1.5)},
                        new int[]{cy, cy + (int) (Math.sin(a) * width * 1.5), cy + (int) (Math.sin(a + 0.09) * width * 1.5)}, 3);
            }
            g.setColor(new Color(255, 214, 0));
            g.fillPolygon(star(cx, cy, height / 6, height / 15));
            for (int i = 0; i < 4; i++) {
                double a = -0.9 + i * 0.5;
                int sx = cx + (int) (Math.cos(a) * height / 3.2);
                int sy = cy + (int) (Math.sin(a) * height / 3.2);
                g.fillPolygon(star(sx, sy, height / 20, height / 48));
            }
            g.setColor(new Color(255, 255, 255, 60));
            g.fillRect(0, height - height / 6, width, height / 6);
            g.dispose();
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageIO.write(img, "jpg", out);
                byte[] bytes = out.toByteArray();
                return as(owner, () -> files.getObject().store("cover-" + n + ".jpg", new ByteArrayInputStream(bytes),
                        FilePurpose.PHOTO).id());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private Polygon star(int cx, int cy, int outer, int inner) {
            Polygon p = new Polygon();
            for (int i = 0; i < 10; i++) {
                double a = -Math.PI / 2 + i * Math.PI / 5;
                int rad = i % 2 == 0 ? outer : inner;
                p.addPoint(cx + (int) (Math.cos(a) * rad), cy + (int) (Math.sin(a) * rad));
            }
            return p;
        }

        private <T> T as(String username, Supplier<T> work) {
            return accounts.runAs(username, work);
        }
    }
}
