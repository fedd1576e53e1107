package cn.hongxin.mentoring;

import java.util.List;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.hongxin.support.Browser;
import cn.hongxin.support.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A teacher keeps the pair's record from a phone: from 我的帮扶 the quick form takes today's date, a mode tapped as
 * a big button, what was done and the next step; one tap saves it. The student then sees the meeting date, not
 * the note.
 */
@BrowserTest
class MentoringBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    MentoringFixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTeacherLogsAHelpRecordFromAPhoneInAFewTaps() {
        MentoringFixtures.Cast c = fixtures.cast();
        long pairId = fixtures.pair(c, 14);
        Page page = browser.phone("zh-CN");
        browser.login(page, c.partnerAccount());
        page.navigate(browser.url("/me/mentoring"));
        Browser.screenshot(page, "mentoring/mine-teacher-phone-zh");
        assertThat(page.locator("[data-pair-id='" + pairId + "']").innerText()).contains("陈思远", "杨建华");
        assertThat(page.locator("[data-pair-id='" + pairId + "'] .overdue-warning").count()).isEqualTo(1);
        // The only pair's form is open; the date is today already.
        assertThat(page.inputValue("#help-date-" + pairId)).isEqualTo(MentoringService.today().toString());
        page.click("label[for='mode-" + pairId + "-VISIT']");
        page.fill("#help-content-" + pairId, "晚上到宿舍走访，学生正在复习生理学，和室友相处融洽。");
        page.fill("#help-next-" + pairId, "周四答疑时检查练习");
        Browser.screenshot(page, "mentoring/log-help-phone-zh");
        page.click("#help-submit-" + pairId);
        page.waitForURL(browser.url("/me/mentoring"));
        Browser.screenshot(page, "mentoring/logged-help-phone-zh");
        assertThat(page.locator(".alert-success").innerText()).contains("帮扶记录已保存");
        assertThat(page.locator("[data-pair-id='" + pairId + "']").innerText()).contains("本月已记录1次");
        assertThat(jdbc.queryForList("select mode from mentoring_help_record where pair_id = ?", String.class, pairId))
                .isEqualTo(List.of("VISIT"));
        assertThat(Browser.sidewaysOverflow(page)).isLessThanOrEqualTo(0);

        // The pair's file shows it to the teacher.
        page.click("#pair-record-" + pairId);
        page.waitForURL(browser.url("/mentoring/pairs/" + pairId));
        Browser.screenshot(page, "mentoring/pair-phone-zh");
        assertThat(page.locator("#help-records").innerText()).contains("晚上到宿舍走访", "家访/走访宿舍");
        page.context().close();

        // The student sees the date and the teachers, nothing of the note.
        Page student = browser.phone("zh-CN");
        browser.login(student, c.studentAccount());
        student.navigate(browser.url("/me/mentoring"));
        Browser.screenshot(student, "mentoring/mine-student-phone-zh");
        String text = student.locator("main").innerText();
        assertThat(text).contains("杨建华", "周晓梅", MentoringService.today().toString());
        assertThat(text).doesNotContain("宿舍走访").doesNotContain("生理学");
        student.context().close();

        // The general branch secretary's list and form, on a desktop.
        Page desk = browser.desktop("zh-CN");
        browser.login(desk, c.generalSecretary());
        desk.navigate(browser.url("/mentoring?q=陈思远"));
        Browser.screenshot(desk, "mentoring/list-desktop-zh");
        assertThat(desk.locator("#mentoring-table").innerText()).contains("陈思远", "杨建华", "周晓梅")
                .doesNotContain("宿舍走访");
        desk.navigate(browser.url("/mentoring/new?studentId=" + c.student()));
        Browser.screenshot(desk, "mentoring/form-desktop-zh");
        assertThat(desk.locator("#suggestions").innerText()).contains("杨建华");
        desk.navigate(browser.url("/mentoring/pairs/" + pairId));
        Browser.screenshot(desk, "mentoring/pair-desktop-zh");
        desk.context().close();
        assertThat(browser.externalRequests()).isEmpty();
    }
}
