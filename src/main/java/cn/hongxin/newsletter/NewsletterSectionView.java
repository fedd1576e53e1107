package cn.hongxin.newsletter;

import java.util.List;

/** A titled section of an issue with its items in order. */
public record NewsletterSectionView(long id, int position, String title, List<NewsletterItemView> items) {
}
