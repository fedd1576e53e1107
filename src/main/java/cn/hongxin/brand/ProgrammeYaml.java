package cn.hongxin.brand;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

import cn.hongxin.organisation.PartyPost;
import cn.hongxin.organisation.PersonType;
import cn.hongxin.organisation.PoliticalStatus;
import cn.hongxin.shared.FieldProblem;

/**
 * The programme file (docs/adr/0007-programme-as-data.md): reads it with SnakeYAML's node tree, so every problem
 * names its line, and writes it with SnakeYAML's emitter in one fixed order, so export, import and export again
 * give the same text. Reading checks the file's own rules (fields, types, enums, codes unique, threshold above
 * zero, evidence present); references to the organisation (units, windows, type codes) are checked by the service.
 */
final class ProgrammeYaml {

    static final String FORMAT = "hongxin-programme/1";
    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,59}");
    private static final int MAX_PROBLEMS = 50;

    private ProgrammeYaml() {
    }

    /** A whole file. */
    record Doc(BrandDoc brand, List<MeasureDoc> measures, List<IndicatorDoc> indicators) {

        Doc(BrandDoc brand, List<MeasureDoc> measures) {
            this(brand, measures, List.of());
        }
    }

    /** An indicator as read, with the line of each selector's types (checked against the known codes later). */
    record IndicatorDoc(int line, IndicatorDefinition definition, List<Integer> selectorLines) {
    }

    record BrandDoc(String name, String slogan, String concept, String connotation, String owner, int ownerLine) {
    }

    record MeasureDoc(int line, MeasureForm form, List<RequirementDoc> requirements) {
    }

    record RequirementDoc(int line, String code, String nameZh, String nameEn, SubjectKind subject, String unit,
                          int unitLine, Set<PoliticalStatus> statuses, Set<PartyPost> posts,
                          Set<PersonType> personTypes, QuantityKind quantity, BigDecimal threshold, PeriodKind period,
                          String window, int windowLine, List<EvidenceSelector> evidence, List<Integer> evidenceLines) {
    }

    /** The file was refused; each problem is one line-precise message. */
    static final class Refused extends RuntimeException {
        final transient List<FieldProblem> problems;

        Refused(List<FieldProblem> problems) {
            super("programme file refused: " + problems.size() + " problems");
            this.problems = problems;
        }
    }

    /** A problem at a line (1-based), as a field problem whose message reads 第12行：… / Line 12: … */
    static FieldProblem atLine(int line, String key, Object... args) {
        return new FieldProblem("line:" + line, "programme.yaml.atLine", line,
                new DefaultMessageSourceResolvable(new String[] {key}, args, key));
    }

    // ---- reading -----------------------------------------------------------------------------------

    static Doc read(String text) {
        Reader reader = new Reader();
        Doc doc = reader.document(text);
        if (!reader.problems.isEmpty()) {
            throw new Refused(List.copyOf(reader.problems));
        }
        return doc;
    }

    private static final class Reader {
        final List<FieldProblem> problems = new ArrayList<>();

        void problem(Node node, String key, Object... args) {
            problem(line(node), key, args);
        }

        void problem(int line, String key, Object... args) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(atLine(line, key, args));
            }
        }

        static int line(Node node) {
            return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
        }

        Doc document(String text) {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(2_000_000);
            options.setMaxAliasesForCollections(10);
            options.setAllowRecursiveKeys(false);
            Node root;
            try {
                root = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()),
                        new DumperOptions(), options).compose(new StringReader(text == null ? "" : text));
            } catch (MarkedYAMLException e) {
                Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
                problem(mark == null ? 1 : mark.getLine() + 1, "programme.yaml.syntax");
                return null;
            } catch (YAMLException e) {
                problem(1, "programme.yaml.syntax");
                return null;
            }
            if (root == null) {
                problem(1, "programme.yaml.empty");
                return null;
            }
            Map<String, Node> top = fields(root, "", Set.of("format", "brand", "measures", "indicators"),
                    Set.of("brand", "measures"));
            if (top == null) {
                return null;
            }
            String format = scalar(top, "format", 40);
            if (format != null && !FORMAT.equals(format)) {
                problem(top.get("format"), "programme.yaml.format", format, FORMAT);
            }
            BrandDoc brand = top.containsKey("brand") ? brand(top.get("brand")) : null;
            List<MeasureDoc> measures = new ArrayList<>();
            Map<String, Integer> measureCodes = new HashMap<>();
            Map<String, Integer> requirementCodes = new HashMap<>();
            for (Node m : list(top, "measures")) {
                MeasureDoc measure = measure(m, measures.size(), requirementCodes);
                if (measure != null) {
                    unique(measureCodes, measure.form().code(), measure.line());
                    measures.add(measure);
                }
            }
            List<IndicatorDoc> indicators = new ArrayList<>();
            Map<String, Integer> indicatorCodes = new HashMap<>();
            for (Node i : list(top, "indicators")) {
                IndicatorDoc indicator = indicator(i, indicators.size());
                if (indicator != null) {
                    unique(indicatorCodes, indicator.definition().code(), indicator.line());
                    indicators.add(indicator);
                }
            }
            return new Doc(brand, measures, indicators);
        }

        IndicatorDoc indicator(Node node, int index) {
            Map<String, Node> f = fields(node, "indicators", Set.of("code", "nameZh", "nameEn", "outcome", "unit",
                            "period", "baseline", "target", "numerator", "denominator"),
                    Set.of("code", "nameZh", "nameEn", "outcome", "unit", "period", "numerator"));
            if (f == null) {
                return null;
            }
            IndicatorUnit unit = enumValue(f, "unit", IndicatorUnit.class);
            IndicatorBaseline baseline = enumValue(f, "baseline", IndicatorBaseline.class);
            BigDecimal target = decimal(f, "target");
            if (target != null && target.signum() < 0) {
                problem(f.get("target"), "programme.yaml.indicator.targetNegative");
            }
            List<Integer> lines = new ArrayList<>();
            IndicatorSelector numerator = f.containsKey("numerator") ? selector(f.get("numerator"), "numerator", lines)
                    : null;
            IndicatorSelector denominator = f.containsKey("denominator")
                    ? selector(f.get("denominator"), "denominator", lines) : null;
            if (unit == IndicatorUnit.PERCENT && denominator == null && !f.containsKey("denominator")) {
                problem(node, "programme.yaml.indicator.percentNeedsDenominator");
            }
            IndicatorDefinition d = new IndicatorDefinition(0, 0, code(f, "code"), scalar(f, "nameZh", 200),
                    scalar(f, "nameEn", 300), enumValue(f, "outcome", IndicatorOutcome.class), unit,
                    enumValue(f, "period", PeriodKind.class),
                    baseline == null ? IndicatorBaseline.PREVIOUS_PERIOD : baseline, target, numerator, denominator,
                    (index + 1) * 10);
            return new IndicatorDoc(line(node), d, lines);
        }

        /** One side of a formula; {@code lines} gets the line of its types (or of the selector). */
        IndicatorSelector selector(Node node, String context, List<Integer> lines) {
            Map<String, Node> f = fields(node, context, Set.of("aggregate", "kind", "types", "subjects"),
                    Set.of("aggregate"));
            if (f == null) {
                return null;
            }
            IndicatorAggregate aggregate = enumValue(f, "aggregate", IndicatorAggregate.class);
            EvidenceKind kind = enumValue(f, "kind", EvidenceKind.class);
            if (aggregate != null && aggregate.source() == IndicatorAggregate.Source.EVIDENCE && !f.containsKey("kind")) {
                problem(node, "programme.yaml.indicator.kindRequired", aggregate.name());
            }
            if (aggregate != null && aggregate.source() != IndicatorAggregate.Source.EVIDENCE && f.containsKey("kind")) {
                problem(f.get("kind"), "programme.yaml.indicator.kindNotAllowed", aggregate.name());
            }
            List<String> types = new ArrayList<>();
            for (Node t : list(f, "types")) {
                if (!(t instanceof ScalarNode s)) {
                    problem(t, "programme.yaml.notScalar", "types");
                } else if (!CODE.matcher(s.getValue()).matches()) {
                    problem(t, "programme.yaml.badCode", "types", s.getValue());
                } else if (types.contains(s.getValue())) {
                    problem(t, "programme.yaml.duplicateValue", "types", s.getValue());
                } else {
                    types.add(s.getValue());
                }
            }
            if (String.join(",", types).length() > 600) {
                problem(f.get("types"), "programme.yaml.tooLong", "types", 600);
            }
            lines.add(f.containsKey("types") ? line(f.get("types")) : line(node));
            IndicatorSubjects subjects = enumValue(f, "subjects", IndicatorSubjects.class);
            return aggregate == null ? null : new IndicatorSelector(aggregate, kind, types, subjects);
        }

        void unique(Map<String, Integer> seen, String code, int line) {
            if (code == null) {
                return;
            }
            Integer first = seen.putIfAbsent(code, line);
            if (first != null) {
                problem(line, "programme.yaml.duplicateCode", code, first);
            }
        }

        BrandDoc brand(Node node) {
            Map<String, Node> f = fields(node, "brand", Set.of("name", "slogan", "concept", "connotation", "owner"),
                    Set.of("name"));
            if (f == null) {
                return null;
            }
            return new BrandDoc(scalar(f, "name", 100), scalar(f, "slogan", 200), scalar(f, "concept", 2000),
                    scalar(f, "connotation", 4000), scalar(f, "owner", 110),
                    f.containsKey("owner") ? line(f.get("owner")) : line(node));
        }

        MeasureDoc measure(Node node, int index, Map<String, Integer> requirementCodes) {
            Map<String, Node> f = fields(node, "measures",
                    Set.of("code", "nameZh", "nameEn", "level", "category", "sortOrder", "description", "requirements"),
                    Set.of("code", "nameZh", "nameEn", "level", "category", "requirements"));
            if (f == null) {
                return null;
            }
            String code = code(f, "code");
            Integer sortOrder = integer(f, "sortOrder");
            MeasureForm form = new MeasureForm(code, scalar(f, "nameZh", 100), scalar(f, "nameEn", 200),
                    code(f, "level"), code(f, "category"), sortOrder == null ? (index + 1) * 10 : sortOrder,
                    scalar(f, "description", 2000));
            List<RequirementDoc> requirements = new ArrayList<>();
            for (Node r : list(f, "requirements")) {
                RequirementDoc requirement = requirement(r);
                if (requirement != null) {
                    unique(requirementCodes, requirement.code(), requirement.line());
                    requirements.add(requirement);
                }
            }
            return new MeasureDoc(line(node), form, requirements);
        }

        RequirementDoc requirement(Node node) {
            Map<String, Node> f = fields(node, "requirements", Set.of("code", "nameZh", "nameEn", "subject", "scope",
                            "quantity", "threshold", "period", "window", "evidence"),
                    Set.of("code", "nameZh", "nameEn", "subject", "quantity", "threshold", "period", "evidence"));
            if (f == null) {
                return null;
            }
            String unit = null;
            int unitLine = line(node);
            Set<PoliticalStatus> statuses = Set.of();
            Set<PartyPost> posts = Set.of();
            Set<PersonType> types = Set.of();
            if (f.containsKey("scope")) {
                Map<String, Node> s = fields(f.get("scope"), "scope",
                        Set.of("unit", "politicalStatuses", "posts", "personTypes"), Set.of());
                if (s != null) {
                    unit = scalar(s, "unit", 110);
                    if (s.containsKey("unit")) {
                        unitLine = line(s.get("unit"));
                    }
                    statuses = enumSet(s, "politicalStatuses", PoliticalStatus.class);
                    posts = enumSet(s, "posts", PartyPost.class);
                    types = enumSet(s, "personTypes", PersonType.class);
                }
            }
            BigDecimal threshold = decimal(f, "threshold");
            if (threshold != null && threshold.signum() <= 0) {
                problem(f.get("threshold"), "programme.yaml.thresholdPositive");
            }
            List<EvidenceSelector> evidence = new ArrayList<>();
            List<Integer> evidenceLines = new ArrayList<>();
            List<Node> selectors = list(f, "evidence");
            if (f.containsKey("evidence") && selectors.isEmpty() && f.get("evidence") instanceof SequenceNode) {
                problem(f.get("evidence"), "programme.yaml.noEvidence");
            }
            for (Node e : selectors) {
                Map<String, Node> ef = fields(e, "evidence", Set.of("kind", "type"), Set.of("kind"));
                if (ef == null) {
                    continue;
                }
                EvidenceKind kind = enumValue(ef, "kind", EvidenceKind.class);
                String type = scalar(ef, "type", 60);
                if (kind != null) {
                    evidence.add(new EvidenceSelector(kind, type));
                    evidenceLines.add(ef.containsKey("type") ? line(ef.get("type")) : line(e));
                }
            }
            String window = scalar(f, "window", 40);
            return new RequirementDoc(line(node), code(f, "code"), scalar(f, "nameZh", 200), scalar(f, "nameEn", 300),
                    enumValue(f, "subject", SubjectKind.class), unit, unitLine, statuses, posts, types,
                    enumValue(f, "quantity", QuantityKind.class), threshold, enumValue(f, "period", PeriodKind.class),
                    window, f.containsKey("window") ? line(f.get("window")) : line(node), evidence, evidenceLines);
        }

        /** The mapping's fields by name; unknown, duplicate and missing fields are problems. Null if no mapping. */
        Map<String, Node> fields(Node node, String context, Set<String> allowed, Set<String> required) {
            if (!(node instanceof MappingNode mapping)) {
                problem(node, "programme.yaml.notMapping", context.isEmpty() ? "/" : context);
                return null;
            }
            Map<String, Node> fields = new LinkedHashMap<>();
            for (NodeTuple t : mapping.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode key)) {
                    problem(t.getKeyNode(), "programme.yaml.notScalar", context);
                    continue;
                }
                String name = key.getValue();
                if (!allowed.contains(name)) {
                    problem(key, "programme.yaml.unknownField", name);
                } else if (fields.containsKey(name)) {
                    problem(key, "programme.yaml.duplicateField", name);
                } else if (!isNull(t.getValueNode())) {
                    fields.put(name, t.getValueNode());
                }
            }
            required.stream().sorted().filter(r -> !fields.containsKey(r))
                    .forEach(r -> problem(node, "programme.yaml.missing", r));
            return fields;
        }

        static boolean isNull(Node node) {
            return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
        }

        String scalar(Map<String, Node> f, String name, int maxLength) {
            Node node = f.get(name);
            if (node == null) {
                return null;
            }
            if (!(node instanceof ScalarNode s)) {
                problem(node, "programme.yaml.notScalar", name);
                return null;
            }
            String value = s.getValue();
            if (value.length() > maxLength) {
                problem(node, "programme.yaml.tooLong", name, maxLength);
                return null;
            }
            return value.isBlank() ? null : value;
        }

        String code(Map<String, Node> f, String name) {
            String value = scalar(f, name, 60);
            if (value != null && !CODE.matcher(value).matches()) {
                problem(f.get(name), "programme.yaml.badCode", name, value);
                return null;
            }
            return value;
        }

        Integer integer(Map<String, Node> f, String name) {
            String value = scalar(f, name, 10);
            if (value == null) {
                return null;
            }
            try {
                return Integer.valueOf(value);
            } catch (NumberFormatException e) {
                problem(f.get(name), "programme.yaml.notNumber", name, value);
                return null;
            }
        }

        BigDecimal decimal(Map<String, Node> f, String name) {
            String value = scalar(f, name, 12);
            if (value == null) {
                return null;
            }
            try {
                BigDecimal d = new BigDecimal(value);
                if (d.scale() > 2 || d.abs().compareTo(new BigDecimal("99999999")) > 0) {
                    problem(f.get(name), "programme.yaml.notNumber", name, value);
                    return null;
                }
                return d;
            } catch (NumberFormatException e) {
                problem(f.get(name), "programme.yaml.notNumber", name, value);
                return null;
            }
        }

        <E extends Enum<E>> E enumValue(Map<String, Node> f, String name, Class<E> type) {
            return enumOf(f.get(name), scalar(f, name, 60), name, type);
        }

        <E extends Enum<E>> E enumOf(Node node, String value, String name, Class<E> type) {
            if (value == null) {
                return null;
            }
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(value)) {
                    return e;
                }
            }
            problem(node, "programme.yaml.unknownValue",
                    new DefaultMessageSourceResolvable(new String[] {"programme.yaml.field." + name}, name), value,
                    String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
            return null;
        }

        <E extends Enum<E>> Set<E> enumSet(Map<String, Node> f, String name, Class<E> type) {
            EnumSet<E> set = EnumSet.noneOf(type);
            for (Node item : list(f, name)) {
                if (!(item instanceof ScalarNode s)) {
                    problem(item, "programme.yaml.notScalar", name);
                    continue;
                }
                E e = enumOf(item, s.getValue(), name, type);
                if (e != null && !set.add(e)) {
                    problem(item, "programme.yaml.duplicateValue", name, e.name());
                }
            }
            return set;
        }

        List<Node> list(Map<String, Node> f, String name) {
            Node node = f.get(name);
            if (node == null) {
                return List.of();
            }
            if (!(node instanceof SequenceNode seq)) {
                problem(node, "programme.yaml.notList", name);
                return List.of();
            }
            return seq.getValue();
        }
    }

    // ---- writing -----------------------------------------------------------------------------------

    /** The programme as a file, fields in a fixed order; absent values are left out. */
    static String write(BrandView brand, String ownerRef, List<MeasureView> measures) {
        return write(brand, ownerRef, measures, List.of());
    }

    /** The programme with its indicators (the section is left out when there are none). */
    static String write(BrandView brand, String ownerRef, List<MeasureView> measures,
                        List<IndicatorDefinition> indicators) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("name", brand.name());
        put(b, "slogan", brand.slogan());
        put(b, "concept", brand.concept());
        put(b, "connotation", brand.connotation());
        put(b, "owner", ownerRef);
        root.put("brand", b);
        List<Object> ms = new ArrayList<>();
        for (MeasureView m : measures) {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("code", m.code());
            mm.put("nameZh", m.nameZh());
            mm.put("nameEn", m.nameEn());
            mm.put("level", m.level());
            mm.put("category", m.category());
            mm.put("sortOrder", m.sortOrder());
            put(mm, "description", m.description());
            List<Object> rs = new ArrayList<>();
            for (RequirementView r : m.requirements()) {
                Map<String, Object> rm = new LinkedHashMap<>();
                rm.put("code", r.code());
                rm.put("nameZh", r.nameZh());
                rm.put("nameEn", r.nameEn());
                rm.put("subject", r.subject().name());
                Map<String, Object> scope = new LinkedHashMap<>();
                put(scope, "unit", r.unitRef());
                putSet(scope, "politicalStatuses", r.politicalStatuses());
                putSet(scope, "posts", r.posts());
                putSet(scope, "personTypes", r.personTypes());
                if (!scope.isEmpty()) {
                    rm.put("scope", scope);
                }
                rm.put("quantity", r.quantity().name());
                rm.put("threshold", new Threshold(r.threshold()));
                rm.put("period", r.period().name());
                put(rm, "window", r.windowCode());
                List<Object> es = new ArrayList<>();
                for (EvidenceSelector e : r.evidence()) {
                    Map<String, Object> em = new LinkedHashMap<>();
                    em.put("kind", e.kind().name());
                    put(em, "type", e.type());
                    es.add(em);
                }
                rm.put("evidence", es);
                rs.add(rm);
            }
            mm.put("requirements", rs);
            ms.add(mm);
        }
        root.put("measures", ms);
        if (!indicators.isEmpty()) {
            List<Object> is = new ArrayList<>();
            for (IndicatorDefinition i : indicators) {
                Map<String, Object> im = new LinkedHashMap<>();
                im.put("code", i.code());
                im.put("nameZh", i.nameZh());
                im.put("nameEn", i.nameEn());
                im.put("outcome", i.outcome().name());
                im.put("unit", i.unit().name());
                im.put("period", i.period().name());
                im.put("baseline", i.baseline().name());
                if (i.target() != null) {
                    im.put("target", new Threshold(i.target()));
                }
                im.put("numerator", selector(i.numerator()));
                if (i.denominator() != null) {
                    im.put("denominator", selector(i.denominator()));
                }
                is.add(im);
            }
            root.put("indicators", is);
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(10_000);
        options.setSplitLines(false);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        return new Yaml(new Writer(options), options).dump(root);
    }

    private static Map<String, Object> selector(IndicatorSelector s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("aggregate", s.aggregate().name());
        if (s.kind() != null) {
            m.put("kind", s.kind().name());
        }
        if (!s.types().isEmpty()) {
            m.put("types", s.types());
        }
        if (s.subjects() != IndicatorSubjects.ALL) {
            m.put("subjects", s.subjects().name());
        }
        return m;
    }

    private static void put(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    private static <E extends Enum<E>> void putSet(Map<String, Object> map, String key, Set<E> set) {
        if (!set.isEmpty()) {
            map.put(key, set.stream().sorted().map(Enum::name).toList());
        }
    }

    /** A threshold written as a plain number without trailing zeros (2, 1.5). */
    private record Threshold(BigDecimal value) {
    }

    /** Multi-line texts as literal blocks; thresholds as plain numbers. */
    private static final class Writer extends Representer {
        Writer(DumperOptions options) {
            super(options);
            this.representers.put(String.class, data -> {
                String s = (String) data;
                return representScalar(Tag.STR, s,
                        s.indexOf('\n') >= 0 ? DumperOptions.ScalarStyle.LITERAL : DumperOptions.ScalarStyle.PLAIN);
            });
            this.representers.put(Threshold.class, data -> {
                BigDecimal v = ((Threshold) data).value().stripTrailingZeros();
                return representScalar(v.scale() > 0 ? Tag.FLOAT : Tag.INT, v.toPlainString());
            });
        }
    }
}
