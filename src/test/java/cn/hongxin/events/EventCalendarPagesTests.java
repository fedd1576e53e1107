package cn.hongxin.events;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.hongxin.organisation.PersonService;
import cn.hongxin.security.AccountService;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class EventCalendarPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    EventService events;
    @Autowired
    EventTypeService types;
    @Autowired
    TestOrganisation org;
    @Autowired
    TestAccounts accounts;
    @Autowired
    AccountService accountService;
    @Autowired
    PersonService people;

    EventFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new EventFixtures(org, accounts, accountService, people, events, types);
    }

    @Test
    void monthViewListsAnEventOnItsDayForTheInviteeAndTheSecretaryButNotAnotherBranch() throws Exception {
        EventFixtures.Branches b = fixtures.branches();
        long id = fixtures.schedule(b, "THEMED_PARTY_DAY");
        String title = "测试活动THEMED_PARTY_DAY";
        LocalDate day = accounts.runAs(b.studentsSecretary(), () -> events.get(id)).startsAt().toLocalDate();
        String month = "/events/calendar?date=" + day;

        String member = page(b.aliceAccount(), month);
        assertThat(cell(member, day)).contains(title).contains("/events/" + id).contains("chip-STANDARD");
        assertThat(member).contains("周一").contains("id=\"calendar-agenda\"");
        if (day.equals(LocalDate.now(EventService.ZONE))) {
            assertThat(member).contains("hx-cal-today");
        }
        assertThat(cell(page(b.studentsSecretary(), month), day)).contains(title);
        assertThat(page(b.teachersSecretary(), month)).doesNotContain("/events/" + id + "\"");

        String week = page(b.aliceAccount(), "/events/calendar?view=week&date=" + day);
        assertThat(cell(week, day)).contains(title);
        assertThat(week).contains("id=\"calendar-week\"");

        // A month without the event, and rubbish dates fall back to today.
        assertThat(page(b.aliceAccount(), "/events/calendar?date=" + day.plusMonths(3))).doesNotContain(title);
        mvc.perform(get("/events/calendar?date=nonsense").with(accounts.as(b.aliceAccount()))).andExpect(status().isOk());
    }

    @Test
    void calendarSpeaksEnglish() throws Exception {
        EventFixtures.Branches b = fixtures.branches();
        String html = mvc.perform(get("/events/calendar").param("lang", "en").with(accounts.as(b.aliceAccount())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Mon").contains("Event calendar");
    }

    private static String cell(String html, LocalDate day) {
        int start = html.indexOf("id=\"day-" + day + "\"");
        assertThat(start).as("cell of %s", day).isPositive();
        return html.substring(start, html.indexOf("</td>", start));
    }

    private String page(String user, String url) throws Exception {
        return mvc.perform(get(url).with(accounts.as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
