package cn.hongxin.events;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.util.Configurator;

import cn.hongxin.organisation.PersonService;
import cn.hongxin.security.AccountService;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class CalendarFeedTests {

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
    @Autowired
    JdbcClient jdbc;

    EventFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new EventFixtures(org, accounts, accountService, people, events, types);
    }

    @Test
    void personalFeedHoldsExactlyTheInvitedEventsAndParsesBack() throws Exception {
        EventFixtures.Branches b = fixtures.branches();
        long invited = fixtures.schedule(b, "BRANCH_GENERAL_MEETING");
        long cancelled = fixtures.schedule(b, "PARTY_LECTURE");
        accounts.runAs(b.studentsSecretary(), () -> events.cancel(cancelled));
        long bobOnly = accounts.runAs(b.studentsSecretary(), () -> events.schedule(personOnly(b, b.bob())));
        long otherBranch = teachersEvent(b);
        long longAgo = accounts.runAs(b.studentsSecretary(), () -> events.schedule(
                fixtures.form(b, "THEMED_PARTY_DAY", LocalDateTime.now(EventService.ZONE).minusDays(200))));

        String url = createFeed(b.aliceAccount(), "PERSON", null);
        String body = mvc.perform(get(url)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Calendar calendar = new CalendarBuilder().build(new StringReader(body));
        List<VEvent> vevents = calendar.getComponents().stream()
                .filter(VEvent.class::isInstance).map(VEvent.class::cast).toList();
        assertThat(vevents).extracting(v -> value(v, Property.UID))
                .containsExactlyInAnyOrder(uid(invited), uid(cancelled))
                .doesNotContain(uid(bobOnly), uid(otherBranch), uid(longAgo));
        VEvent meeting = vevents.stream().filter(v -> value(v, Property.UID).equals(uid(invited))).findFirst().orElseThrow();
        assertThat(value(meeting, Property.SUMMARY)).isEqualTo("测试活动BRANCH_GENERAL_MEETING");
        assertThat(value(meeting, Property.LOCATION)).isEqualTo("第一会议室");
        assertThat(value(meeting, Property.DESCRIPTION)).contains("一、学习；二、讨论");
        assertThat(value(meeting, Property.URL)).endsWith("/events/" + invited);
        assertThat(meeting.getStartDate().orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("Asia/Shanghai");
        VEvent lecture = vevents.stream().filter(v -> value(v, Property.UID).equals(uid(cancelled))).findFirst().orElseThrow();
        assertThat(value(lecture, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(body).contains("BEGIN:VTIMEZONE").contains("DTSTART;TZID=Asia/Shanghai:");

        // The same feed again answers the same UIDs (stable per event).
        String again = mvc.perform(get(url)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(again).contains("UID:" + uid(invited));
    }

    @Test
    void revokedOrUnknownFeedIsNotFoundAndBothChangesAreAudited() throws Exception {
        EventFixtures.Branches b = fixtures.branches();
        fixtures.schedule(b, "BRANCH_GENERAL_MEETING");
        String url = createFeed(b.aliceAccount(), "PERSON", null);
        mvc.perform(get(url)).andExpect(status().isOk());

        List<CalendarFeedView> mine = accounts.runAs(b.aliceAccount(), () -> feedsOf());
        assertThat(mine).hasSize(1);
        long id = mine.get(0).id();
        // Somebody else cannot revoke it.
        mvc.perform(post("/me/calendar-feeds/" + id + "/revoke").with(accounts.as(b.bobAccount())).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get(url)).andExpect(status().isOk());

        mvc.perform(post("/me/calendar-feeds/" + id + "/revoke").with(accounts.as(b.aliceAccount())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(url)).andExpect(status().isNotFound());
        mvc.perform(get("/calendar/no-such-secret.ics")).andExpect(status().isNotFound());
        assertThat(page(b.aliceAccount(), "/me/calendar-feeds")).contains("已撤销").doesNotContain(url);

        assertThat(jdbc.sql("select action from audit_entry where object_type = 'calendar_feed' and object_id = ?"
                        + " order by id").param(String.valueOf(id)).query(String.class).list())
                .containsExactly("TOKEN_CREATE", "TOKEN_REVOKE");
    }

    @Test
    void aFeedStopsWhileItsAccountIsDisabledOrLockedAndWorksAgainAfterwards() throws Exception {
        EventFixtures.Branches b = fixtures.branches();
        long invited = fixtures.schedule(b, "BRANCH_GENERAL_MEETING");
        String personal = createFeed(b.aliceAccount(), "PERSON", null);
        String unit = createFeed(b.studentsSecretary(), "ORG_UNIT", b.dept().studentsBranch().id());
        mvc.perform(get(personal)).andExpect(status().isOk());
        mvc.perform(get(unit)).andExpect(status().isOk());

        setEnabled(b.aliceAccount(), false);
        setEnabled(b.studentsSecretary(), false);
        String absent = mvc.perform(get("/calendar/no-such-secret.ics")).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(mvc.perform(get(personal)).andExpect(status().isNotFound()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).isEqualTo(absent).doesNotContain(uid(invited));
        mvc.perform(get(unit)).andExpect(status().isNotFound());

        setEnabled(b.aliceAccount(), true);
        String body = mvc.perform(get(personal)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("UID:" + uid(invited));
        mvc.perform(get(unit)).andExpect(status().isNotFound());

        // Locked out (too many wrong passwords): stopped until the lock runs out or is lifted.
        jdbc.sql("update account set locked_until = ? where username = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(600)), b.aliceAccount()).update();
        mvc.perform(get(personal)).andExpect(status().isNotFound());
        jdbc.sql("update account set locked_until = ? where username = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)), b.aliceAccount()).update();
        mvc.perform(get(personal)).andExpect(status().isOk());
    }

    private void setEnabled(String username, boolean enabled) {
        long id = jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
        accounts.runAs(org.admin(), () -> {
            var a = accountService.find(id).orElseThrow();
            return accountService.update(id, a.displayName(), a.roles(), a.scopeOrgUnitId(), enabled);
        });
        assertThat(accounts.runAs(org.admin(), () -> accountService.find(id).orElseThrow().enabled())).isEqualTo(enabled);
    }

    @Test
    void unitFeedHoldsTheSubtreesEventsOnly() throws Exception {
        EventFixtures.Branches b = fixtures.branches();
        long students = fixtures.schedule(b, "BRANCH_GENERAL_MEETING");
        long teachers = teachersEvent(b);

        String url = createFeed(b.studentsSecretary(), "ORG_UNIT", b.dept().studentsBranch().id());
        String body = mvc.perform(get(url)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("UID:" + uid(students)).doesNotContain("UID:" + uid(teachers));

        // A unit outside the caller's scope cannot be subscribed to; a plain member sees no unit choice.
        mvc.perform(post("/me/calendar-feeds").with(accounts.as(b.studentsSecretary())).with(csrf())
                .param("scope", "ORG_UNIT").param("unitId", String.valueOf(b.dept().teachersBranch().id())))
                .andExpect(status().isNotFound());
        assertThat(page(b.aliceAccount(), "/me/calendar-feeds")).doesNotContain("id=\"feed-unit\"");
    }

    @Test
    void iCal4jStaysOffline() {
        assertThat(Configurator.getProperty("net.fortuna.ical4j.timezone.update.enabled")).contains("false");
        assertThat(Configurator.getProperty("net.fortuna.ical4j.timezone.cache.impl"))
                .contains("net.fortuna.ical4j.util.MapTimeZoneCache");
    }

    private List<CalendarFeedView> feedsOf() {
        return feedService.mine();
    }

    @Autowired
    CalendarFeedService feedService;

    private String createFeed(String user, String scope, Long unitId) throws Exception {
        var request = post("/me/calendar-feeds").with(accounts.as(user)).with(csrf()).param("scope", scope);
        if (unitId != null) {
            request = request.param("unitId", String.valueOf(unitId));
        }
        MvcResult result = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn();
        String https = (String) result.getFlashMap().get("feedUrl");
        String webcal = (String) result.getFlashMap().get("webcalUrl");
        assertThat(https).matches("https?://[^/]+/calendar/[A-Za-z0-9_-]{40}\\.ics");
        assertThat(webcal).startsWith("webcal://").endsWith(https.substring(https.indexOf("://") + 3));
        return https.substring(https.indexOf("/calendar/"));
    }

    private long teachersEvent(EventFixtures.Branches b) {
        LocalDateTime start = LocalDateTime.now(EventService.ZONE).plusDays(2);
        EventForm form = new EventForm(fixtures.typeId("BRANCH_COMMITTEE_MEETING"), b.dept().teachersBranch().id(),
                "教工支委会", null, null, null, start, start.plusHours(1), "行政楼", null, Set.of(), List.of(),
                List.of(), List.of(), List.of());
        return accounts.runAs(b.teachersSecretary(), () -> events.schedule(form));
    }

    private EventForm personOnly(EventFixtures.Branches b, long personId) {
        LocalDateTime start = LocalDateTime.now(EventService.ZONE).plusDays(1);
        return new EventForm(fixtures.typeId("PARTY_GROUP_MEETING"), b.dept().studentsBranch().id(), "个别谈话", null,
                null, null, start, start.plusHours(1), null, null, Set.of(), List.of(), List.of(), List.of(),
                List.of(personId));
    }

    private static String uid(long eventId) {
        return "event-" + eventId + "@hongxin";
    }

    private static String value(VEvent v, String name) {
        return v.getProperty(name).map(Property::getValue).orElse(null);
    }

    private String page(String user, String url) throws Exception {
        return mvc.perform(get(url).with(accounts.as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
