package cn.hongxin.evaluation;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.hongxin.brand.EvidenceKind;
import cn.hongxin.events.EventAttachmentKind;
import cn.hongxin.events.EventAttachmentService;
import cn.hongxin.events.EventForm;
import cn.hongxin.events.EventService;
import cn.hongxin.events.EventTypeService;
import cn.hongxin.events.ThreeCombination;
import cn.hongxin.organisation.PoliticalStatus;
import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The semester evaluation report (.docx from the poi-tl template), regenerated from the records. */
@IntegrationTest
class ReportTests {

    @Autowired
    EvaluationFixtures fixtures;
    @Autowired
    TestOrganisation org;
    @Autowired
    TestAccounts accounts;
    @Autowired
    EventService events;
    @Autowired
    EventTypeService types;
    @Autowired
    EventAttachmentService attachments;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    TestOrganisation.Department dept;
    String secretary;

    @BeforeEach
    void semester() throws Exception {
        fixtures.year();
        dept = org.department();
        long member = fixtures.student(dept, "报告甲", PoliticalStatus.FULL_MEMBER);
        fixtures.student(dept, "报告乙", PoliticalStatus.FULL_MEMBER);
        fixtures.personFact(member, EvidenceKind.ATTENDED, "BRANCH_GENERAL_MEETING", LocalDate.of(2094, 3, 10), "1");
        secretary = accounts.create("gsec", EnumSet.of(Role.GENERAL_SECRETARY), dept.generalBranch().id());
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().setColor(Color.RED);
        image.getGraphics().fillRect(0, 0, 64, 48);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        accounts.runAs(secretary, () -> {
            LocalDateTime at = LocalDateTime.of(2094, 4, 9, 14, 0);
            long id = events.schedule(new EventForm(types.byCode("RED_SONG_CONTEST").orElseThrow().id(),
                    dept.studentsBranch().id(), "红歌唱响新时代", null, null, null, at, at.plusHours(2), "礼堂", "比赛",
                    Set.of(ThreeCombination.PARTY_AND_CAMPUS), List.of(dept.studentsBranch().id()), List.of(),
                    List.of(), List.of()));
            events.start(id);
            events.close(id);
            attachments.upload(id, EventAttachmentKind.PHOTO, "photo.png", new ByteArrayInputStream(png.toByteArray()));
        });
    }

    @Test
    void theReportHoldsTheProgrammeIndicatorsAndHighlightsWithPhotosAndIsAudited() throws Exception {
        long before = audits();
        byte[] file = mvc.perform(get("/evaluation/reports/semester-report")
                        .param("unit", String.valueOf(dept.generalBranch().id())).param("on", "2094-06-30")
                        .with(accounts.as(secretary)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", ReportController.DOCX.toString()))
                .andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(file))) {
            String text = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertThat(text).contains("红心向党，倾情医教", "品牌建设成效评估报告", dept.generalBranch().name(),
                    "2093-2094学年第二学期", "红歌唱响新时代（2094-04-09，" + dept.studentsBranch().name() + "）");
            assertThat(text).doesNotContain("{{", "}}");
            assertThat(doc.getAllPictures()).hasSize(1);
            List<XWPFTable> tables = doc.getTables();
            assertThat(tables).hasSize(2);
            assertThat(tables.get(0).getRow(0).getCell(0).getText()).isEqualTo("措施");
            assertThat(tables.get(0).getRows().size()).as("a row per measure of the programme").isGreaterThan(1);
            XWPFTable indicators = tables.get(1);
            String participation = indicators.getRows().stream()
                    .filter(r -> r.getCell(0).getText().equals("党员参加组织生活的比例"))
                    .map(r -> r.getCell(2).getText() + "|" + r.getCell(3).getText() + "|" + r.getCell(5).getText())
                    .findFirst().orElseThrow();
            assertThat(participation).isEqualTo("50%|0%（2093-2094学年第一学期）|比基线上升");
        }
        assertThat(audits()).isEqualTo(before + 1);
        String committee = accounts.create("cm", EnumSet.of(Role.COMMITTEE_MEMBER), dept.generalBranch().id());
        mvc.perform(get("/evaluation/reports/semester-report").with(accounts.as(committee)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/evaluation/reports").param("on", "2094-06-30").with(accounts.as(secretary)))
                .andExpect(status().isOk());
    }

    long audits() {
        return jdbc.sql("select count(*) from audit_entry where object_type = 'evaluation_report'")
                .query(Long.class).single();
    }
}
