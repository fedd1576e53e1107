package cn.hongxin.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import cn.hongxin.setup.SetupService;
import cn.hongxin.support.Browser;
import cn.hongxin.support.DemoDepartment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of this stage, with the demo department loaded, at desktop and phone size, in Chinese and
 * English, as the role that uses it: each answers 200, shows no error page, loads nothing from outside,
 * and leaves a screenshot in target/screenshots/gallery for people to look at.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:gallery;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "hongxin.data-dir=target/gallery-data"})
@ActiveProfiles("test")
class PageGalleryBrowserTests {

    static final String ADMIN_PASSWORD = "Gallery-Passw0rd!";
    @RegisterExtension
    static final Browser browser = new Browser();
    static DemoDepartment demo;

    @Autowired
    SetupService setup;
    @Autowired
    cn.hongxin.security.AccountService accountService;
    @Autowired
    cn.hongxin.organisation.PersonService people;
    @Autowired
    cn.hongxin.brand.BrandService brands;
    @Autowired
    cn.hongxin.brand.ProgrammeCatalog catalog;
    @Autowired
    cn.hongxin.mentoring.MentoringLedger mentoringLedger;
    @Autowired
    cn.hongxin.newsletter.NewsletterService newsletters;
    @Autowired
    cn.hongxin.publishing.ArticleService articles;

