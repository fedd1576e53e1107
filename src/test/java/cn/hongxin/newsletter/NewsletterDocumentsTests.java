package cn.hongxin.newsletter;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The PDF (red header, embedded CJK font whose text copies out exactly, rare name characters included) and the
 * Word file of an issue, downloaded as the editor does.
 */
@IntegrationTest
class NewsletterDocumentsTests {

    static final String ITEM_TITLE = "王堃讲专题党课，张犇、李燚、陈喆谈体会";
    static final String ITEM_BODY = "10月15日，教工支部书记王堃以《学思践悟新思想》为题讲授专题党课。";

    @Autowired
    MockMvc mvc;
    @Autowired
    NewsletterService newsletters;
    @Autowired
    NewsletterFixtures fixtures;
    @Autowired
    TestAccounts accounts;

    NewsletterFixtures.Org org;
    long id;
    NewsletterFixtures.Held lecture;

    @BeforeEach
    void issue() {
        org = fixtures.org();
        lecture = fixtures.event(org, org.dept().teachersBranch().id(), "PARTY_LECTURE",
                LocalDateTime.of(2025, 10, 15, 14, 0), "教工支部专题党课", "党员们交流了学习体会。", 3, true);
        id = fixtures.draft(org, LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 31));
        accounts.runAs(org.editor(), () -> {
            NewsletterIssueView draft = newsletters.get(id);
            newsletters.addItem(draft.sections().get(0).id(), ITEM_TITLE, ITEM_BODY + "\n第二段：会后开展研讨。");
            newsletters.updateHeader(id, newsletters.get(id).version(), new NewsletterHeaderForm("党建工作简报",
                    draft.periodFrom(), draft.periodTo(), "校党委组织部", "各兄弟院（系）党委", "本院各党支部（燚）"));
            newsletters.submit(id);
        });
        accounts.runAs(org.signer(), () -> newsletters.issue(id, LocalDate.of(2025, 11, 3)));
    }

    byte[] download(String path) throws Exception {
        MvcResult result = mvc.perform(get(path).with(accounts.as(org.editor())))
                .andExpect(status().isOk()).andExpect(header().exists("Content-Disposition")).andReturn();
        return result.getResponse().getContentAsByteArray();
    }

    @Test
    void thePdfHasTheRedHeaderAndItsTextCopiesOutExactlyFromTheEmbeddedFont() throws Exception {
        byte[] pdf = download("/newsletter/" + id + "/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage first = doc.getPage(0);
            List<PDFont> fonts = new ArrayList<>();
            for (COSName name : first.getResources().getFontNames()) {
                fonts.add(first.getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(f -> {
                assertThat(f).isInstanceOf(PDType0Font.class);
                assertThat(f.isEmbedded()).isTrue();
                // a subset (XXXXXX+Name) of the shipped font, not a substitute
                assertThat(f.getName()).matches("[A-Z]{6}\\+.*");
                assertThat(((PDType0Font) f).getDescendantFont().getFontDescriptor().getFontFile2()).isNotNull();
                assertThat(f.getCOSObject().getNameAsString(COSName.ENCODING)).isEqualTo("Identity-H");
                assertThat(f.getCOSObject().getDictionaryObject(COSName.TO_UNICODE)).isNotNull();
            });
            assertThat(fonts).extracting(PDFont::getName).anyMatch(n -> n.endsWith("+DroidSansFallback"));

            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(doc);
            List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            assertThat(lines.get(0)).isEqualTo("党建工作简报");
            assertThat(lines.get(1)).isEqualTo("2025年第1期");
            assertThat(lines.get(2)).isEqualTo(org.dept().generalBranch().name() + " 2025年11月3日");
            String joined = text.replaceAll("\\s+", "");
            assertThat(joined).contains(ITEM_TITLE.replace(" ", "")).contains(ITEM_BODY).contains("教工支部专题党课")
                    .contains("【理论学习】").contains("报：校党委组织部").contains("送：各兄弟院（系）党委")
                    .contains("发：本院各党支部（燚）").contains("2025年11月3日印发").contains("—1—");
            assertThat(text).contains("堃").contains("犇").contains("燚").contains("喆");

            // red: the title is drawn in red (0.8 0 0 rg) and a red rule (a filled rectangle) follows it
            List<Object> tokens = new PDFStreamParser(first).parse();
            boolean red = false;
            boolean redRule = false;
            for (int i = 0; i < tokens.size(); i++) {
                if (tokens.get(i) instanceof Operator op) {
                    if (op.getName().equals("rg")) {
                        red = number(tokens.get(i - 3)) > 0.7 && number(tokens.get(i - 2)) < 0.1
                                && number(tokens.get(i - 1)) < 0.1;
                    } else if (op.getName().equals("f") && red) {
                        redRule = true;
                    }
                }
            }
            assertThat(redRule).as("a red filled rule on the first page").isTrue();

            // and it looks red where the title band is: render the first page
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 72);
            File png = new File("target/screenshots/newsletter-pdf-page1.png");
            png.getParentFile().mkdirs();
            ImageIO.write(page, "png", png);
            assertThat(redShare(page, 0, page.getHeight() / 8)).as("red pixels in the title band").isGreaterThan(0.02);
        }
    }

    @Test
    void theWordFileOpensWithPoiAndHoldsTheSameItemsAndPhotos() throws Exception {
        byte[] docx = download("/newsletter/" + id + "/docx");
        NewsletterIssueView issue = accounts.runAs(org.editor(), () -> newsletters.get(id));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            String text = extractor.getText();
            for (NewsletterSectionView s : issue.sections()) {
                if (!s.items().isEmpty()) {
                    assertThat(text).contains("【" + s.title() + "】");
                }
                for (NewsletterItemView item : s.items()) {
                    assertThat(text).contains(item.title());
                }
            }
            assertThat(text).contains("党建工作简报").contains("2025年第1期").contains(ITEM_BODY)
                    .contains("报：校党委组织部").contains("2025年11月3日印发");
            assertThat(doc.getAllPictures()).hasSize(issue.photoCount()).hasSize(3);
            assertThat(doc.getParagraphs().get(0).getRuns().get(0).getColor()).isEqualToIgnoringCase("CC0000");
        }
    }

    @Test
    void anotherOrganisationsEditorCannotDownloadIt() throws Exception {
        NewsletterFixtures.Org other = fixtures.org();
        mvc.perform(get("/newsletter/" + id + "/pdf").with(accounts.as(other.editor()))).andExpect(status().isNotFound());
        mvc.perform(get("/newsletter/" + id + "/docx").with(accounts.as(other.editor()))).andExpect(status().isNotFound());
    }

    static double number(Object token) {
        return token instanceof COSNumber n ? n.floatValue() : -1;
    }

    static double redShare(BufferedImage image, int fromY, int toY) {
        long red = 0;
        long all = 0;
        for (int y = fromY; y < toY; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r > 150 && g < 80 && b < 80) {
                    red++;
                }
                all++;
            }
        }
        return (double) red / all;
    }

}
