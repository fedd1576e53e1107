package cn.hongxin.publishing;

/** How an article's body is written: Markdown, or rich text (HTML from an editor); both are sanitised. */
public enum BodyFormat {
    MARKDOWN, HTML
}
