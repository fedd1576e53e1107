package cn.hongxin.publishing;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an Atom 1.0 feed (RFC 4287) of published articles with the JDK's XML stream writer, so every text is
 * escaped by the writer: feed id, title, updated, self and alternate links; per entry id, title, updated,
 * published, author, link, summary and the sanitised body as HTML content.
 */
final class AtomFeedWriter {

    static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomFeedWriter() {
    }

    static String write(String baseUrl, String title, List<ArticleView> articles) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("feed");
            w.writeDefaultNamespace(ATOM);
            text(w, "id", baseUrl + "/site");
            text(w, "title", title);
            Instant updated = articles.stream().map(AtomFeedWriter::updatedOf).max(Instant::compareTo)
                    .orElse(Instant.EPOCH);
            text(w, "updated", time(updated));
            link(w, "self", baseUrl + "/site/feed.atom", "application/atom+xml");
            link(w, "alternate", baseUrl + "/site", "text/html");
            for (ArticleView a : articles) {
                w.writeStartElement("entry");
                text(w, "id", baseUrl + "/site/articles/" + a.id());
                text(w, "title", a.title());
                text(w, "updated", time(updatedOf(a)));
                text(w, "published", time(a.publishedAt() == null ? updatedOf(a) : a.publishedAt()));
                w.writeStartElement("author");
                text(w, "name", a.authorName());
                w.writeEndElement();
                link(w, "alternate", baseUrl + a.sitePath(), "text/html");
                for (String tag : a.tags()) {
                    w.writeEmptyElement("category");
                    w.writeAttribute("term", tag);
                }
                if (a.summary() != null && !a.summary().isBlank()) {
                    text(w, "summary", a.summary());
                }
                w.writeStartElement("content");
                w.writeAttribute("type", "html");
                w.writeCharacters(absolute(baseUrl, a.publicBodyHtml()));
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Atom feed could not be written", e);
        }
    }

    private static Instant updatedOf(ArticleView a) {
        return a.publishedAt() != null && a.publishedAt().isAfter(a.updatedAt()) ? a.publishedAt() : a.updatedAt();
    }

    private static String absolute(String baseUrl, String html) {
        return html.replace("src=\"/site/", "src=\"" + baseUrl + "/site/");
    }

    private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(value == null ? "" : value);
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String rel, String href, String type) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("type", type);
        w.writeAttribute("href", href);
    }

    private static String time(Instant t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atOffset(ZoneOffset.UTC).withNano(0));
    }
}
