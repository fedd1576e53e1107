package cn.hongxin.newsletter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;

/**
 * The Word (.docx) file of an issue, laid out like the PDF (red title, number, unit and date, red rule, sections,
 * items with photos, distribution lines, page numbers in the footer) for further editing in Word or WPS.
 */
final class NewsletterDocx {

    private static final String RED = "CC0000";
    private static final String SONG = "宋体";
    private static final String HEI = "黑体";
    private static final String FANGSONG = "仿宋";
    /** The width of the text on A4 with the margins below, in points. */
    private static final double TEXT_WIDTH_PT = 595.3 - 2 * 90;

    private NewsletterDocx() {
    }

    static void render(NewsletterIssueView issue, NewsletterLabels labels, Map<Long, NewsletterPhotos.Photo> photos,
                       OutputStream target) {
        try (XWPFDocument doc = new XWPFDocument()) {
            margins(doc);
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, issue.title(), 36, true, RED, SONG);

            XWPFParagraph number = doc.createParagraph();
            number.setAlignment(ParagraphAlignment.CENTER);
            run(number, labels.number(), 15, false, null, FANGSONG);

            XWPFTable head = doc.createTable(1, 2);
            head.removeBorders();
            head.setWidth("100%");
            cell(head.getRow(0).getCell(0), issue.unitName(), ParagraphAlignment.LEFT);
            cell(head.getRow(0).getCell(1), labels.date(), ParagraphAlignment.RIGHT);

            XWPFParagraph rule = doc.createParagraph();
            rule.setBorderBottom(Borders.THICK);
            bottomBorderColour(rule);
            rule.setSpacingAfter(240);

            for (NewsletterSectionView section : issue.sections()) {
                if (section.items().isEmpty()) {
                    continue;
                }
                XWPFParagraph heading = doc.createParagraph();
                heading.setSpacingBefore(200);
                run(heading, "【" + section.title() + "】", 16, true, RED, HEI);
                for (NewsletterItemView item : section.items()) {
                    XWPFParagraph itemTitle = doc.createParagraph();
                    itemTitle.setSpacingBefore(120);
                    run(itemTitle, item.title(), 14, true, null, HEI);
                    if (item.body() != null) {
                        for (String paragraph : item.body().split("\\R")) {
                            if (paragraph.isBlank()) {
                                continue;
                            }
                            XWPFParagraph p = doc.createParagraph();
                            p.setFirstLineIndent(560);
                            p.setSpacingBetween(1.4);
                            run(p, paragraph.strip(), 12, false, null, FANGSONG);
                        }
                    }
                    List<NewsletterPhotos.Photo> shown = item.photoFileIds().stream().map(photos::get)
                            .filter(Objects::nonNull).toList();
                    if (!shown.isEmpty()) {
                        XWPFParagraph pictures = doc.createParagraph();
                        pictures.setAlignment(ParagraphAlignment.CENTER);
                        XWPFRun r = pictures.createRun();
                        double cell = (TEXT_WIDTH_PT - 10) / 2;
                        for (NewsletterPhotos.Photo p : shown) {
                            double w = cell;
                            double h = cell * p.height() / p.width();
                            if (h > 190) {
                                w = w * 190 / h;
                                h = 190;
                            }
                            r.addPicture(new ByteArrayInputStream(p.jpeg()), PictureType.JPEG, "photo-" + p.fileId() + ".jpg",
                                    Units.toEMU(w), Units.toEMU(h));
                            r.addTab();
                        }
                    }
                }
            }

            XWPFParagraph top = doc.createParagraph();
            top.setSpacingBefore(480);
            top.setBorderBottom(Borders.SINGLE);
            distribution(doc, labels.reportTo(), issue.reportTo());
            distribution(doc, labels.sendTo(), issue.sendTo());
            distribution(doc, labels.copyTo(), issue.copyTo());
            XWPFParagraph printed = doc.createParagraph();
            printed.setBorderTop(Borders.SINGLE);
            printed.setBorderBottom(Borders.SINGLE);
            printed.setAlignment(ParagraphAlignment.RIGHT);
            run(printed, labels.printed(), 12, false, null, FANGSONG);

            pageNumbers(doc);
            doc.write(target);
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new UncheckedIOException(e instanceof IOException io ? io : new IOException(e));
        }
    }

    private static void distribution(XWPFDocument doc, String label, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        XWPFParagraph p = doc.createParagraph();
        p.setIndentationLeft(200);
        run(p, label + value.strip(), 12, false, null, FANGSONG);
    }

    private static void cell(XWPFTableCell cell, String text, ParagraphAlignment alignment) {
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setAlignment(alignment);
        run(p, text, 14, false, null, FANGSONG);
    }

    private static XWPFRun run(XWPFParagraph p, String text, int size, boolean bold, String colour, String family) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontSize(size);
        r.setBold(bold);
        if (colour != null) {
            r.setColor(colour);
        }
        r.setFontFamily(family, XWPFRun.FontCharRange.eastAsia);
        r.setFontFamily("Times New Roman", XWPFRun.FontCharRange.ascii);
        return r;
    }

    private static void bottomBorderColour(XWPFParagraph p) {
        var pPr = p.getCTP().getPPr();
        if (pPr != null && pPr.getPBdr() != null && pPr.getPBdr().getBottom() != null) {
            pPr.getPBdr().getBottom().setColor(RED);
            pPr.getPBdr().getBottom().setSz(BigInteger.valueOf(24));
        }
    }

    private static void margins(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        var size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(1440));
        mar.setBottom(BigInteger.valueOf(1440));
        mar.setLeft(BigInteger.valueOf(1800));
        mar.setRight(BigInteger.valueOf(1800));
    }

    /** A centred footer holding a PAGE field between dashes. */
    private static void pageNumbers(XWPFDocument doc) {
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.createRun().setText("— ");
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        p.createRun().getCTR().addNewInstrText().setStringValue(" PAGE ");
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        p.createRun().setText(" —");
    }
}
