package cn.hongxin.setup;

import java.awt.BasicStroke;
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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.hongxin.files.FilePurpose;
import cn.hongxin.files.FileStore;
import cn.hongxin.organisation.SemesterView;
import cn.hongxin.security.AccountService;
import cn.hongxin.submissions.NewSubmission;
import cn.hongxin.submissions.SubmissionService;
import cn.hongxin.submissions.SubmissionView;

/**
 * The demo members' submissions, handed in through {@link SubmissionService} as the members themselves and
 * reviewed as the students' branch's committee member (their own by the branch secretary), so every verdict
 * publishes {@code SubmissionVerified}, {@code SubmissionRejected} or {@code VolunteerHoursVerified} as in
 * real use. Keen students have done nearly everything and had it verified; ordinary ones have some waiting
 * for review; students who are behind have little or nothing, or had it sent back with a reason.
 */
@Component
class DemoSubmissions {

    /** The day of a volunteer service, what was done and the hours recorded for each volunteer. */
    record VolunteerDay(long eventId, LocalDate date, String what, Map<Long, BigDecimal> hours) {
    }

    /** The poster exhibition held in a poster window. */
    record PosterShow(long eventId, LocalDate date, String windowCode, LocalDate windowStart) {
    }

    /** A sitting of the reading circle and its book. */
    record Reading(LocalDate date, String book, String author) {
    }

    /** What the events left for the submissions to refer to. */
    record Inputs(LocalDate today, SemesterView semester, DemoRoster roster, Map<Long, String> accountOf,
                  Map<Long, DemoEvents.Effort> effort, String reviewer, String secretary,
                  List<VolunteerDay> volunteering, PosterShow posterShow, List<Reading> readings) {
    }

    private final SubmissionService submissions;
    private final AccountService accounts;
    private final ObjectProvider<FileStore> files;

    DemoSubmissions(SubmissionService submissions, AccountService accounts, ObjectProvider<FileStore> files) {
        this.submissions = submissions;
        this.accounts = accounts;
        this.files = files;
    }

    /** Hands in and reviews the submissions; answers how many were handed in. */
    int load(Inputs in) {
        return new Run(in).load();
    }

    private final class Run {

        private final Inputs in;
        private final Random random = new Random(DemoEvents.SEED + 2);
        private int count;

        Run(Inputs in) {
            this.in = in;
        }

        int load() {
            int n = 0;
            for (Map.Entry<Long, String> e : in.accountOf().entrySet()) {
                DemoRoster.Member m = in.roster().person(e.getKey());
                if (m.type() != cn.hongxin.organisation.PersonType.STUDENT) {
                    continue;
                }
                DemoEvents.Effort effort = in.effort().getOrDefault(m.id(), DemoEvents.Effort.ORDINARY);
                String username = e.getValue();
                readingNotes(m, username, effort, n);
                poster(m, username, effort, n);
                poem(m, username, effort, n);
                essay(m, username, effort, n);
                volunteerHours(m, username, effort);
                n++;
            }
            return count;
        }

