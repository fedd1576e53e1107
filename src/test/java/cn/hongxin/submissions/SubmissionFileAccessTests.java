package cn.hongxin.submissions;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.hongxin.files.FilePurpose;
import cn.hongxin.files.FileStore;
import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Poster photos and essay files are read by the submitter and reviewers in scope; anybody else gets 404. */
@IntegrationTest
class SubmissionFileAccessTests {

    @Autowired
    SubmissionService service;
    @Autowired
    SubmissionFixtures fixtures;
    @Autowired
    TestOrganisation org;
    @Autowired
    TestAccounts accounts;
    @Autowired
    FileStore files;
    @Autowired
    MockMvc mvc;

    @Test
    void posterPhotosAndEssayFilesFollowTheSubmission() throws Exception {
        var dept = org.department();
        var other = org.department();
        String member = fixtures.student(dept, "陈静");
        String classmate = fixtures.student(dept, "周敏");
        String reviewer = accounts.create("sec", EnumSet.of(Role.BRANCH_SECRETARY), dept.studentsBranch().id());
        String committee = fixtures.linked(dept, "吴委员", EnumSet.of(Role.COMMITTEE_MEMBER), dept.generalBranch().id());
        String outside = accounts.create("sec", EnumSet.of(Role.BRANCH_SECRETARY), other.studentsBranch().id());
        String teachers = accounts.create("sec", EnumSet.of(Role.BRANCH_SECRETARY), dept.teachersBranch().id());

        long poster = accounts.runAs(member, () -> files.store("手抄报.png",
                new ByteArrayInputStream(SubmissionFixtures.png()), FilePurpose.PHOTO).id());
        accounts.runAs(member, () -> service.submit(NewSubmission.poster(rid(), "建党百年", poster, "JULY_FIRST",
                LocalDate.now())));
        long essay = accounts.runAs(member, () -> files.store("征文.pdf",
                new ByteArrayInputStream("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII)), FilePurpose.DOCUMENT).id());
        accounts.runAs(member, () -> service.submit(NewSubmission.essay(rid(), "我心中的红色记忆", null, essay,
                LocalDate.now())));

        for (long file : List.of(poster, essay)) {
            for (String user : List.of(member, reviewer, committee)) {
                mvc.perform(get("/files/" + file).with(accounts.as(user))).andExpect(status().isOk());
            }
            for (String user : List.of(classmate, outside, teachers)) {
                mvc.perform(get("/files/" + file).with(accounts.as(user))).andExpect(status().isNotFound());
            }
        }
        mvc.perform(get("/files/" + poster + "/thumbnail").with(accounts.as(reviewer))).andExpect(status().isOk());
        mvc.perform(get("/files/" + poster + "/thumbnail").with(accounts.as(classmate))).andExpect(status().isNotFound());
    }

    private static String rid() {
        return UUID.randomUUID().toString();
    }
}
