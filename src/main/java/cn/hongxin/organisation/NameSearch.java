package cn.hongxin.organisation;

import java.util.Locale;

import cn.hongxin.shared.ChineseNames;

/**
 * How a name search term is read, the same for the people list and every other search by name: part of the name
 * in characters (李红), or the start of its pinyin typed without tones or spaces (lihong, li), or its initials (lh);
 * characters also find names that sound the same (李宏 for 李红). The people list asks the database with these
 * parts; {@link #matches} tries one name in memory.
 *
 * @param term the term as typed, stripped
 * @param latin the term in lower case without spaces
 * @param typed whether the term is Latin letters only (pinyin or initials typed)
 * @param sound the compact pinyin to look for at the start of a name's pinyin: the typed letters, or the pinyin
 *              of the characters typed
 */
public record NameSearch(String term, String latin, boolean typed, String sound) {

    /** The search of a term; null when the term is blank. */
    public static NameSearch of(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        String term = q.strip();
        String latin = term.toLowerCase(Locale.ROOT).replace(" ", "");
        boolean typed = latin.matches("[a-z]+");
        return new NameSearch(term, latin, typed, typed ? latin : ChineseNames.compact(ChineseNames.pinyin(term)));
    }

    /** Whether a name matches: it holds the term, its pinyin starts with the sound, or (letters typed) its initials start with them. */
    public boolean matches(String name) {
        if (name == null) {
            return false;
        }
        if (name.contains(term)) {
            return true;
        }
        String pinyin = ChineseNames.pinyin(name);
        if (!sound.isEmpty() && ChineseNames.compact(pinyin).startsWith(sound)) {
            return true;
        }
        return typed && ChineseNames.initials(pinyin).startsWith(latin);
    }
}