        private void readingNotes(DemoRoster.Member m, String username, DemoEvents.Effort effort, int n) {
            int k = 0;
            for (Reading r : in.readings()) {
                if (!r.date().isBefore(in.today())) {
                    continue;
                }
                LocalDate on = earliest(r.date().plusDays(1 + random.nextInt(6)), in.today().minusDays(1));
                k++;
                switch (effort) {
                    case KEEN -> verify(submit(username, NewSubmission.readingNote(id(m, "note" + k), r.book(),
                            r.author(), String.format(DemoTexts.pick(DemoTexts.NOTES, n + k), r.book()), on)), m);
                    case ORDINARY -> {
                        int x = random.nextInt(10);
                        if (x < 3) {
                            continue;
                        }
                        String note = x == 3 ? DemoTexts.SHORT_NOTES.get(0) + "书中的故事让我久久不能平静。"
                                : String.format(DemoTexts.pick(DemoTexts.NOTES, n + k), r.book());
                        SubmissionView s = submit(username, NewSubmission.readingNote(id(m, "note" + k), r.book(),
                                r.author(), note, on));
                        if (x == 3) {
                            reject(s, m, DemoTexts.NOTE_REJECTIONS.get(0));
                        } else if (x < 8) {
                            verify(s, m);
                        }
                    }
                    case BEHIND -> {
                        if (k == 1 && random.nextBoolean()) {
                            SubmissionView s = submit(username, NewSubmission.readingNote(id(m, "note" + k),
                                    DemoTexts.BOOKS.get(5)[0], DemoTexts.BOOKS.get(5)[1],
                                    DemoTexts.SHORT_NOTES.get(0) + "还没读完，先交一部分。", on));
                            reject(s, m, DemoTexts.pick(DemoTexts.NOTE_REJECTIONS, n));
                        }
                    }
                }
            }
        }

        private void poster(DemoRoster.Member m, String username, DemoEvents.Effort effort, int n) {
            PosterShow show = in.posterShow();
            FileStore store = files.getIfAvailable();
            if (show == null || store == null || effort == DemoEvents.Effort.BEHIND) {
                return;
            }
            int x = random.nextInt(10);
            if (effort == DemoEvents.Effort.ORDINARY ? x >= 4 : x >= 8) {
                return;
            }
            long span = Math.max(1, ChronoUnit.DAYS.between(show.windowStart(), show.date()));
            LocalDate on = show.windowStart().plusDays(random.nextLong(span));
            String title = DemoTexts.pick(DemoTexts.POSTER_TITLES, n);
            byte[] image = posterImage(n);
            SubmissionView s = as(username, () -> {
                long fileId = store.store("手抄报-" + m.name() + ".jpg", new ByteArrayInputStream(image),
                        FilePurpose.PHOTO).id();
                return submissions.submit(new NewSubmission(id(m, "poster"), cn.hongxin.submissions.SubmissionKind.POSTER,
                        title, null, null, null, fileId, null, on, show.windowCode(), show.eventId()));
            });
            count++;
            if (effort == DemoEvents.Effort.KEEN && x < 6) {
                verify(s, m);
            }
        }

        private void poem(DemoRoster.Member m, String username, DemoEvents.Effort effort, int n) {
            int x = random.nextInt(10);
            if (effort == DemoEvents.Effort.BEHIND || effort == DemoEvents.Effort.ORDINARY && x >= 5
                    || effort == DemoEvents.Effort.KEEN && x >= 8) {
                return;
            }
            LocalDate on = pastDay();
            SubmissionView s = submit(username, NewSubmission.poem(id(m, "poem"), DemoTexts.pick(DemoTexts.POEMS, n), on));
            if (effort == DemoEvents.Effort.KEEN || x < 2) {
                verify(s, m);
            }
        }

        private void essay(DemoRoster.Member m, String username, DemoEvents.Effort effort, int n) {
            if (effort != DemoEvents.Effort.KEEN || n % 4 != 1) {
                return;
            }
            submit(username, NewSubmission.essay(id(m, "essay"), DemoTexts.pick(DemoTexts.ESSAY_TITLES, n / 4),
                    DemoTexts.ESSAY_TEXT, null, earliest(pastDay().plusDays(3), in.today().minusDays(1))));
        }

