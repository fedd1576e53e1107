package cn.hongxin.newsletter;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import javax.imageio.ImageIO;

import org.springframework.context.support.ResourceBundleMessageSource;

import cn.hongxin.files.FilePurpose;
import cn.hongxin.files.FileStore;
import cn.hongxin.files.StoredFile;
import cn.hongxin.shared.NotFoundException;

/**
 * Driver of bench/newsletter.sh (not a test): generates photo-like JPEGs of 1600x1200 in a work directory,
 * builds an issue of 16 items in 4 sections holding 30 of them, and renders it as PDF and as Word through the
 * same code as the download endpoints ({@link NewsletterDocuments}: photo decoding and scaling, font subsetting),
 * after one warm-up render of each. Prints
 * {@code newsletter: items=16 photos=30 pdf_ms=<n> docx_ms=<n> pdf=<path> docx=<path>}.
 * Usage: java -cp ... cn.hongxin.newsletter.NewsletterBenchmark WORK_DIR [ITEMS] [PHOTOS]
 */
final class NewsletterBenchmark {

    private NewsletterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "/tmp/hongxin-newsletter-bench");
        int itemCount = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int photoCount = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Files.createDirectories(work.resolve("photos"));
        long bytes = 0;
        for (int i = 1; i <= photoCount; i++) {
            Path p = work.resolve("photos").resolve(i + ".jpg");
            if (!Files.exists(p)) {
                ImageIO.write(photo(i), "jpeg", p.toFile());
            }
            bytes += Files.size(p);
        }
        System.out.printf("photos: %d JPEGs of 1600x1200, %.1f MB in all%n", photoCount, bytes / 1048576.0);

        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/newsletter");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        NewsletterDocuments documents = new NewsletterDocuments(new NewsletterPhotos(new DirectoryStore(work)), messages);
        NewsletterIssueView issue = issue(itemCount, photoCount);

        Path pdf = work.resolve("newsletter.pdf");
        Path docx = work.resolve("newsletter.docx");
        documents.pdf(issue);
        documents.docx(issue);
        long t0 = System.nanoTime();
        byte[] pdfBytes = documents.pdf(issue);
        long pdfMs = (System.nanoTime() - t0) / 1_000_000;
        Files.write(pdf, pdfBytes);
        t0 = System.nanoTime();
        byte[] docxBytes = documents.docx(issue);
        long docxMs = (System.nanoTime() - t0) / 1_000_000;
        Files.write(docx, docxBytes);
        System.out.printf("sizes: pdf=%d KB docx=%d KB, heap max=%d MB%n", pdfBytes.length / 1024, docxBytes.length / 1024,
                Runtime.getRuntime().maxMemory() / 1048576);
        System.out.printf("newsletter: items=%d photos=%d pdf_ms=%d docx_ms=%d pdf=%s docx=%s%n", itemCount, photoCount,
                pdfMs, docxMs, pdf.toAbsolutePath(), docx.toAbsolutePath());
    }

    /** An issued issue of the given size; photo file ids 1..photoCount spread over the items. */
    static NewsletterIssueView issue(int itemCount, int photoCount) {
        String[] sections = {"工作动态", "理论学习", "品牌活动", "支部风采"};
        List<List<NewsletterItemView>> items = new ArrayList<>();
        for (int s = 0; s < sections.length; s++) {
            items.add(new ArrayList<>());
        }
        long photo = 1;
        for (int i = 0; i < itemCount; i++) {
            int perItem = photoCount / itemCount + (i < photoCount % itemCount ? 1 : 0);
            List<Long> photos = new ArrayList<>();
            for (int k = 0; k < perItem; k++) {
                photos.add(photo++);
            }
            int s = i % sections.length;
            items.get(s).add(new NewsletterItemView(100 + i, s + 1, items.get(s).size() + 1,
                    "临床医学院第" + (i + 1) + "党支部开展“学思践悟”主题党日活动（王堃、张犇、李燚、陈喆参加）",
                    "11月" + (i + 1) + "日下午，支部全体党员在医学楼报告厅集中学习党的二十届四中全会精神，"
                            + "围绕立德树人、医德医风和服务群众交流学习体会。支部书记结合临床教学实际作辅导报告，"
                            + "强调要把学习成效转化为推动学科建设和人才培养的实际行动。\n"
                            + "会后，党员们赴社区开展义诊和健康宣教，测量血压、解答咨询一百余人次，受到居民好评。",
                    photos, (long) i, null, null, null));
        }
        List<NewsletterSectionView> views = new ArrayList<>();
        for (int s = 0; s < sections.length; s++) {
            views.add(new NewsletterSectionView(s + 1, s + 1, sections[s], items.get(s)));
        }
        return new NewsletterIssueView(1, 1, "中共某某大学临床医学院委员会", "党建工作简报", NewsletterState.ISSUED, 2026, 11,
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), "编辑部", LocalDate.of(2026, 11, 30), "书记",
                "校党委组织部、宣传部", "各兄弟院（系）党委", "本院各党支部", null, 0, views);
    }

    /** A photo-like picture: a sky gradient, a few shapes and grain, so it compresses like a real photo. */
    static BufferedImage photo(int seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(1600, 1200, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(90 + random.nextInt(60), 140, 200), 0, 700,
                new Color(230, 230, 210)));
        g.fillRect(0, 0, 1600, 1200);
        g.setPaint(new GradientPaint(0, 700, new Color(120, 100, 80), 0, 1200, new Color(60, 50, 40)));
        g.fillRect(0, 700, 1600, 500);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            g.fillOval(random.nextInt(1600), 500 + random.nextInt(600), 40 + random.nextInt(120), 80 + random.nextInt(260));
        }
        g.setColor(new Color(200, 20, 20));
        g.fillRect(300, 150, 1000, 120);
        g.dispose();
        for (int y = 0; y < 1200; y++) {
            for (int x = 0; x < 1600; x++) {
                int rgb = image.getRGB(x, y);
                int n = random.nextInt(25) - 12;
                int r = Math.max(0, Math.min(255, ((rgb >> 16) & 0xff) + n));
                int gr = Math.max(0, Math.min(255, ((rgb >> 8) & 0xff) + n));
                int b = Math.max(0, Math.min(255, (rgb & 0xff) + n));
                image.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        return image;
    }

    /** The files module's interface over the generated photos: file id n is photos/n.jpg. */
    private record DirectoryStore(Path work) implements FileStore {

        @Override
        public StoredFile store(String originalName, InputStream content, FilePurpose purpose) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<StoredFile> find(long id) {
            Path p = path(id);
            return Files.exists(p) ? Optional.of(new StoredFile(id, id + ".jpg", "image/jpeg", 0, "", FilePurpose.PHOTO,
                    true, false, null, Instant.now())) : Optional.empty();
        }

        @Override
        public InputStream open(long id) {
            try {
                return Files.newInputStream(path(id));
            } catch (IOException e) {
                throw new NotFoundException("file", id);
            }
        }

        @Override
        public Optional<InputStream> openThumbnail(long id) {
            return Optional.empty();
        }

        @Override
        public void delete(long id) {
        }

        @Override
        public long maxBytes() {
            return Long.MAX_VALUE;
        }

        private Path path(long id) {
            return work.resolve("photos").resolve(id + ".jpg");
        }
    }
}
