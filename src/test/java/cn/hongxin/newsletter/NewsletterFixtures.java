package cn.hongxin.newsletter;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.springframework.stereotype.Component;

import cn.hongxin.events.EventAttachmentKind;
import cn.hongxin.events.EventAttachmentService;
import cn.hongxin.events.EventForm;
import cn.hongxin.events.EventService;
import cn.hongxin.events.EventTypeService;
import cn.hongxin.events.ThreeCombination;
import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.TestOrganisation;

/** A fresh department with a newsletter editor and a general secretary (who signs), and finished events. */
@Component
class NewsletterFixtures {

    record Org(TestOrganisation.Department dept, String editor, String signer) {
    }

    record Held(long eventId, List<Long> photoFileIds) {
    }

    private final TestOrganisation org;
    private final TestAccounts accounts;
    private final EventService events;
    private final EventTypeService types;
    private final EventAttachmentService attachments;
    private final NewsletterService newsletters;

    NewsletterFixtures(TestOrganisation org, TestAccounts accounts, EventService events, EventTypeService types,
                       EventAttachmentService attachments, NewsletterService newsletters) {
        this.org = org;
        this.accounts = accounts;
        this.events = events;
        this.types = types;
        this.attachments = attachments;
        this.newsletters = newsletters;
    }

    Org org() {
        TestOrganisation.Department dept = org.department();
        long unit = dept.generalBranch().id();
        return new Org(dept, accounts.create("nl-editor", EnumSet.of(Role.COMMITTEE_MEMBER), unit),
                accounts.create("nl-signer", EnumSet.of(Role.GENERAL_SECRETARY), unit));
    }

    /** An event of the unit at the given time, taken to done (or left planned) with a summary and photos. */
    Held event(Org o, long unitId, String typeCode, LocalDateTime at, String title, String summary, int photos,
               boolean done) {
        return accounts.runAs(o.signer(), () -> {
            long typeId = types.byCode(typeCode).orElseThrow().id();
            long id = events.schedule(new EventForm(typeId, unitId, title, null, null, null, at, at.plusHours(2),
                    "第一会议室", "一、学习；二、讨论", Set.of(ThreeCombination.PARTY_AND_CAMPUS), List.of(), List.of(),
                    List.of(), List.of(), null));
            List<Long> files = new ArrayList<>();
            for (int i = 0; i < photos; i++) {
                files.add(attachments.upload(id, EventAttachmentKind.PHOTO, "合影" + i + ".jpg",
                        new ByteArrayInputStream(jpeg(640, 480, i))).fileId());
            }
            if (done) {
                events.start(id);
                events.writeMinutes(id, "会议记录", summary);
                events.close(id);
            }
            return new Held(id, files);
        });
    }

    /** A draft for the general branch over the period, with one item added by hand when empty. */
    long draft(Org o, LocalDate from, LocalDate to) {
        return accounts.runAs(o.editor(), () -> newsletters.draftFromPeriod(o.dept().generalBranch().id(), from, to));
    }

    /** A draft with one hand-written item, submitted for sign-off. */
    long submitted(Org o, LocalDate from, LocalDate to, String itemTitle) {
        long id = draft(o, from, to);
        accounts.runAs(o.editor(), () -> {
            NewsletterIssueView issue = newsletters.get(id);
            newsletters.addItem(issue.sections().get(0).id(), itemTitle, "正文：" + itemTitle);
            newsletters.submit(id);
        });
        return id;
    }

    static byte[] jpeg(int width, int height, int seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40 + seed * 30 % 200, 120, 200));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(200, 20, 20));
        g.fillRect(width / 4, height / 4, width / 2, height / 4);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpeg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