    @Test
    void everyPageRendersInBothLanguagesAtBothSizesWithoutExternalRequests() {
        demo = DemoDepartment.load(setup, ADMIN_PASSWORD);
        long someone = accountService.runAs("admin", () -> people.search(
                cn.hongxin.organisation.PersonQuery.all(), 0, 1).getContent().get(0).id());
        Map<String, List<String>> pagesByUser = new java.util.LinkedHashMap<>();
        pagesByUser.put("admin", List.of("/", "/org/units", "/org/people", "/org/people/" + someone,
                "/org/people/" + someone + "/edit", "/org/people/new", "/org/calendar", "/org/people/import",
                "/system/accounts", "/system/accounts/new", "/me/password", "/me/tokens", "/me/inbox", "/events/types"));
        pagesByUser.put(demo.account("COMMITTEE_MEMBER").username(), List.of("/submissions/review", "/me/submissions"));
        pagesByUser.put(demo.account("GENERAL_SECRETARY").username(), List.of("/", "/org/people", "/org/units", "/events",
                "/events/new", "/events/series", "/events/series/new", "/events/calendar"));
        pagesByUser.put(demo.account("MEMBER").username(), List.of("/", "/me/events", "/me/submissions", "/events/calendar",
                "/me/calendar-feeds"));
        pagesByUser.put(demo.account("SECURITY_ADMIN").username(), List.of("/system/security"));
        pagesByUser.put(demo.account("AUDITOR").username(), List.of("/system/audit"));
        long brandId = accountService.runAs("admin", () -> brands.presented().orElseThrow().id());
        pagesByUser.merge(demo.account("GENERAL_SECRETARY").username(), List.of("/brand", "/brand/" + brandId + "/edit",
                "/brand/" + brandId + "/programme", "/brand/" + brandId + "/programme?editRequirement="
                        + accountService.runAs("admin", () -> catalog.measures().get(0).requirements().get(0).id())),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
        pagesByUser.merge(demo.account("MEMBER").username(), List.of("/brand"),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
        pagesByUser.merge(demo.account("GENERAL_SECRETARY").username(), List.of("/compliance", "/compliance/heat-map",
                "/compliance/requirements/" + accountService.runAs("admin",
                        () -> catalog.measures().get(0).requirements().get(0).id()) + "/behind"),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
        pagesByUser.merge(demo.account("MEMBER").username(), List.of("/me/checklist"),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
        pagesByUser.merge(demo.account("GENERAL_SECRETARY").username(), List.of("/evaluation", "/evaluation/points",
                "/evaluation/reports"), (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
        pagesByUser.merge(demo.account("MEMBER").username(), List.of("/me/points"),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());

        long mentoringPair = accountService.runAs(demo.account("GENERAL_SECRETARY").username(),
                () -> mentoringLedger.visibleRows().get(0).pairId());
        pagesByUser.merge(demo.account("GENERAL_SECRETARY").username(), List.of("/mentoring", "/mentoring/new",
                "/mentoring/pairs/" + mentoringPair), (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
        pagesByUser.merge(demo.account("BRANCH_SECRETARY").username(), List.of("/me/mentoring"),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
        pagesByUser.merge(demo.account("MEMBER").username(), List.of("/me/mentoring"),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
        pagesByUser.merge(demo.account("BRANCH_SECRETARY").username(), List.of("/outreach/team", "/outreach/team/new",
                "/outreach/column", "/outreach/column/pieces/new", "/outreach/talks", "/outreach/talks/new"),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
        List<cn.hongxin.newsletter.NewsletterSummary> newsletterIssues = accountService.runAs(
                demo.account("GENERAL_SECRETARY").username(), () -> newsletters.list(null));
        long issuedNewsletter = newsletterIssues.stream().filter(n -> n.number() != null).findFirst().orElseThrow().id();
        pagesByUser.merge(demo.account("GENERAL_SECRETARY").username(), List.of("/newsletter",
                        "/newsletter/" + newsletterIssues.get(0).id(), "/newsletter/" + issuedNewsletter,
                        "/site/newsletters", "/site/newsletters/" + issuedNewsletter),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
        String secretary = demo.account("GENERAL_SECRETARY").username();
        var published = accountService.runAs(secretary, () -> articles.search(new cn.hongxin.publishing.ArticleQuery(
                cn.hongxin.publishing.ArticleState.PUBLISHED, null, null), 0, 1).getContent().get(0));
        long returned = accountService.runAs(secretary, () -> articles.search(new cn.hongxin.publishing.ArticleQuery(
                        cn.hongxin.publishing.ArticleState.DRAFT, null, null), 0, 50).getContent().stream()
                .filter(x -> x.lastComment() != null).findFirst().orElseThrow().id());
        pagesByUser.merge(secretary, List.of("/publishing/articles", "/publishing/articles/new",
                        "/publishing/articles/" + published.id(), "/publishing/articles/" + returned,
                        "/publishing/articles/" + returned + "/edit", "/publishing/channels", "/site",
                        published.sitePath()),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());

        // The teachers' branch secretary forms pairs too; who-is-behind searched by name (pinyin).
        pagesByUser.merge(demo.account("BRANCH_SECRETARY").username(), List.of("/mentoring", "/mentoring/new"),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
        pagesByUser.merge(demo.account("GENERAL_SECRETARY").username(), List.of("/compliance/requirements/"
                        + accountService.runAs("admin", () -> catalog.measures().get(0).requirements().get(0).id())
                        + "/behind?q=li"),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
        // The system admin reads (and changes) the points table without the evaluation pages.
        pagesByUser.merge("admin", List.of("/evaluation/points/rules"),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());

        List<String> failures = new ArrayList<>();
        for (String locale : List.of("zh-CN", "en")) {
            for (boolean phone : List.of(false, true)) {
                for (var entry : pagesByUser.entrySet()) {
                    Page page = phone ? browser.phone(locale) : browser.desktop(locale);
                    browser.login(page, entry.getKey(), demo.password(entry.getKey()));
                    for (String path : entry.getValue()) {
                        Response response = page.navigate(browser.url(path));
                        if (page.locator("#heat-map").count() > 0) {
                            page.waitForSelector("#heat-map[data-rendered]");
                        }
                        String name = "gallery/" + entry.getKey().replaceAll("\\d", "") + "-"
                                + (path.equals("/") ? "home" : path.substring(1).replace('/', '-'))
                                + "-" + (phone ? "phone" : "desktop") + "-" + (locale.equals("en") ? "en" : "zh");
                        Browser.screenshot(page, name);
                        if (response == null || response.status() != 200) {
                            failures.add(path + " as " + entry.getKey() + ": HTTP "
                                    + (response == null ? "none" : response.status()));
                        } else if (page.locator("main#main").count() == 0) {
                            failures.add(path + " as " + entry.getKey() + ": not in the application layout");
                        }
                    }
                    page.context().close();
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(browser.externalRequests()).isEmpty();
    }

}
