package cn.hongxin.files;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import cn.hongxin.security.Role;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.shared.UserFacingException;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class FileStoreTests {

    @Autowired
    FileStore store;
    @Autowired
    LocalDiskFileStore localStore;
    @Autowired
    TestAccounts accounts;
    @Autowired
    TestOrganisation org;
    @Autowired
    MockMvc mvc;
    @Value("${hongxin.data-dir}")
    String dataDir;

    String member() {
        org.admin();
        return accounts.create("files", EnumSet.of(Role.MEMBER), null);
    }

    StoredFile storeAs(String username, String name, byte[] content, FilePurpose purpose) {
        return accounts.runAs(username, () -> store.store(name, new ByteArrayInputStream(content), purpose));
    }

    @Test
    void aRealPngIsStoredUnderTheDataDirHashedAndThumbnailed() throws Exception {
        String me = member();
        byte[] png = image("png", 1200, 600);
        StoredFile f = storeAs(me, "党日活动.png", png, FilePurpose.PHOTO);

        assertThat(f.contentType()).isEqualTo("image/png");
        assertThat(f.image()).isTrue();
        assertThat(f.hasThumbnail()).isTrue();
        assertThat(f.size()).isEqualTo(png.length);
        assertThat(f.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png)));
        assertThat(f.originalName()).isEqualTo("党日活动.png");
        assertThat(f.ownerAccountId()).isNotNull();
        assertThat(store.find(f.id())).contains(f);

        try (InputStream in = store.open(f.id())) {
            assertThat(in.readAllBytes()).isEqualTo(png);
        }
        BufferedImage thumbnail;
        try (InputStream in = store.openThumbnail(f.id()).orElseThrow()) {
            thumbnail = ImageIO.read(in);
        }
        assertThat(thumbnail.getWidth()).isEqualTo(400);
        assertThat(thumbnail.getHeight()).isEqualTo(200);

        Path filesDir = Path.of(dataDir, "files").toAbsolutePath().normalize();
        assertThat(localStore.root()).isEqualTo(filesDir);
        try (var walk = Files.walk(filesDir)) {
            assertThat(walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches("[0-9a-f-]{36}"))
                    .anyMatch(p -> bytesOf(p).length == png.length && java.util.Arrays.equals(bytesOf(p), png)))
                    .isTrue();
        }
    }

    @Test
    void aJpegIsDetectedByContentWhateverItsName() throws Exception {
        StoredFile f = storeAs(member(), "photo.PNG", image("jpg", 300, 500), FilePurpose.PHOTO);
        assertThat(f.contentType()).isEqualTo("image/jpeg");
        assertThat(f.hasThumbnail()).isTrue();
        try (InputStream in = store.openThumbnail(f.id()).orElseThrow()) {
            BufferedImage t = ImageIO.read(in);
            assertThat(t.getHeight()).isEqualTo(400);
            assertThat(t.getWidth()).isEqualTo(240);
        }
    }

    @Test
    void aTextFileRenamedPngIsRefused() {
        String me = member();
        assertThatThrownBy(() -> storeAs(me, "hack.png", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8),
                FilePurpose.PHOTO))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("file.type.notAllowed"));
    }

    @Test
    void documentsAreAcceptedOnlyWhereThePurposeAllowsThem() throws Exception {
        String me = member();
        byte[] docx = zip("[Content_Types].xml", "word/document.xml");
        assertThatThrownBy(() -> storeAs(me, "a.docx", docx, FilePurpose.PHOTO))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("file.type.notAllowed"));
        StoredFile doc = storeAs(me, "心得体会.docx", docx, FilePurpose.DOCUMENT);
        assertThat(doc.contentType()).isEqualTo(ContentTypes.DOCX);
        assertThat(doc.image()).isFalse();
        assertThat(doc.hasThumbnail()).isFalse();
        assertThat(store.openThumbnail(doc.id())).isEmpty();

        assertThat(storeAs(me, "b.xlsx", zip("[Content_Types].xml", "xl/workbook.xml"), FilePurpose.DOCUMENT)
                .contentType()).isEqualTo(ContentTypes.XLSX);
        assertThat(storeAs(me, "c.pptx", zip("[Content_Types].xml", "ppt/presentation.xml"), FilePurpose.DOCUMENT)
                .contentType()).isEqualTo(ContentTypes.PPTX);
        assertThat(storeAs(me, "d.pdf", "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1),
                FilePurpose.DOCUMENT).contentType()).isEqualTo(ContentTypes.PDF);
        assertThatThrownBy(() -> storeAs(me, "e.docx", zip("word/document.xml", "other.txt"), FilePurpose.DOCUMENT))
                .isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> storeAs(me, "f.docx", zip("[Content_Types].xml", "readme.txt"), FilePurpose.DOCUMENT))
                .isInstanceOf(UserFacingException.class);
    }

    @Test
    void webpAndGifAreImagesAndWebpMayHaveNoThumbnail() throws Exception {
        String me = member();
        byte[] webp = new byte[40];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, webp, 0, 4);
        System.arraycopy("WEBPVP8 ".getBytes(StandardCharsets.US_ASCII), 0, webp, 8, 8);
        StoredFile w = storeAs(me, "x.webp", webp, FilePurpose.PHOTO);
        assertThat(w.contentType()).isEqualTo("image/webp");
        assertThat(w.image()).isTrue();
        assertThat(w.hasThumbnail()).isFalse();

        StoredFile g = storeAs(me, "x.gif", image("gif", 50, 40), FilePurpose.PHOTO);
        assertThat(g.contentType()).isEqualTo("image/gif");
        assertThat(g.hasThumbnail()).isTrue();
    }

    @Test
    void emptyAndOversizeFilesAreRefusedAndLeaveNothingBehind() throws Exception {
        String me = member();
        assertThatThrownBy(() -> storeAs(me, "empty.png", new byte[0], FilePurpose.PHOTO))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("file.empty"));

        byte[] png = image("png", 400, 400);
        long before = fileCount();
        assertThatThrownBy(() -> accounts.runAs(me, () -> localStore.store("big.png", new ByteArrayInputStream(png),
                FilePurpose.PHOTO, png.length - 1)))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("file.tooLarge"));
        assertThat(fileCount()).isEqualTo(before);
        // Exactly at the limit is fine.
        assertThat(accounts.runAs(me, () -> localStore.store("ok.png", new ByteArrayInputStream(png),
                FilePurpose.PHOTO, png.length)).size()).isEqualTo(png.length);
    }

    @Test
    void theLimitStopsReadingAnEndlessUpload() {
        String me = member();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 0x89;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 0x89);
                return len;
            }
        };
        assertThatThrownBy(() -> accounts.runAs(me, () -> localStore.store("endless.png", endless,
                FilePurpose.PHOTO, 1024 * 1024)))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("file.tooLarge");
                    assertThat(e.args()).containsExactly(1L);
                });
    }

    @Test
    void namesAreCleanedOfPaths() {
        assertThat(LocalDiskFileStore.cleanName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(LocalDiskFileStore.cleanName("C:\\Users\\张三\\照片.jpg")).isEqualTo("照片.jpg");
        assertThat(LocalDiskFileStore.cleanName(" \u0000 ")).isEqualTo("file");
        assertThat(LocalDiskFileStore.cleanName("a".repeat(300) + ".pdf")).hasSize(255).endsWith(".pdf");
    }

    @Test
    void downloadsSendTheDetectedTypeNosniffAndAUtf8FileName() throws Exception {
        String me = member();
        StoredFile png = storeAs(me, "支部 合影.png", image("png", 100, 100), FilePurpose.PHOTO);
        MockHttpServletResponse r = mvc.perform(get("/files/" + png.id()).with(accounts.as(me)))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(r.getContentType()).isEqualTo("image/png");
        assertThat(r.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.getHeader("Content-Disposition")).startsWith("inline;")
                .contains("filename*=UTF-8''%E6%94%AF%E9%83%A8%20%E5%90%88%E5%BD%B1.png");
        assertThat(r.getContentAsByteArray()).hasSize((int) png.size());

        MockHttpServletResponse t = mvc.perform(get("/files/" + png.id() + "/thumbnail").with(accounts.as(me)))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(t.getContentType()).isEqualTo("image/jpeg");
        assertThat(t.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");

        StoredFile pdf = storeAs(me, "材料.pdf", "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), FilePurpose.DOCUMENT);
        MockHttpServletResponse d = mvc.perform(get("/files/" + pdf.id()).with(accounts.as(me)))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(d.getContentType()).isEqualTo("application/pdf");
        assertThat(d.getHeader("Content-Disposition")).startsWith("attachment;").contains("filename*=UTF-8''");
        mvc.perform(get("/files/" + pdf.id() + "/thumbnail").with(accounts.as(me))).andExpect(status().isNotFound());
    }

    @Test
    void unknownIdsAre404AndAnonymousUsersMustSignIn() throws Exception {
        String me = member();
        mvc.perform(get("/files/987654321").with(accounts.as(me))).andExpect(status().isNotFound());
        mvc.perform(get("/files/987654321/thumbnail").with(accounts.as(me))).andExpect(status().isNotFound());
        mvc.perform(get("/files/abc").with(accounts.as(me))).andExpect(status().isNotFound());
        StoredFile f = storeAs(me, "a.png", image("png", 10, 10), FilePurpose.PHOTO);
        mvc.perform(get("/files/" + f.id())).andExpect(status().is3xxRedirection());
    }

    @Test
    void aFileNoModuleClaimsIsReadOnlyByItsUploaderAndAnswersOthersAsIfAbsent() throws Exception {
        String me = member();
        String someoneElse = member();
        StoredFile f = storeAs(me, "草稿.png", image("png", 20, 20), FilePurpose.PHOTO);
        mvc.perform(get("/files/" + f.id()).with(accounts.as(me))).andExpect(status().isOk());
        mvc.perform(get("/files/" + f.id()).with(accounts.as(someoneElse))).andExpect(status().isNotFound());
        mvc.perform(get("/files/" + f.id() + "/thumbnail").with(accounts.as(someoneElse)))
                .andExpect(status().isNotFound());
        // Not even an administrator reads a file nobody has shared.
        mvc.perform(get("/files/" + f.id()).with(accounts.as(org.admin()))).andExpect(status().isNotFound());
    }

    @Test
    void deleteRemovesTheRowAndTheBytes() throws Exception {
        String me = member();
        StoredFile f = storeAs(me, "a.png", image("png", 50, 50), FilePurpose.PHOTO);
        Path file = findStored(f);
        assertThat(file).isNotNull().exists();
        accounts.runAs(me, () -> store.delete(f.id()));
        assertThat(store.find(f.id())).isEmpty();
        assertThat(file).doesNotExist();
        assertThat(file.resolveSibling(file.getFileName() + ".thumb.jpg")).doesNotExist();
        mvc.perform(get("/files/" + f.id()).with(accounts.as(me))).andExpect(status().isNotFound());
        accounts.runAs(me, () -> store.delete(f.id())); // unknown now: nothing happens
    }

    private Path findStored(StoredFile f) throws IOException {
        try (var paths = Files.walk(localStore.root())) {
            return paths.filter(Files::isRegularFile).filter(p -> {
                try {
                    return !p.toString().endsWith(".thumb.jpg") && Files.size(p) == f.size()
                            && HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(Files.readAllBytes(p))).equals(f.sha256());
                } catch (Exception e) {
                    return false;
                }
            }).findFirst().orElse(null);
        }
    }

    static byte[] image(String format, int width, int height) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0xC8, 0x10, 0x2E));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.YELLOW);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(img, format, out)).isTrue();
        return out.toByteArray();
    }

    static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String e : entries) {
                zip.putNextEntry(new ZipEntry(e));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private long fileCount() throws IOException {
        try (var walk = Files.walk(localStore.root())) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    private static byte[] bytesOf(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
