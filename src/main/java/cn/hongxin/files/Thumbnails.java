package cn.hongxin.files;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JPEG thumbnails (at most {@value #MAX_SIDE} px on the longer side) with javax.imageio. Formats ImageIO
 * cannot read (WebP without a plugin) and images too large to decode safely get no thumbnail.
 */
final class Thumbnails {

    static final int MAX_SIDE = 400;
    /** Refuses to decode more pixels than this (a decompression bomb would otherwise fill the heap). */
    static final long MAX_PIXELS = 40_000_000L;

    private static final Logger log = LoggerFactory.getLogger(Thumbnails.class);

    private Thumbnails() {
    }

    /** Writes a thumbnail of {@code image} to {@code target}; false when none could be made. */
    static boolean write(Path image, Path target) {
        try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
            if (in == null) {
                return false;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return false;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
                    return false;
                }
                BufferedImage source = reader.read(0);
                return ImageIO.write(scaled(source), "jpg", target.toFile());
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            log.info("No thumbnail for {}: {}", image.getFileName(), e.toString());
            return false;
        }
    }

    private static BufferedImage scaled(BufferedImage source) {
        double factor = Math.min(1.0, (double) MAX_SIDE / Math.max(source.getWidth(), source.getHeight()));
        int w = Math.max(1, (int) Math.round(source.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(source.getHeight() * factor));
        // JPEG has no alpha: paint transparent parts white.
        BufferedImage target = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return target;
    }
}
