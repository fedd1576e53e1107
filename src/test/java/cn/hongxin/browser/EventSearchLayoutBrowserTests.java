package cn.hongxin.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.Browser;
import cn.hongxin.support.TestOrganisation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events list's search card at a laptop's 1280 px (1280×900) and on a phone: the two date boxes of the date range, with
 * dates in them, stay clear of the 搜索 and 重置 buttons, and nothing makes the page scroll sideways.
 */
@EventSearchLayoutBrowserTests.EventSearchBrowserTest
class EventSearchLayoutBrowserTests {

    /**
     * A browser test with a database of its own: the shared browser database is left empty for the first-run
     * flow, which starts from setup.
     */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Inherited
    @Tag("browser")
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
            "spring.datasource.url=jdbc:h2:mem:browser-event-search;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "hongxin.data-dir=target/browser-event-search-data"})
    @ActiveProfiles("test")
    @interface EventSearchBrowserTest {
    }

    @RegisterExtension
    static final Browser browser = new Browser();

    /** The boxes of the search card's fields and buttons, as the page lays them out. */
    static final String BOXES = """
            () => {
              const box = s => { const r = document.querySelector(s).getBoundingClientRect();
                return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
              const card = document.querySelector('#event-search').getBoundingClientRect();
              return {from: box('#from'), to: box('#to'), typeId: box('#typeId'), unitId: box('#unitId'),
                      state: box('#state'), search: box('#event-search-submit'),
                      reset: box('#event-search [data-reset-form]'),
                      card: {left: card.left, right: card.right, top: card.top, bottom: card.bottom}};
            }""";

    @Autowired
    TestOrganisation org;
    @Autowired
    TestAccounts accounts;

    @Test
    void theDateRangeStaysClearOfTheButtonsAt1280AndOnAPhone() {
        TestOrganisation.Department dept = org.department();
        String secretary = accounts.create("evs", EnumSet.of(Role.GENERAL_SECRETARY), dept.generalBranch().id());

        Page desktop = browser.desktop("zh-CN");
        browser.login(desktop, secretary);
        desktop.navigate(browser.url("/events?from=2025-09-01&to=2026-01-15"));
        Browser.screenshot(desktop, "events/list-search-1280-zh");
        assertClear(desktop);
        desktop.context().close();

        Page phone = browser.phone("zh-CN");
        browser.login(phone, secretary);
        phone.navigate(browser.url("/events?from=2025-09-01&to=2026-01-15"));
        Browser.screenshot(phone, "events/list-search-phone-zh");
        assertClear(phone);
        phone.context().close();
    }

    @SuppressWarnings("unchecked")
    private static void assertClear(Page page) {
        Map<String, Map<String, Number>> boxes = (Map<String, Map<String, Number>>) page.evaluate(BOXES);
        Map<String, Number> card = boxes.get("card");
        for (String field : List.of("typeId", "unitId", "state", "from", "to")) {
            Map<String, Number> f = boxes.get(field);
            assertThat(width(f)).as(field + " has room").isGreaterThan(60);
            for (String button : List.of("search", "reset")) {
                assertThat(intersect(f, boxes.get(button))).as(field + " clear of " + button + ": " + boxes).isFalse();
            }
            assertThat(f.get("right").doubleValue()).as(field + " inside the card").isLessThanOrEqualTo(
                    card.get("right").doubleValue() + 0.5);
        }
        assertThat(intersect(boxes.get("from"), boxes.get("to"))).as("the two dates apart: " + boxes).isFalse();
        assertThat(Browser.sidewaysOverflow(page)).as("sideways overflow").isLessThanOrEqualTo(0);
    }

    private static double width(Map<String, Number> b) {
        return b.get("right").doubleValue() - b.get("left").doubleValue();
    }

    private static boolean intersect(Map<String, Number> a, Map<String, Number> b) {
        return a.get("left").doubleValue() < b.get("right").doubleValue()
                && b.get("left").doubleValue() < a.get("right").doubleValue()
                && a.get("top").doubleValue() < b.get("bottom").doubleValue()
                && b.get("top").doubleValue() < a.get("bottom").doubleValue();
    }
}
