package cn.hongxin.events;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.hongxin.files.FileStore;
import cn.hongxin.organisation.PersonService;
import cn.hongxin.security.AccountService;
import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Photos and attachments of events: upload (content-checked), thumbnails, who may download, delete, cover. */
@IntegrationTest
class EventFilesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    EventService events;
    @Autowired
    EventTypeService types;
    @Autowired
    EventAttachmentService attachments;
    @Autowired
    FileStore files;
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
    @Value("${hongxin.data-dir}")
    String dataDir;

    EventFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new EventFixtures(org, accounts, accountService, people, events, types);
    }

    @Test
    void anOrganiserUploadsPhotosThatAreThumbnailedAndShownAsAGallery() throws Exception {
        EventFixtures.Branches b = fixtures.branches();
        long event = fixtures.schedule(b, "THEMED_PARTY_DAY");

        MvcResult result = mvc.perform(multipart("/events/" + event + "/files").file(photo("合影.png", 1200, 800))
                        .file(photo("现场.png", 300, 200)).param("kind", "PHOTO")
                        .with(accounts.as(b.studentsSecretary())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/events/" + event + "#event-files");
        assertThat(result.getFlashMap().get("flashSuccess")).isEqualTo("已上传 2 个文件。");

        List<EventAttachmentView> list = accounts.runAs(b.aliceAccount(), () -> attachments.list(event));
        assertThat(list).extracting(EventAttachmentView::fileName).containsExactly("合影.png", "现场.png");
        assertThat(list).allMatch(a -> a.kind() == EventAttachmentKind.PHOTO && a.thumbnail());
        EventAttachmentView first = list.get(0);

        MockHttpServletResponse thumb = mvc.perform(get(first.previewUrl()).with(accounts.as(b.aliceAccount())))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(thumb.getContentType()).isEqualTo("image/jpeg");
        BufferedImage small = ImageIO.read(new java.io.ByteArrayInputStream(thumb.getContentAsByteArray()));
        assertThat(Math.max(small.getWidth(), small.getHeight())).isEqualTo(400);

        // The cover goes with the summary at the top of the section.
        accounts.runAs(b.studentsSecretary(), () -> events.writeMinutes(event, "记录", "同志们重温入党誓词，参观了校史馆。"));
        mvc.perform(post("/events/" + event + "/files/" + first.id() + "/cover")
                .with(accounts.as(b.studentsSecretary())).with(csrf())).andExpect(status().is3xxRedirection());
        String page = page(b.aliceAccount(), "/events/" + event);
        assertThat(page).contains("id=\"event-gallery\"").contains("id=\"event-cover\"")
                .contains("src=\"/files/" + first.fileId() + "\"")
                .contains("/files/" + list.get(1).fileId() + "/thumbnail")
                .contains("同志们重温入党誓词").contains("活动照片（2）")
                // A member sees the gallery without the organiser's buttons.
                .doesNotContain("id=\"photo-upload\"").doesNotContain("/files/" + first.id() + "/delete");
        assertThat(page(b.studentsSecretary(), "/events/" + event)).contains("id=\"photo-upload\"")
                .contains("取消封面");

        assertThat(jdbc.sql("select count(*) from audit_entry where object_type = 'event_attachment' and object_id like ?")
                .param(event + "/%").query(Long.class).single()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aTextFileNamedJpgIsRefusedAndNothingIsStored() throws Exception {
        EventFixtures.Branches b = fixtures.branches();
        long event = fixtures.schedule(b, "THEMED_PARTY_DAY");
        long filesBefore = count("stored_file");

        MvcResult result = mvc.perform(multipart("/events/" + event + "/files")
                        .file(new MockMultipartFile("file", "合影.jpg", "image/jpeg",
                                "这其实是一个文本文件".getBytes(StandardCharsets.UTF_8)))
                        .param("kind", "PHOTO").with(accounts.as(b.studentsSecretary())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat((String) result.getFlashMap().get("formError")).contains("合影.jpg").contains("不支持这种文件类型");
        assertThat(result.getFlashMap().get("flashSuccess")).isNull();
        assertThat(count("stored_file")).isEqualTo(filesBefore);
        assertThat(accounts.runAs(b.studentsSecretary(), () -> attachments.list(event))).isEmpty();

        // A PDF is no photo either, but it is a fine attachment.
        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        result = mvc.perform(multipart("/events/" + event + "/files")
                        .file(new MockMultipartFile("file", "会议材料.pdf", "application/pdf", pdf))
                        .param("kind", "PHOTO").with(accounts.as(b.studentsSecretary())).with(csrf()))
                .andReturn();
        assertThat((String) result.getFlashMap().get("formError")).contains("会议材料.pdf");
        mvc.perform(multipart("/events/" + event + "/files")
                        .file(new MockMultipartFile("file", "会议材料.pdf", "application/pdf", pdf))
                        .param("kind", "DOCUMENT").with(accounts.as(b.studentsSecretary())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.runAs(b.studentsSecretary(), () -> attachments.list(event)))
                .extracting(EventAttachmentView::kind, EventAttachmentView::contentType)
                .containsExactly(tuple(EventAttachmentKind.DOCUMENT, "application/pdf"));
        assertThat(page(b.aliceAccount(), "/events/" + event)).contains("会议材料.pdf").contains("附件材料（1）");
    }

    @Test
    void membersCannotUploadAndCancelledEventsTakeNoFiles() throws Exception {
        EventFixtures.Branches b = fixtures.branches();
        long event = fixtures.schedule(b, "THEMED_PARTY_DAY");
        long filesBefore = count("stored_file");
        // An invited member sees the event but may not add to it; the other branch's secretary does not see it.
        mvc.perform(multipart("/events/" + event + "/files").file(photo("a.png", 10, 10)).param("kind", "PHOTO")
                .with(accounts.as(b.aliceAccount())).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(multipart("/events/" + event + "/files").file(photo("a.png", 10, 10)).param("kind", "PHOTO")
                .with(accounts.as(b.teachersSecretary())).with(csrf())).andExpect(status().isNotFound());
        assertThat(count("stored_file")).isEqualTo(filesBefore);

        accounts.runAs(b.studentsSecretary(), () -> events.cancel(event));
        MvcResult result = mvc.perform(multipart("/events/" + event + "/files").file(photo("a.png", 10, 10))
                        .param("kind", "PHOTO").with(accounts.as(b.studentsSecretary())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat((String) result.getFlashMap().get("formError")).contains("已取消");
        assertThat(count("stored_file")).isEqualTo(filesBefore);

        // Nothing chosen: a clear message, nothing stored.
        long other = fixtures.schedule(b, "THEMED_PARTY_DAY");
        result = mvc.perform(multipart("/events/" + other + "/files").param("kind", "PHOTO")
                .with(accounts.as(b.studentsSecretary())).with(csrf())).andReturn();
        assertThat(result.getFlashMap().get("formError")).isEqualTo("请先选择要上传的文件。");
    }

    @Test
    void eventFilesAreReadableByThoseWhoSeeTheEventAndNobodyElse() throws Exception {
        EventFixtures.Branches b = fixtures.branches();
        long event = fixtures.schedule(b, "THEMED_PARTY_DAY");
        EventAttachmentView photo = upload(b, event, "合影.png");
        String stranger = fixtures.memberAccount(fixtures.person(org.department(), "陌生人", 
                cn.hongxin.organisation.PoliticalStatus.FULL_MEMBER, false));
        String deptAdmin = accounts.create("dept-sec", EnumSet.of(Role.GENERAL_SECRETARY), b.dept().generalBranch().id());
        String otherDeptAdmin = accounts.create("dept-sec", EnumSet.of(Role.GENERAL_SECRETARY),
                org.department().generalBranch().id());

        for (String url : List.of(photo.url(), photo.url() + "/thumbnail")) {
            // the uploader, an invitee, an organiser above in scope
            for (String user : List.of(b.studentsSecretary(), b.aliceAccount(), b.bobAccount(), deptAdmin)) {
                mvc.perform(get(url).with(accounts.as(user))).andExpect(status().isOk());
            }
            // a member elsewhere, the other branch's secretary, a secretary of another department: as if absent
            for (String user : List.of(stranger, b.teachersSecretary(), otherDeptAdmin)) {
                mvc.perform(get(url).with(accounts.as(user))).andExpect(status().isNotFound());
            }
        }
        // The answer for somebody else's file is the same as for a file that does not exist.
        String absent = mvc.perform(get("/files/987654321").with(accounts.as(stranger))).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String hidden = mvc.perform(get(photo.url()).with(accounts.as(stranger)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(hidden).isEqualTo(absent);
    }

    @Test
    void lectureMaterialsFollowTheirLecture() throws Exception {
        EventFixtures.Branches b = fixtures.branches();
        long event = fixtures.schedule(b, "PARTY_LECTURE");
        long fileId = accounts.runAs(b.studentsSecretary(), () -> files.store("讲稿.pdf",
                new java.io.ByteArrayInputStream("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII)),
                cn.hongxin.files.FilePurpose.DOCUMENT).id());
        String stranger = fixtures.memberAccount(fixtures.person(org.department(), "旁人",
                cn.hongxin.organisation.PoliticalStatus.FULL_MEMBER, false));
        // Before it is attached anywhere only its uploader may read it.
        mvc.perform(get("/files/" + fileId).with(accounts.as(b.aliceAccount()))).andExpect(status().isNotFound());
        jdbc.sql("insert into lecture_material (event_id, file_id, file_name, created_at, created_by)"
                        + " values (?, ?, '讲稿.pdf', current_timestamp, 'test')").params(event, fileId).update();
        mvc.perform(get("/files/" + fileId).with(accounts.as(b.aliceAccount()))).andExpect(status().isOk());
        mvc.perform(get("/files/" + fileId).with(accounts.as(stranger))).andExpect(status().isNotFound());
    }

    @Test
    void deletingRemovesTheRowTheFileAndItsBytes() throws Exception {
        EventFixtures.Branches b = fixtures.branches();
        long event = fixtures.schedule(b, "THEMED_PARTY_DAY");
        EventAttachmentView photo = upload(b, event, "删掉.png");
        EventAttachmentView kept = upload(b, event, "留着.png");
        String key = jdbc.sql("select storage_key from stored_file where id = ?").param(photo.fileId())
                .query(String.class).single();
        Path bytes = Path.of(dataDir, "files").toAbsolutePath().resolve(key);
        assertThat(bytes).exists();
        assertThat(bytes.resolveSibling(bytes.getFileName() + ".thumb.jpg")).exists();

        // Only organisers may delete; for a member the attachment is not there to delete.
        mvc.perform(post("/events/" + event + "/files/" + photo.id() + "/delete")
                .with(accounts.as(b.aliceAccount())).with(csrf())).andExpect(status().isNotFound());
        // An attachment id of another event is not found under this one.
        long other = fixtures.schedule(b, "THEMED_PARTY_DAY");
        mvc.perform(post("/events/" + other + "/files/" + photo.id() + "/delete")
                .with(accounts.as(b.studentsSecretary())).with(csrf())).andExpect(status().isNotFound());

        mvc.perform(post("/events/" + event + "/files/" + photo.id() + "/delete")
                .with(accounts.as(b.studentsSecretary())).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(accounts.runAs(b.aliceAccount(), () -> attachments.list(event)))
                .extracting(EventAttachmentView::id).containsExactly(kept.id());
        assertThat(files.find(photo.fileId())).isEmpty();
        assertThat(Files.exists(bytes)).isFalse();
        assertThat(Files.exists(bytes.resolveSibling(bytes.getFileName() + ".thumb.jpg"))).isFalse();
        mvc.perform(get(photo.url()).with(accounts.as(b.studentsSecretary()))).andExpect(status().isNotFound());
        mvc.perform(get(kept.url()).with(accounts.as(b.aliceAccount()))).andExpect(status().isOk());
        // Deleting again: not found, nothing else changes.
        mvc.perform(post("/events/" + event + "/files/" + photo.id() + "/delete")
                .with(accounts.as(b.studentsSecretary())).with(csrf())).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from audit_entry where object_type = 'event_attachment' and action = 'DELETE'"
                + " and object_id = ?").param(event + "/" + photo.fileId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void onlyAPhotoCanBeTheCoverAndThereIsOneCover() throws Exception {
        EventFixtures.Branches b = fixtures.branches();
        long event = fixtures.schedule(b, "THEMED_PARTY_DAY");
        EventAttachmentView one = upload(b, event, "一.png");
        EventAttachmentView two = upload(b, event, "二.png");
        long pdf = accounts.runAs(b.studentsSecretary(), () -> attachments.upload(event, EventAttachmentKind.DOCUMENT,
                "a.pdf", new java.io.ByteArrayInputStream("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII)))).id();
        accounts.runAs(b.studentsSecretary(), () -> attachments.toggleCover(event, one.id()));
        accounts.runAs(b.studentsSecretary(), () -> attachments.toggleCover(event, two.id()));
        assertThat(accounts.runAs(b.aliceAccount(), () -> attachments.list(event)))
                .filteredOn(EventAttachmentView::cover).extracting(EventAttachmentView::id).containsExactly(two.id());
        MvcResult result = mvc.perform(post("/events/" + event + "/files/" + pdf + "/cover")
                .with(accounts.as(b.studentsSecretary())).with(csrf())).andReturn();
        assertThat(result.getFlashMap().get("formError")).isEqualTo("只有照片才能设为封面。");
        accounts.runAs(b.studentsSecretary(), () -> attachments.toggleCover(event, two.id()));
        assertThat(accounts.runAs(b.aliceAccount(), () -> attachments.list(event))).noneMatch(EventAttachmentView::cover);
    }

    private EventAttachmentView upload(EventFixtures.Branches b, long event, String name) throws IOException {
        byte[] content = png(640, 480);
        return accounts.runAs(b.studentsSecretary(), () -> attachments.upload(event, EventAttachmentKind.PHOTO, name,
                new java.io.ByteArrayInputStream(content)));
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private String page(String user, String url) throws Exception {
        return mvc.perform(get(url).with(accounts.as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    static MockMultipartFile photo(String name, int width, int height) throws IOException {
        return new MockMultipartFile("file", name, "image/png", png(width, height));
    }

    static byte[] png(int width, int height) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0xC8, 0x10, 0x2E));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0xFF, 0xD7, 0x00));
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
