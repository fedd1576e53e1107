package cn.hongxin.newsletter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * The red-header (红头) PDF of an issue, A4: the red title band with the organisation's name, 第N期 and the date,
 * a red rule, the body (section headings, items with indented paragraphs and photos two to a row), the
 * distribution lines (报, 送, 发) and the printing line at the foot of the last page, page numbers on every page.
 * The text is set in Droid Sans Fallback (Apache-2.0, shipped under {@code fonts/}), embedded as a subset with
 * Identity-H encoding and a ToUnicode map, so every character prints and copies out as itself.
 */
final class NewsletterPdf {

    static final String FONT = "/fonts/DroidSansFallbackFull.ttf";
    static final String LATIN_FONT = "/fonts/DejaVuSans.ttf";
    static final float[] RED = {0.80f, 0.0f, 0.0f};
    private static final float MARGIN_X = 68;
    private static final float MARGIN_TOP = 56;
    private static final float MARGIN_BOTTOM = 64;
    private static final float BODY_SIZE = 11.5f;
    private static final float BODY_LEADING = 20;
    private static final float PHOTO_GAP = 10;
    private static final float PHOTO_MAX_HEIGHT = 190;
    private static final Map<String, byte[]> FONT_BYTES = new java.util.concurrent.ConcurrentHashMap<>();

    private final PDDocument doc = new PDDocument();
    /** The CJK font first, then the Latin one: a character is set in the first that has a glyph for it. */
    private final PDType0Font[] fonts;
    /** Per code point: the index of its font and its advance width in glyph units; index -1 when none has it. */
    private final Map<Integer, float[]> glyphs = new HashMap<>();
    private final NewsletterIssueView issue;
    private final NewsletterLabels labels;
    private final Map<Long, NewsletterPhotos.Photo> photos;
    private final List<PDPage> pages = new ArrayList<>();
    private final float width;
    private PDPageContentStream out;
    private float y;

    private NewsletterPdf(NewsletterIssueView issue, NewsletterLabels labels, Map<Long, NewsletterPhotos.Photo> photos)
            throws IOException {
        this.issue = issue;
        this.labels = labels;
        this.photos = photos;
        this.fonts = new PDType0Font[]{load(FONT), load(LATIN_FONT)};
        this.width = PDRectangle.A4.getWidth() - 2 * MARGIN_X;
    }

