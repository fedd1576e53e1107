package cn.hongxin.submissions;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class SubmissionPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    SubmissionFixtures fixtures;
    @Autowired
    TestOrganisation org;
    @Autowired
    TestAccounts accounts;
    @Autowired
    SubmissionService service;

    @Test
    void aMemberSubmitsAReadingNoteOnceEvenWhenThePostIsRetried() throws Exception {
        var dept = org.department();
        String member = fixtures.student(dept, "陈静");
        mvc.perform(get("/me/submissions").with(accounts.as(member)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("读书笔记")));
        mvc.perform(get("/me/submissions/new").param("kind", "READING_NOTE").with(accounts.as(member)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("name=\"clientRequestId\"")));

        String rid = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/me/submissions").with(accounts.as(member)).with(csrf())
                            .param("clientRequestId", rid).param("kind", "READING_NOTE")
                            .param("bookTitle", "红星照耀中国").param("bookAuthor", "埃德加·斯诺")
                            .param("body", SubmissionServiceTests.NOTE)
                            .param("activityDate", LocalDate.now().toString()))
                    .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/me/submissions"));
        }
        assertThat(accounts.runAs(member, () -> service.mine())).hasSize(1);
        mvc.perform(get("/me/submissions").with(accounts.as(member)))
                .andExpect(content().string(containsString("红星照耀中国")))
                .andExpect(content().string(containsString("待审核")));
    }

    @Test
    void aRefusedFormComesBackWithItsFieldErrorsAndTheSameRequestId() throws Exception {
        var dept = org.department();
        String member = fixtures.student(dept, "林涛");
        String rid = UUID.randomUUID().toString();
        mvc.perform(post("/me/submissions").with(accounts.as(member)).with(csrf())
                        .param("clientRequestId", rid).param("kind", "VOLUNTEER_HOURS").param("hours", "30")
                        .param("body", "社区服务").param("activityDate", LocalDate.now().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("服务时长须大于 0 且不超过 24 小时")))
                .andExpect(content().string(containsString(rid)));
    }

    @Test
    void aPosterPhotoIsUploadedThroughTheFileStore() throws Exception {
        var dept = org.department();
        String member = fixtures.student(dept, "黄蕾");
        mvc.perform(multipart("/me/submissions")
                        .file(new MockMultipartFile("file", "poster.png", "image/png", SubmissionFixtures.png()))
                        .with(accounts.as(member)).with(csrf())
                        .param("clientRequestId", UUID.randomUUID().toString()).param("kind", "POSTER")
                        .param("title", "红心向党").param("windowCode", "JULY_FIRST")
                        .param("activityDate", LocalDate.now().toString()))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.runAs(member, () -> service.mine())).singleElement()
                .satisfies(s -> assertThat(s.fileId()).isNotNull());
    }

    @Test
    void theReviewQueueShowsScopedSubmissionsAndReturnsOneWithAReason() throws Exception {
        var dept = org.department();
        String member = fixtures.student(dept, "刘洋");
        String reviewer = accounts.create("sec", EnumSet.of(Role.BRANCH_SECRETARY), dept.studentsBranch().id());
        String outsider = accounts.create("sec", EnumSet.of(Role.BRANCH_SECRETARY), org.department().studentsBranch().id());
        SubmissionView s = accounts.runAs(member, () -> service.submit(
                NewSubmission.poem(UUID.randomUUID().toString(), "黄河颂", LocalDate.now())));

        mvc.perform(get("/submissions/review").with(accounts.as(reviewer)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("黄河颂")))
                .andExpect(content().string(containsString("共 ")));
        mvc.perform(get("/submissions/review").with(accounts.as(outsider)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("黄河颂"))));
        mvc.perform(get("/submissions/review").with(accounts.as(member))).andExpect(status().isForbidden());

        mvc.perform(post("/submissions/review/{id}/reject", s.id()).param("reason", " ")
                        .with(accounts.as(reviewer)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.runAs(reviewer, () -> service.get(s.id())).state()).isEqualTo(SubmissionState.SUBMITTED);
        mvc.perform(post("/submissions/review/{id}/reject", s.id()).param("reason", "请附朗诵视频")
                        .param("back", "/submissions/review?state=ALL").with(accounts.as(reviewer)).with(csrf()))
                .andExpect(redirectedUrl("/submissions/review?state=ALL"));
        assertThat(accounts.runAs(reviewer, () -> service.get(s.id())).rejectReason()).isEqualTo("请附朗诵视频");
        mvc.perform(post("/submissions/review/{id}/verify", s.id()).param("back", "https://evil.example/")
                        .with(accounts.as(outsider)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/me/submissions").with(accounts.as(member)))
                .andExpect(content().string(containsString("请附朗诵视频")));
    }
}
