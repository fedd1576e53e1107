package cn.hongxin.submissions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.ApiCalls;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static cn.hongxin.support.ApiCalls.basic;
import static cn.hongxin.support.ApiCalls.readLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** /api/v1/submissions: a member's own submissions, idempotent creation, the review queue and verdicts. */
@IntegrationTest
class SubmissionsApiTests {

    static final String NOTE = SubmissionServiceTests.NOTE;

    @Autowired
    MockMvc mvc;
    @Autowired
    SubmissionFixtures fixtures;
    @Autowired
    TestOrganisation org;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    ApiCalls api;

    @BeforeEach
    void setUp() {
        org.admin();
        api = new ApiCalls(mvc);
    }

    @Test
    void aMemberSubmitsAndAReviewerInScopeVerifiesOverTheApi() throws Exception {
        var dept = org.department();
        String member = fixtures.student(dept, "李红");
        String reviewer = accounts.create("sec", EnumSet.of(Role.BRANCH_SECRETARY), dept.studentsBranch().id());

        MvcResult created = mvc.perform(post("/api/v1/submissions/mine").with(basic(member))
                        .contentType(MediaType.APPLICATION_JSON).content(noteJson(rid())))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/submissions/mine/")))
                .andExpect(jsonPath("$.kind").value("READING_NOTE"))
                .andExpect(jsonPath("$.bookTitle").value("红岩"))
                .andExpect(jsonPath("$.personName").value("李红"))
                .andExpect(jsonPath("$.state").value("SUBMITTED")).andReturn();
        long id = readLong(created, "$.id");
        mvc.perform(get("/api/v1/submissions/mine").with(basic(member)))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].id").value(id));