    /** Writes the issue's PDF to {@code target}; photos by file id (missing ones are left out). */
    static void render(NewsletterIssueView issue, NewsletterLabels labels, Map<Long, NewsletterPhotos.Photo> photos,
                       OutputStream target) {
        try {
            NewsletterPdf pdf = new NewsletterPdf(issue, labels, photos);
            try (PDDocument doc = pdf.doc) {
                pdf.layout();
                doc.save(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PDType0Font load(String resource) throws IOException {
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(fontBytes(resource)));
        return PDType0Font.load(doc, ttf, true);
    }

    static byte[] fontBytes(String resource) {
        return FONT_BYTES.computeIfAbsent(resource, r -> {
            try (InputStream in = NewsletterPdf.class.getResourceAsStream(r)) {
                if (in == null) {
                    throw new IllegalStateException("Font missing from the class path: " + r);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void layout() throws IOException {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(issue.title() + " " + labels.number());
        info.setAuthor(issue.unitName());
        info.setCreator("Hongxin");
        newPage();
        header();
        for (NewsletterSectionView section : issue.sections()) {
            if (section.items().isEmpty()) {
                continue;
            }
            ensure(BODY_LEADING * 4);
            y -= 8;
            text("【" + section.title() + "】", MARGIN_X, y - 15, 15, RED, true);
            y -= 15 + 12;
            for (NewsletterItemView item : section.items()) {
                item(item);
            }
        }
        distribution();
        out.close();
        for (int i = 0; i < pages.size(); i++) {
            try (PDPageContentStream s = new PDPageContentStream(doc, pages.get(i), PDPageContentStream.AppendMode.APPEND,
                    true)) {
                out = s;
                String n = labels.page(i + 1);
                text(n, (PDRectangle.A4.getWidth() - measure(n, 10)) / 2, MARGIN_BOTTOM / 2 - 4, 10, null, false);
            }
        }
    }

    private void header() throws IOException {
        float top = PDRectangle.A4.getHeight() - MARGIN_TOP;
        String title = issue.title();
        float size = 40;
        while (measure(title, size) > width && size > 18) {
            size -= 2;
        }
        text(title, MARGIN_X + (width - measure(title, size)) / 2, top - size, size, RED, true);
        float lineY = top - size - 30;
        String number = labels.number();
        text(number, MARGIN_X + (width - measure(number, 14)) / 2, lineY, 14, null, false);
        lineY -= 28;
        String unit = fit(issue.unitName(), 13, width * 0.62f);
        text(unit, MARGIN_X, lineY, 13, null, false);
        text(labels.date(), MARGIN_X + width - measure(labels.date(), 13), lineY, 13, null, false);
        lineY -= 10;
        out.setNonStrokingColor(RED[0], RED[1], RED[2]);
        out.addRect(MARGIN_X, lineY - 2.5f, width, 2.5f);
        out.fill();
        out.addRect(MARGIN_X, lineY - 5.5f, width, 0.8f);
        out.fill();
        y = lineY - 5.5f - 16;
    }

    private void item(NewsletterItemView item) throws IOException {
        List<String> titleLines = wrap(item.title(), 13.5f, width);
        ensure(titleLines.size() * 22 + BODY_LEADING * 2);
        for (String line : titleLines) {
            text(line, MARGIN_X, y - 13.5f, 13.5f, null, true);
            y -= 22;
        }
        y -= 2;
        if (item.body() != null) {
            for (String paragraph : item.body().split("\\R")) {
                if (paragraph.isBlank()) {
                    continue;
                }
                String indented = "\u3000\u3000" + paragraph.strip();
                for (String line : wrap(indented, BODY_SIZE, width)) {
                    ensure(BODY_LEADING);
                    text(line, MARGIN_X, y - BODY_SIZE, BODY_SIZE, null, false);
                    y -= BODY_LEADING;
                }
            }
        }
        List<NewsletterPhotos.Photo> shown = item.photoFileIds().stream().map(photos::get)
                .filter(java.util.Objects::nonNull).toList();
        float cell = (width - PHOTO_GAP) / 2;
        for (int i = 0; i < shown.size(); i += 2) {
            List<NewsletterPhotos.Photo> row = shown.subList(i, Math.min(i + 2, shown.size()));
            float rowHeight = 0;
            for (NewsletterPhotos.Photo p : row) {
                rowHeight = Math.max(rowHeight, Math.min(PHOTO_MAX_HEIGHT, cell * p.height() / p.width()));
            }
            ensure(rowHeight + 8);
            float x = row.size() == 1 ? MARGIN_X + (width - cell) / 2 : MARGIN_X;
            for (NewsletterPhotos.Photo p : row) {
                float w = cell;
                float h = cell * p.height() / p.width();
                if (h > PHOTO_MAX_HEIGHT) {
                    w = w * PHOTO_MAX_HEIGHT / h;
                    h = PHOTO_MAX_HEIGHT;
                }
                PDImageXObject image = new PDImageXObject(doc, new java.io.ByteArrayInputStream(p.jpeg()),
                        COSName.DCT_DECODE, p.width(), p.height(), 8, PDDeviceRGB.INSTANCE);
                out.drawImage(image, x + (cell - w) / 2, y - 4 - h, w, h);
                x += cell + PHOTO_GAP;
            }
            y -= rowHeight + 8;
        }
        y -= 10;
    }

    /** 报, 送, 发 and the printing line between two rules, at the foot of the last page. */
    private void distribution() throws IOException {
        List<String> lines = new ArrayList<>();
        addLines(lines, labels.reportTo(), issue.reportTo());
        addLines(lines, labels.sendTo(), issue.sendTo());
        addLines(lines, labels.copyTo(), issue.copyTo());
        float needed = lines.size() * 20 + 20 + 34;
        ensure(needed + 10);
        float bottom = MARGIN_BOTTOM + 4;
        float top = bottom + needed;
        out.setStrokingColor(0f, 0f, 0f);
        out.setLineWidth(0.8f);
        line(top);
        float ly = top - 18;
        for (String l : lines) {
            text(l, MARGIN_X + 6, ly, 11, null, false);
            ly -= 20;
        }
        line(ly + 8);
        text(labels.printed(), MARGIN_X + width - measure(labels.printed(), 11) - 6, ly - 10, 11, null, false);
        line(bottom);
    }

    private void addLines(List<String> lines, String label, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        List<String> wrapped = wrap(value.strip(), 11, width - 12 - measure(label, 11));
        for (int i = 0; i < wrapped.size(); i++) {
            lines.add((i == 0 ? label : "\u3000\u3000") + wrapped.get(i));
        }
    }

    private void line(float at) throws IOException {
        out.moveTo(MARGIN_X, at);
        out.lineTo(MARGIN_X + width, at);
        out.stroke();
    }

    private void ensure(float height) throws IOException {
        if (y - height < MARGIN_BOTTOM) {
            out.close();
            newPage();
            y = PDRectangle.A4.getHeight() - MARGIN_TOP;
        }
    }

    private void newPage() throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        pages.add(page);
        out = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN_TOP;
    }

    private void text(String s, float x, float baseline, float size, float[] color, boolean bold) throws IOException {
        String clean = printable(s);
        if (clean.isEmpty()) {
            return;
        }
        out.beginText();
        if (color != null) {
            out.setNonStrokingColor(color[0], color[1], color[2]);
            out.setStrokingColor(color[0], color[1], color[2]);
        } else {
            out.setNonStrokingColor(0f, 0f, 0f);
            out.setStrokingColor(0f, 0f, 0f);
        }
        if (bold) {
            out.setRenderingMode(RenderingMode.FILL_STROKE);
            out.setLineWidth(size / 30);
        } else {
            out.setRenderingMode(RenderingMode.FILL);
        }
        out.newLineAtOffset(x, baseline);
        int start = 0;
        int current = -1;
        for (int i = 0; i < clean.length(); ) {
            int cp = clean.codePointAt(i);
            int f = (int) glyph(cp)[0];
            if (f != current) {
                if (current >= 0) {
                    out.setFont(fonts[current], size);
                    out.showText(clean.substring(start, i));
                }
                current = f;
                start = i;
            }
            i += Character.charCount(cp);
        }
        if (current >= 0) {
            out.setFont(fonts[current], size);
            out.showText(clean.substring(start));
        }
        out.endText();
    }

    /** Breaks text into lines no wider than {@code max}: anywhere between characters (CJK style). */
    private List<String> wrap(String s, float size, float max) {
        List<String> lines = new ArrayList<>();
        String clean = printable(s);
        StringBuilder line = new StringBuilder();
        float w = 0;
        for (int i = 0; i < clean.length(); ) {
            int cp = clean.codePointAt(i);
            float cw = width(cp) * size / 1000;
            if (w + cw > max && !line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
                w = 0;
            }
            line.appendCodePoint(cp);
            w += cw;
            i += Character.charCount(cp);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private String fit(String s, float size, float max) {
        List<String> lines = wrap(s, size, max);
        return lines.isEmpty() ? "" : lines.get(0);
    }

    private float measure(String s, float size) {
        String clean = printable(s);
        float w = 0;
        for (int i = 0; i < clean.length(); ) {
            int cp = clean.codePointAt(i);
            w += width(cp);
            i += Character.charCount(cp);
        }
        return w * size / 1000;
    }

    /** Control characters go; a character the font has no glyph for shows as a white square. */
    private String printable(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp)) {
                b.append(' ');
            } else if (glyph(cp)[0] < 0) {
                b.append(glyph('\u25a1')[0] < 0 ? '?' : '\u25a1');
            } else {
                b.appendCodePoint(cp);
            }
        }
        return b.toString();
    }

    /** Advance width in glyph units of a printable character. */
    private float width(int cp) {
        return glyph(cp)[1];
    }

    private float[] glyph(int cp) {
        return glyphs.computeIfAbsent(cp, c -> {
            String s = new String(Character.toChars(c));
            for (int i = 0; i < fonts.length; i++) {
                try {
                    return new float[]{i, fonts[i].getStringWidth(s)};
                } catch (IOException | IllegalArgumentException e) {
                    // not in this font: try the next
                }
            }
            return new float[]{-1, 0};
        });
    }
}
