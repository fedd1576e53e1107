package cn.hongxin.shared;

import java.util.Locale;

import com.ibm.icu.text.Transliterator;

/**
 * Pinyin of Chinese names for search and sorting: 张伟 → "zhang wei", initials "zw".
 * Surnames with a special reading (单 Shàn, 曾 Zēng, 区 Ōu …) are read as surnames.
 */
public final class ChineseNames {

    private static final ThreadLocal<Transliterator> TO_LATIN = ThreadLocal.withInitial(
            () -> Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower"));

    /** Readings of single characters: names repeat characters a lot, and transliteration is slow (~10 µs). */
    private static final java.util.Map<Character, String> SYLLABLES = new java.util.concurrent.ConcurrentHashMap<>();

    private static final java.util.Map<Character, String> SURNAME_READINGS = java.util.Map.ofEntries(
            java.util.Map.entry('单', "shan"), java.util.Map.entry('曾', "zeng"),
            java.util.Map.entry('区', "ou"), java.util.Map.entry('仇', "qiu"),
            java.util.Map.entry('解', "xie"), java.util.Map.entry('朴', "piao"),
            java.util.Map.entry('查', "zha"), java.util.Map.entry('盖', "ge"),
            java.util.Map.entry('乐', "yue"), java.util.Map.entry('缪', "miao"),
            java.util.Map.entry('覃', "qin"), java.util.Map.entry('尉', "yu"));

    private ChineseNames() {
    }

    /** Space-separated lower-case syllables, e.g. "zhang wei"; non-Han characters pass through. */
    public static String pinyin(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String trimmed = name.strip();
        StringBuilder out = new StringBuilder();
        int start = 0;
        String surname = SURNAME_READINGS.get(trimmed.charAt(0));
        if (surname != null) {
            out.append(surname);
            start = 1;
        }
        for (int i = start; i < trimmed.length(); i++) {
            String syllable = SYLLABLES.computeIfAbsent(trimmed.charAt(i),
                    c -> TO_LATIN.get().transliterate(String.valueOf(c)).strip());
            if (syllable.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(syllable);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** First letters of each syllable: "zw" for 张伟. */
    public static String initials(String pinyin) {
        StringBuilder out = new StringBuilder();
        for (String part : pinyin.split(" ")) {
            if (!part.isEmpty()) {
                out.append(part.charAt(0));
            }
        }
        return out.toString();
    }

    /** The stored pinyin: syllables separated by single spaces ("zhang wei"). */
    public static String sortKey(String pinyin) {
        return pinyin.strip().replaceAll("\\s+", " ");
    }

    /**
     * The collation key: each syllable padded to six characters with '0', so that every 陈 (chen) sorts
     * before 程 (cheng) in byte order and in locale collations alike (which ignore spaces, but not digits).
     */
    public static String collationKey(String pinyin) {
        StringBuilder out = new StringBuilder();
        for (String syllable : pinyin.strip().split("\\s+")) {
            out.append(syllable);
            out.append("0".repeat(Math.max(0, 6 - syllable.length())));
        }
        return out.toString();
    }

    /** The pinyin without spaces ("zhangwei"), as people type it into a search box. */
    public static String compact(String pinyin) {
        return pinyin.replace(" ", "");
    }
}
