package cn.hongxin.newsletter;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.hongxin.files.FileStore;

/**
 * Photos as the PDF and the Word file embed them: decoded with subsampling (a 1600 px photo is read at 800 px,
 * which is fast and small), scaled to at most {@link #MAX_WIDTH} pixels and written as JPEG. A photo that cannot
 * be read is left out (and logged) rather than failing the whole issue.
 */
@Component
class NewsletterPhotos {

    /** Enough for a photo half a page wide (about 8 cm) at well over 200 dpi. */
    static final int MAX_WIDTH = 900;
    /** Decoding reads every n-th pixel so that at least this many remain across: 1600 px are read as 800. */
    static final int DECODE_WIDTH = 800;
    private static final Logger log = LoggerFactory.getLogger(NewsletterPhotos.class);

    /** A JPEG ready to embed and its pixel size. */
    record Photo(long fileId, byte[] jpeg, int width, int height) {
    }

    private final FileStore files;

    NewsletterPhotos(FileStore files) {
        this.files = files;
    }

    Optional<Photo> load(long fileId) {
        try (InputStream in = files.open(fileId)) {
            BufferedImage image = decode(in);
            if (image == null) {
                log.warn("Newsletter photo {} is not a readable image", fileId);
                return Optional.empty();
            }
            BufferedImage rgb = fit(image);
            return Optional.of(new Photo(fileId, jpeg(rgb), rgb.getWidth(), rgb.getHeight()));
        } catch (IOException | RuntimeException e) {
            log.warn("Newsletter photo {} could not be read: {}", fileId, e.toString());
            return Optional.empty();
        }
    }

    static BufferedImage decode(InputStream in) throws IOException {
        try (ImageInputStream iis = ImageIO.createImageInputStream(in)) {
            if (iis == null) {
                return null;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, true);
                int width = reader.getWidth(0);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, width / DECODE_WIDTH);
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }

    private static BufferedImage fit(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double scale = Math.min(1.0, (double) MAX_WIDTH / w);
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        if (scale == 1.0 && image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        BufferedImage out = new BufferedImage(tw, th, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, tw, th);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, tw, th, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128 * 1024);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.82f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
