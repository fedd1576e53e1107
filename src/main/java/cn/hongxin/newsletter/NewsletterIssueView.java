package cn.hongxin.newsletter;

import java.time.LocalDate;
import java.util.List;

/**
 * An issue with its sections and items. {@code number} and {@code year} are null until it is issued
 * (pages show 待编号); the distribution lines (报, 送, 发) are free text set per issue.
 */
public record NewsletterIssueView(long id, long unitId, String unitName, String title, NewsletterState state,
                                  Integer year, Integer number, LocalDate periodFrom, LocalDate periodTo,
                                  String editorName, LocalDate issuedOn, String signedBy, String reportTo,
                                  String sendTo, String copyTo, String returnComment, long version,
                                  List<NewsletterSectionView> sections) {

    public int itemCount() {
        return sections.stream().mapToInt(s -> s.items().size()).sum();
    }

    public int photoCount() {
        return sections.stream().flatMap(s -> s.items().stream()).mapToInt(i -> i.photoFileIds().size()).sum();
    }

    public boolean editable() {
        return state.editable();
    }
}