        private void volunteerHours(DemoRoster.Member m, String username, DemoEvents.Effort effort) {
            int k = 0;
            for (VolunteerDay day : in.volunteering()) {
                k++;
                BigDecimal served = day.hours().get(m.id());
                int x = random.nextInt(10);
                if (served == null) {
                    // Somebody behind claims a day they did not serve: sent back.
                    if (effort == DemoEvents.Effort.BEHIND && x < 5) {
                        SubmissionView s = submit(username, NewSubmission.volunteerHours(id(m, "hours" + k),
                                new BigDecimal("3.5"), day.date(), day.what()));
                        reject(s, m, DemoTexts.HOUR_REJECTIONS.get(1));
                    }
                    continue;
                }
                if (effort == DemoEvents.Effort.BEHIND || effort == DemoEvents.Effort.ORDINARY && x >= 7) {
                    continue;
                }
                boolean overclaimed = effort == DemoEvents.Effort.ORDINARY && x == 0;
                SubmissionView s = submit(username, NewSubmission.volunteerHours(id(m, "hours" + k),
                        overclaimed ? served.add(new BigDecimal("2")) : served, day.date(),
                        "参加" + day.what() + "，负责引导和健康咨询"));
                if (overclaimed) {
                    reject(s, m, DemoTexts.HOUR_REJECTIONS.get(0));
                } else if (effort == DemoEvents.Effort.KEEN || x < 4) {
                    verify(s, m);
                }
            }
        }

        // ---- helpers ---------------------------------------------------------------------------

        private SubmissionView submit(String username, NewSubmission submission) {
            count++;
            return as(username, () -> submissions.submit(submission));
        }

        private void verify(SubmissionView s, DemoRoster.Member submitter) {
            as(reviewerFor(submitter), () -> submissions.verify(s.id()));
        }

        private void reject(SubmissionView s, DemoRoster.Member submitter, String reason) {
            as(reviewerFor(submitter), () -> submissions.reject(s.id(), reason));
        }

        /** The committee member reviews, except their own submissions, which the secretary reviews. */
        private String reviewerFor(DemoRoster.Member submitter) {
            return in.reviewer().equals(in.accountOf().get(submitter.id())) ? in.secretary() : in.reviewer();
        }

        /** A day of the semester before today. */
        private LocalDate pastDay() {
            long span = ChronoUnit.DAYS.between(in.semester().startDate(), in.today());
            if (span < 2) {
                return in.today().minusDays(1);
            }
            return in.semester().startDate().plusDays(random.nextLong(span - 1));
        }

        private String id(DemoRoster.Member m, String what) {
            return "demo-" + m.id() + "-" + what;
        }

        private <T> T as(String username, Supplier<T> work) {
            return accounts.runAs(username, work);
        }
    }

    /** A hand-drawn red poster: a red ground, a golden star, and lines of "writing" in colour. */
    static byte[] posterImage(int variant) {
        Random r = new Random(DemoEvents.SEED + variant);
        int w = 360;
        int h = 480;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(250, 244, 230));
            g.fillRect(0, 0, w, h);
            g.setPaint(new GradientPaint(0, 0, new Color(200, 16, 46), 0, 220, new Color(230, 60, 40)));
            g.fillRect(0, 0, w, 220);
            g.setColor(new Color(255, 210, 0));
            g.fill(star(90 + r.nextInt(40), 100, 60));
            for (int i = 0; i < 4; i++) {
                g.fill(star(190 + i * 45, 50 + (i % 2) * 50 + r.nextInt(20), 18));
            }
            Color[] ink = {new Color(180, 20, 30), new Color(40, 40, 40), new Color(20, 90, 160), new Color(30, 120, 60)};
            for (int y = 250; y < h - 40; y += 28) {
                g.setColor(ink[r.nextInt(ink.length)]);
                int len = 200 + r.nextInt(w - 260);
                g.fillRoundRect(40, y, len, 10, 8, 8);
            }
            g.setColor(new Color(200, 16, 46));
            g.setStroke(new BasicStroke(8));
            g.drawRect(4, 4, w - 8, h - 8);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Polygon star(int cx, int cy, int radius) {
        Polygon p = new Polygon();
        for (int i = 0; i < 10; i++) {
            double angle = Math.PI / 2 + i * Math.PI / 5;
            double rr = i % 2 == 0 ? radius : radius * 0.4;
            p.addPoint((int) Math.round(cx + rr * Math.cos(angle)), (int) Math.round(cy - rr * Math.sin(angle)));
        }
        return p;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
