package cn.hongxin.compliance;

import java.util.function.Predicate;

import cn.hongxin.organisation.NameSearch;

/**
 * The name search of the who-is-behind list, matching as the people list does: part of the name in characters
 * (李红), or the start of its pinyin typed without tones or spaces (lihong, li), or its initials (lh); characters
 * also find names that sound the same (李宏 for 李红).
 */
final class NameFilter {

    static final int MAX_LENGTH = 50;

    private NameFilter() {
    }

    /** The search term, or null when there is none. */
    static String term(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        String t = q.strip();
        return t.length() > MAX_LENGTH ? t.substring(0, MAX_LENGTH) : t;
    }

    /** Whether a name matches the (non-null) term, as the people list matches it. */
    static Predicate<String> matching(String term) {
        NameSearch search = NameSearch.of(term);
        return search == null ? name -> false : search::matches;
    }
}
