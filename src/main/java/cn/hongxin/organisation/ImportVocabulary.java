package cn.hongxin.organisation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * The words of the people spreadsheets in both languages: column headers, enum labels, 是/否. An
 * import accepts either language whatever the user's own, so a Chinese file can be uploaded from
 * an English session and the other way round.
 */
@Component
class ImportVocabulary {

    static final List<Locale> LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    private final MessageSource messages;
    private volatile Lookups lookups;

    ImportVocabulary(MessageSource messages) {
        this.messages = messages;
    }

    private record Lookups(Map<String, ImportColumn> headers, Map<Class<?>, Map<String, Enum<?>>> enums,
                           Map<String, Boolean> yesNo) {
    }

    String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** A message that may be absent: blank then. */
    String optional(String key, Locale locale) {
        return messages.getMessage(key, null, "", locale);
    }

    /**
     * A problem's reason: the import's own wording ({@code import.rule.<key>}) when there is one, else
     * the shared message of the rule.
     */
    String reason(ImportProblem problem, Locale locale) {
        MessageSourceResolvable r = new DefaultMessageSourceResolvable(
                new String[]{"import.rule." + problem.messageKey(), problem.messageKey()}, problem.args(),
                problem.messageKey());
        return messages.getMessage(r, locale);
    }

    /** The plain column name, e.g. 人员类别. */
    String columnName(ImportColumn column, Locale locale) {
        return text(column.labelKey(), locale);
    }

    /** The template header, e.g. 人员类别*(教职工/学生). */
    String header(ImportColumn column, Locale locale) {
        String hint = optional(column.hintKey(), locale);
        return columnName(column, locale) + (column.required() ? "*" : "") + (hint.isBlank() ? "" : "(" + hint + ")");
    }

    String label(Enum<?> value, Locale locale) {
        return value == null ? "" : text("enum." + value.getDeclaringClass().getSimpleName() + "." + value.name(), locale);
    }

    <E extends Enum<E>> List<String> labels(Class<E> type, Locale locale) {
        List<String> out = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            out.add(label(e, locale));
        }
        return out;
    }

    String yesNo(boolean value, Locale locale) {
        return text(value ? "common.yes" : "common.no", locale);
    }

    /** The column a header cell names, in either language. */
    Optional<ImportColumn> column(String header) {
        return Optional.ofNullable(lookups().headers().get(ImportColumn.normaliseHeader(header)));
    }

    /** The enum constant a cell names: its label or an accepted alias in either language, or its code. */
    <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        Enum<?> found = lookups().enums().getOrDefault(type, Map.of()).get(normaliseValue(text));
        return Optional.ofNullable(type.cast(found));
    }

    /** 是/否, Yes/No, Y/N, TRUE/FALSE, 1/0. */
    Optional<Boolean> parseYesNo(String text) {
        return Optional.ofNullable(lookups().yesNo().get(normaliseValue(text)));
    }

    /** Full-width forms folded (NFKC), no spaces, lower case: "中共 党员" and "Party Member" match their labels. */
    static String normaliseValue(String text) {
        return text == null ? "" : java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC)
                .replaceAll("[\\s\\u00A0]+", "").toLowerCase(Locale.ROOT);
    }

    private Lookups lookups() {
        Lookups l = lookups;
        if (l == null) {
            l = build();
            lookups = l;
        }
        return l;
    }

    private Lookups build() {
        Map<String, ImportColumn> headers = new HashMap<>();
        Map<Class<?>, Map<String, Enum<?>>> enums = new HashMap<>();
        Map<String, Boolean> yesNo = new HashMap<>();
        for (Locale locale : LANGUAGES) {
            for (ImportColumn c : ImportColumn.values()) {
                headers.putIfAbsent(ImportColumn.normaliseHeader(columnName(c, locale)), c);
                for (String alias : split(optional(c.aliasesKey(), locale))) {
                    headers.putIfAbsent(ImportColumn.normaliseHeader(alias), c);
                }
            }
            for (Class<? extends Enum<?>> type : List.<Class<? extends Enum<?>>>of(Gender.class, PersonType.class,
                    PoliticalStatus.class)) {
                Map<String, Enum<?>> byText = enums.computeIfAbsent(type, t -> new HashMap<>());
                for (Enum<?> e : type.getEnumConstants()) {
                    byText.putIfAbsent(normaliseValue(label(e, locale)), e);
                    byText.putIfAbsent(normaliseValue(e.name()), e);
                    for (String alias : split(optional("import.alias." + type.getSimpleName() + "." + e.name(),
                            locale))) {
                        byText.putIfAbsent(normaliseValue(alias), e);
                    }
                }
            }
            yesNo.putIfAbsent(normaliseValue(yesNo(true, locale)), true);
            yesNo.putIfAbsent(normaliseValue(yesNo(false, locale)), false);
            split(optional("import.alias.yes", locale)).forEach(a -> yesNo.putIfAbsent(normaliseValue(a), true));
            split(optional("import.alias.no", locale)).forEach(a -> yesNo.putIfAbsent(normaliseValue(a), false));
        }
        for (String y : List.of("y", "yes", "true", "1", "是")) {
            yesNo.putIfAbsent(y, true);
        }
        for (String n : List.of("n", "no", "false", "0", "否")) {
            yesNo.putIfAbsent(n, false);
        }
        return new Lookups(Map.copyOf(headers), Map.copyOf(enums), Map.copyOf(yesNo));
    }

    private static List<String> split(String list) {
        List<String> out = new ArrayList<>();
        for (String s : list.split("[,，、]")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }
}