        mvc.perform(get("/api/v1/submissions").with(api.bearer(reviewer))
                        .param("kind", "READING_NOTE").param("unitId", String.valueOf(dept.clazz().id())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].id").value(id));
        mvc.perform(get("/api/v1/submissions/{id}", id).with(api.bearer(reviewer)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.body").value(NOTE));
        mvc.perform(post("/api/v1/submissions/{id}/verify", id).with(api.bearer(reviewer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("VERIFIED"))
                .andExpect(jsonPath("$.reviewerAccount").value(reviewer));
        assertThat(stateOf(id)).isEqualTo("VERIFIED");
        // The pending queue no longer holds it; state=ALL and state=VERIFIED do.
        mvc.perform(get("/api/v1/submissions").with(api.bearer(reviewer)).param("unitId", String.valueOf(dept.clazz().id())))
                .andExpect(jsonPath("$.totalElements").value(0));
        mvc.perform(get("/api/v1/submissions").with(api.bearer(reviewer)).param("state", "ALL")
                        .param("unitId", String.valueOf(dept.clazz().id())))
                .andExpect(jsonPath("$.content[*].id", hasItem((int) id)));
        mvc.perform(get("/api/v1/submissions").with(api.bearer(reviewer)).param("state", "DONE"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("state"));
        // The member sees the verdict, and can no longer withdraw it.
        mvc.perform(get("/api/v1/submissions/mine/{id}", id).with(basic(member)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("VERIFIED"));
        mvc.perform(delete("/api/v1/submissions/mine/{id}", id).with(basic(member)).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("submission.retract.reviewed"))
                .andExpect(jsonPath("$.detail").value(startsWith("This submission has been reviewed")));
        assertThat(stateOf(id)).isEqualTo("VERIFIED");
    }

    @Test
    void rejectingNeedsAReasonAndNobodyReviewsOutsideScopeOrTheirOwn() throws Exception {
        var dept = org.department();
        var other = org.department();
        String member = fixtures.student(dept, "王强");
        String reviewer = accounts.create("sec", EnumSet.of(Role.BRANCH_SECRETARY), dept.studentsBranch().id());
        String outside = accounts.create("sec", EnumSet.of(Role.BRANCH_SECRETARY), other.studentsBranch().id());
        long id = readLong(mvc.perform(post("/api/v1/submissions/mine").with(basic(member))
                .contentType(MediaType.APPLICATION_JSON).content(poemJson(rid()))).andExpect(status().isCreated())
                .andReturn(), "$.id");

        mvc.perform(post("/api/v1/submissions/{id}/reject", id).with(api.bearer(reviewer))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"  \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"))
                .andExpect(jsonPath("$.errors[0].message").value("请填写退回原因"));
        assertThat(stateOf(id)).isEqualTo("SUBMITTED");

        mvc.perform(get("/api/v1/submissions/{id}", id).with(api.bearer(outside))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/submissions/{id}/verify", id).with(api.bearer(outside)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/v1/submissions").with(api.bearer(outside)).param("state", "ALL"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.content[*].id", not(hasItem((int) id))));
        mvc.perform(get("/api/v1/submissions").with(basic(member))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/submissions/{id}/verify", id).with(basic(member)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(stateOf(id)).isEqualTo("SUBMITTED");

        mvc.perform(post("/api/v1/submissions/{id}/reject", id).with(api.bearer(reviewer))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"请补充朗诵时间和地点\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("REJECTED"))
                .andExpect(jsonPath("$.rejectReason").value("请补充朗诵时间和地点"));
        mvc.perform(get("/api/v1/submissions/mine").with(basic(member)))
                .andExpect(jsonPath("$[0].rejectReason").value("请补充朗诵时间和地点"));

        // A reviewer who is also a member never reviews their own submission.
        String secretary = fixtures.linked(dept, "赵书记", EnumSet.of(Role.BRANCH_SECRETARY), dept.studentsBranch().id());
        long own = readLong(mvc.perform(post("/api/v1/submissions/mine").with(basic(secretary))
                .contentType(MediaType.APPLICATION_JSON).content(noteJson(rid()))).andExpect(status().isCreated())
                .andReturn(), "$.id");
        mvc.perform(post("/api/v1/submissions/{id}/verify", own).with(api.bearer(secretary)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("submission.review.own"));
        assertThat(stateOf(own)).isEqualTo("SUBMITTED");
    }

    @Test
    void theSameClientRequestIdReturnsTheSameSubmissionAndRecordsOnce() throws Exception {
        var dept = org.department();
        String member = fixtures.student(dept, "李红");
        String requestId = rid();
        MvcResult first = mvc.perform(post("/api/v1/submissions/mine").with(basic(member))
                        .header("Idempotency-Key", requestId)
                        .contentType(MediaType.APPLICATION_JSON).content(noteJson(null)))
                .andExpect(status().isCreated()).andReturn();
        long id = readLong(first, "$.id");
        long personId = readLong(first, "$.personId");
        // The same id again, in the header or in the body: 200 with the same submission.
        mvc.perform(post("/api/v1/submissions/mine").with(basic(member)).header("Idempotency-Key", requestId)
                        .contentType(MediaType.APPLICATION_JSON).content(noteJson(null)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(id));
        mvc.perform(post("/api/v1/submissions/mine").with(basic(member))
                        .contentType(MediaType.APPLICATION_JSON).content(noteJson(requestId)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(id));
        assertThat(rowsOf(personId)).isEqualTo(1);

        // Racing repeats of a new id: one row, one id for all.
        String racing = rid();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<MvcResult>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                Callable<MvcResult> call = () -> {
                    go.await(10, TimeUnit.SECONDS);
                    return mvc.perform(post("/api/v1/submissions/mine").with(basic(member))
                            .header("Idempotency-Key", racing)
                            .contentType(MediaType.APPLICATION_JSON).content(poemJson(null))).andReturn();
                };
                answers.add(pool.submit(call));
            }
            go.countDown();
            Set<Long> ids = new HashSet<>();
            for (Future<MvcResult> f : answers) {
                MvcResult r = f.get(60, TimeUnit.SECONDS);
                assertThat(r.getResponse().getStatus()).isIn(200, 201);
                ids.add(readLong(r, "$.id"));
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(rowsOf(personId)).isEqualTo(2);
    }

    @Test
    void badInputAnswersFieldProblemsAndRecordsNothing() throws Exception {
        var dept = org.department();
        String member = fixtures.student(dept, "李红");
        long personId = jdbc.sql("select person_id from account where username = ?").param(member)
                .query(Long.class).single();
        // No client request id at all.
        mvc.perform(post("/api/v1/submissions/mine").with(basic(member)).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content(noteJson(null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("clientRequestId"))
                .andExpect(jsonPath("$.errors[0].message").value(startsWith("Send a client request id")));
        // Header and body disagree.
        mvc.perform(post("/api/v1/submissions/mine").with(basic(member)).header("Idempotency-Key", rid())
                        .contentType(MediaType.APPLICATION_JSON).content(noteJson(rid())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("clientRequestId"));
        // A note too short, without its author, dated in the future: every problem at once, in Chinese.
        String future = LocalDate.now().plusDays(3).toString();
        mvc.perform(post("/api/v1/submissions/mine").with(basic(member)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"clientRequestId\":\"" + rid() + "\",\"kind\":\"READING_NOTE\",\"bookTitle\":\"红岩\","
                                + "\"body\":\"很好\",\"activityDate\":\"" + future + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("bookAuthor")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("body")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("activityDate")));
        // Volunteer hours beyond a day; an unknown kind; a malformed date.
        mvc.perform(post("/api/v1/submissions/mine").with(basic(member)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"clientRequestId\":\"" + rid() + "\",\"kind\":\"VOLUNTEER_HOURS\",\"hours\":25,"
                                + "\"body\":\"社区服务\",\"activityDate\":\"" + LocalDate.now().minusDays(1) + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("hours"));
        mvc.perform(post("/api/v1/submissions/mine").with(basic(member)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"clientRequestId\":\"" + rid() + "\",\"kind\":\"SPEECH\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"));
        mvc.perform(post("/api/v1/submissions/mine").with(basic(member)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"clientRequestId\":\"" + rid() + "\",\"kind\":\"POEM\",\"title\":\"x\","
                                + "\"activityDate\":\"昨天\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("activityDate"));
        assertThat(rowsOf(personId)).isZero();

        // An account without a linked person cannot submit.
        String unlinked = accounts.create("cm", EnumSet.of(Role.COMMITTEE_MEMBER), dept.studentsBranch().id());
        mvc.perform(post("/api/v1/submissions/mine").with(api.bearer(unlinked)).contentType(MediaType.APPLICATION_JSON)
                        .content(noteJson(rid())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("submission.noPerson"));
    }

    @Test
    void aMemberWithdrawsAPendingSubmissionButNotSomeoneElses() throws Exception {
        var dept = org.department();
        String member = fixtures.student(dept, "李红");
        String neighbour = fixtures.student(dept, "王强");
        MvcResult created = mvc.perform(post("/api/v1/submissions/mine").with(basic(member))
                .contentType(MediaType.APPLICATION_JSON).content(noteJson(rid()))).andExpect(status().isCreated())
                .andReturn();
        long id = readLong(created, "$.id");
        long personId = readLong(created, "$.personId");
        mvc.perform(delete("/api/v1/submissions/mine/{id}", id).with(basic(neighbour)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/submissions/mine/{id}", id).with(basic(neighbour)))
                .andExpect(status().isNotFound());
        assertThat(rowsOf(personId)).isEqualTo(1);
        mvc.perform(delete("/api/v1/submissions/mine/{id}", id).with(basic(member)))
                .andExpect(status().isNoContent());
        assertThat(rowsOf(personId)).isZero();
        mvc.perform(delete("/api/v1/submissions/mine/{id}", id).with(basic(member)))
                .andExpect(status().isNotFound());
    }

    private static String rid() {
        return UUID.randomUUID().toString();
    }

    private static String noteJson(String requestId) {
        return """
                {%s"kind":"READING_NOTE","bookTitle":"红岩","bookAuthor":"罗广斌、杨益言","body":"%s","activityDate":"%s"}
                """.formatted(requestId == null ? "" : "\"clientRequestId\":\"" + requestId + "\",", NOTE,
                LocalDate.now().minusDays(1));
    }

    private static String poemJson(String requestId) {
        return """
                {%s"kind":"POEM","title":"我爱这土地","activityDate":"%s"}
                """.formatted(requestId == null ? "" : "\"clientRequestId\":\"" + requestId + "\",",
                LocalDate.now().minusDays(2));
    }

    private String stateOf(long id) {
        return jdbc.sql("select state from submission where id = ?").param(id).query(String.class).single();
    }

    private long rowsOf(long personId) {
        return jdbc.sql("select count(*) from submission where person_id = ?").param(personId).query(Long.class).single();
    }
}
