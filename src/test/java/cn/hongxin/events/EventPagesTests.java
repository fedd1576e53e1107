package cn.hongxin.events;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.hongxin.organisation.PersonService;
import cn.hongxin.security.AccountService;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class EventPagesTests {

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
    void secretarySchedulesAnEventOnTheFormAndTakesTheRollCall() throws Exception {
        EventFixtures.Branches b = fixtures.branches();
        String sec = b.studentsSecretary();
        assertThat(page(sec, "/events/new")).contains("id=\"event-form\"").contains("支部党员大会");

        String start = LocalDateTime.now(EventService.ZONE).withSecond(0).withNano(0).toString();
        MvcResult created = mvc.perform(post("/events").with(accounts.as(sec)).with(csrf())
                        .param("typeId", String.valueOf(fixtures.typeId("BRANCH_GENERAL_MEETING")))
                        .param("organiserUnitId", String.valueOf(b.dept().studentsBranch().id()))
                        .param("title", "十一月支部党员大会").param("startsAt", start).param("place", "教学楼101")
                        .param("tags", "PARTY_AND_CAMPUS"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/events/*")).andReturn();
        String url = created.getResponse().getRedirectedUrl();

        String detail = page(sec, url);
        assertThat(detail).contains("十一月支部党员大会").contains("李红").contains("王强").contains("计划中")
                .contains("党建文化与校园文化相结合");
        assertThat(page(sec, "/events")).contains("十一月支部党员大会");

        mvc.perform(post(url + "/start").with(accounts.as(sec)).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post(url + "/attendance/" + b.bob()).with(accounts.as(sec)).with(csrf())
                .param("status", "EXCUSED").param("reason", "临床见习")).andExpect(status().is3xxRedirection());
        assertThat(page(sec, url)).contains("进行中").contains("临床见习");

        // The invited member sees it on their phone page and signs in there.
        assertThat(page(b.aliceAccount(), "/me/events")).contains("十一月支部党员大会");
        assertThat(page(b.aliceAccount(), url)).contains("id=\"event-sign-in\"");
        mvc.perform(post(url + "/sign-in").with(accounts.as(b.aliceAccount())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page(sec, url)).contains("出席");
    }

    @Test
    void theSameFormSentTwiceOrRacingSchedulesOneEvent() throws Exception {
        EventFixtures.Branches b = fixtures.branches();
        String sec = b.studentsSecretary();
        String form = page(sec, "/events/new");
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("name=\"requestId\" value=\"([0-9a-f-]{36})\"").matcher(form);
        assertThat(m.find()).as("the new-event form carries a request id").isTrue();
        String requestId = m.group(1);
        String title = "双击测试" + System.nanoTime();
        String start = LocalDateTime.now(EventService.ZONE).plusDays(3).withSecond(0).withNano(0).toString();
        java.util.concurrent.Callable<String> send = () -> mvc.perform(post("/events").with(accounts.as(sec))
                        .with(csrf()).param("requestId", requestId)
                        .param("typeId", String.valueOf(fixtures.typeId("BRANCH_GENERAL_MEETING")))
                        .param("organiserUnitId", String.valueOf(b.dept().studentsBranch().id()))
                        .param("title", title).param("startsAt", start).param("place", "教学楼101"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

        String first = send.call();
        String again = send.call();
        assertThat(again).isEqualTo(first);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var racing = pool.invokeAll(java.util.Collections.nCopies(4, send));
            for (var f : racing) {
                assertThat(f.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdown();
        }
        long scheduled = accounts.runAs(sec, () -> events.search(
                EventQuery.all(), 0, 200).getContent().stream()
                .filter(e -> e.title().equals(title)).count());
        assertThat(scheduled).isEqualTo(1);

        // A new form is a new request: a second event with the same title is scheduled on purpose.
        String otherId = java.util.UUID.randomUUID().toString();
        String other = mvc.perform(post("/events").with(accounts.as(sec)).with(csrf()).param("requestId", otherId)
                        .param("typeId", String.valueOf(fixtures.typeId("BRANCH_GENERAL_MEETING")))
                        .param("organiserUnitId", String.valueOf(b.dept().studentsBranch().id()))
                        .param("title", title).param("startsAt", start).param("place", "教学楼101"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(other).isNotEqualTo(first);

        // An over-long id is refused with a message and schedules nothing.
        String refused = mvc.perform(post("/events").with(accounts.as(sec)).with(csrf())
                        .param("requestId", "x".repeat(65))
                        .param("typeId", String.valueOf(fixtures.typeId("BRANCH_GENERAL_MEETING")))
                        .param("organiserUnitId", String.valueOf(b.dept().studentsBranch().id()))
                        .param("title", title + "X").param("startsAt", start).param("place", "教学楼101"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("表单标识无效，请刷新页面后重新填写");
        assertThat(accounts.runAs(sec, () -> events.search(EventQuery.all(), 0, 200)
                .getContent().stream().noneMatch(e -> e.title().equals(title + "X")))).isTrue();
    }

    @Test
    void anotherBranchsSecretaryGetsNotFound() throws Exception {
        EventFixtures.Branches b = fixtures.branches();
        long id = fixtures.schedule(b, "BRANCH_COMMITTEE_MEETING");
        mvc.perform(get("/events/" + id).with(accounts.as(b.teachersSecretary()))).andExpect(status().isNotFound());
        mvc.perform(get("/events/" + id + "/edit").with(accounts.as(b.teachersSecretary())))
                .andExpect(status().isNotFound());
        mvc.perform(post("/events/" + id + "/start").with(accounts.as(b.teachersSecretary())).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(page(b.teachersSecretary(), "/events")).doesNotContain("/events/" + id + "\"");
    }

    @Test
    void typeCatalogueAddsAndDeactivatesTypes() throws Exception {
        String admin = org.admin();
        assertThat(page(admin, "/events/types")).contains("定期议党会议").contains("周三讲堂").contains("中华礼仪表演大赛");
        String code = "T" + System.nanoTime();
        mvc.perform(post("/events/types").with(accounts.as(admin)).with(csrf()).param("code", code)
                        .param("nameZh", "读书分享会").param("nameEn", "Book sharing").param("category", "ACTIVITY")
                        .param("sortOrder", "300"))
                .andExpect(status().is3xxRedirection());
        EventTypeView created = accounts.runAs(admin, () -> types.byCode(code).orElseThrow());
        mvc.perform(post("/events/types/" + created.id() + "/active").with(accounts.as(admin)).with(csrf())
                .param("active", "false")).andExpect(status().is3xxRedirection());
        assertThat(accounts.runAs(admin, () -> types.active())).extracting(EventTypeView::code).doesNotContain(code);
        EventFixtures.Branches b = fixtures.branches();
        mvc.perform(get("/events/types").with(accounts.as(b.studentsSecretary()))).andExpect(status().isForbidden());
    }

    private String page(String user, String url) throws Exception {
        return mvc.perform(get(url).with(accounts.as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
