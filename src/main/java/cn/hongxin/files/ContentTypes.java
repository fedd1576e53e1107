package cn.hongxin.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Tells a file's type from its content (magic bytes, and for Office Open XML the parts inside the ZIP),
 * never from its name or from what the browser claims.
 */
final class ContentTypes {

    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    static final String GIF = "image/gif";
    static final String WEBP = "image/webp";
    static final String PDF = "application/pdf";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    /** How many leading bytes {@link #detect} looks at. */
    static final int HEAD = 16;

    private ContentTypes() {
    }

    /**
     * The detected type, or empty when the content is none we accept.
     *
     * @param head the first (up to {@link #HEAD}) bytes
     * @param file the whole content, for looking inside ZIP containers
     */
    static Optional<String> detect(byte[] head, Path file) {
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (ascii(head, 0, "GIF87a") || ascii(head, 0, "GIF89a")) {
            return Optional.of(GIF);
        }
        if (ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP")) {
            return Optional.of(WEBP);
        }
        if (ascii(head, 0, "%PDF-")) {
            return Optional.of(PDF);
        }
        if (startsWith(head, 'P', 'K', 0x03, 0x04)) {
            return officeOpenXml(file);
        }
        return Optional.empty();
    }

    static boolean isImage(String contentType) {
        return contentType.startsWith("image/");
    }

    /** A ZIP is a DOCX, XLSX or PPTX only with {@code [Content_Types].xml} and its main folder. */
    private static Optional<String> officeOpenXml(Path file) {
        boolean contentTypes = false;
        boolean word = false;
        boolean excel = false;
        boolean powerPoint = false;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            int seen = 0;
            while (entries.hasMoreElements() && seen++ < 10_000) {
                String name = entries.nextElement().getName();
                contentTypes |= name.equals("[Content_Types].xml");
                word |= name.startsWith("word/");
                excel |= name.startsWith("xl/");
                powerPoint |= name.startsWith("ppt/");
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (!contentTypes || (word ? 1 : 0) + (excel ? 1 : 0) + (powerPoint ? 1 : 0) != 1) {
            return Optional.empty();
        }
        return Optional.of(word ? DOCX : excel ? XLSX : PPTX);
    }

    private static boolean startsWith(byte[] head, int... expected) {
        if (head.length < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((head[i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] head, int offset, String expected) {
        byte[] bytes = expected.getBytes(StandardCharsets.US_ASCII);
        return head.length >= offset + bytes.length
                && Arrays.equals(head, offset, offset + bytes.length, bytes, 0, bytes.length);
    }
}
