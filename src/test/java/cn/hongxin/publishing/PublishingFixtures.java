package cn.hongxin.publishing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.springframework.stereotype.Component;

import cn.hongxin.files.FilePurpose;
import cn.hongxin.files.FileStore;
import cn.hongxin.organisation.Gender;
import cn.hongxin.organisation.PersonForm;
import cn.hongxin.organisation.PersonService;
import cn.hongxin.organisation.PersonType;
import cn.hongxin.organisation.PoliticalStatus;
import cn.hongxin.security.AccountService;
import cn.hongxin.security.NewAccount;
import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.TestOrganisation;

/** Writers and reviewers with persons linked to their accounts, images in the file store, drafts. */
@Component
class PublishingFixtures {

    private final TestOrganisation org;
    private final TestAccounts accounts;
    private final PersonService people;
    private final AccountService accountService;
    private final FileStore files;
    private final ArticleService articles;

    PublishingFixtures(TestOrganisation org, TestAccounts accounts, PersonService people,
                       AccountService accountService, FileStore files, ArticleService articles) {
        this.org = org;
        this.accounts = accounts;
        this.people = people;
        this.accountService = accountService;
        this.files = files;
        this.articles = articles;
    }

    /** A teacher of the department holding {@code role}, scoped to its general branch; returns the username. */
    String person(TestOrganisation.Department dept, String name, Role role) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long personId = accounts.runAs(org.admin(), () -> people.create(new PersonForm(name, Gender.MALE, "汉族",
                null, null, null, null, "PUB" + tag, PersonType.TEACHER, dept.teachingOffice().id(),
                dept.teachersBranch().id(), null, PoliticalStatus.FULL_MEMBER, null, false)));
        String username = "pub-" + tag;
        Set<Role> roles = EnumSet.of(role);
        accounts.runAs(org.admin(), () -> accountService.create(new NewAccount(username, TestAccounts.PASSWORD, name,
                roles, dept.generalBranch().id(), personId)));
        return username;
    }

    /** A real image uploaded by {@code username}; returns its file id. */
    long image(String username) {
        return accounts.runAs(username, () -> files.store("cover.png", new ByteArrayInputStream(png()),
                FilePurpose.PHOTO).id());
    }

    /** A draft by {@code username} for the unit, with a cover and one body image. */
    ArticleView draft(String username, long unitId, String title) {
        long cover = image(username);
        long inBody = image(username);
        return accounts.runAs(username, () -> articles.create(new ArticleForm(title, null, null, BodyFormat.MARKDOWN,
                "## " + title + "\n\n支部组织党员重温入党誓词。\n\n![合影](/files/" + inBody + ")\n", unitId, cover,
                "主题党日, 七一", List.of())));
    }

    /** Takes an article from draft to approved with the given reviewer and approver. */
    void approve(long id, String author, String reviewer, String approver) {
        accounts.runAs(author, () -> articles.submit(id, null));
        accounts.runAs(reviewer, () -> articles.review(id, "初审同意"));
        accounts.runAs(approver, () -> articles.approve(id, "同意发布"));
    }

    static byte[] png() {
        BufferedImage image = new BufferedImage(64, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 16, 46));
        g.fillRect(0, 0, 64, 40);
        g.setColor(Color.YELLOW);
        g.fillOval(6, 6, 12, 12);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
