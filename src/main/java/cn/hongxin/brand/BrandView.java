package cn.hongxin.brand;

import java.util.Arrays;
import java.util.List;

/**
 * A brand as pages and the API show it.
 *
 * @param owningUnitName the owning org unit's name, as the brand page shows it
 * @param logoFileId     the logo in the file store, null when none was uploaded
 */
public record BrandView(long id, long owningUnitId, String owningUnitName, String name, String slogan, String concept,
                        String connotation, Long logoFileId, boolean active) {

    /** The connotation split into its paragraphs (blank lines and single line breaks both separate them). */
    public List<String> connotationParagraphs() {
        return paragraphs(connotation);
    }

    /** The design concept split into its paragraphs. */
    public List<String> conceptParagraphs() {
        return paragraphs(concept);
    }

    static List<String> paragraphs(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
