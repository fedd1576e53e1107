package cn.hongxin.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import cn.hongxin.brand.EvidenceKind;
import cn.hongxin.compliance.EvidenceQueries;
import cn.hongxin.compliance.Period;
import cn.hongxin.compliance.SourceKind;
import cn.hongxin.evaluation.LedgerWorkbook.Sheet;
import cn.hongxin.events.AttendanceStatus;
import cn.hongxin.events.EventCategory;
import cn.hongxin.events.EventService;
import cn.hongxin.events.EventState;
import cn.hongxin.events.EventView;
import cn.hongxin.events.RollCallLine;
import cn.hongxin.events.RollCallSummary;
import cn.hongxin.organisation.OrgUnitView;
import cn.hongxin.security.AuditAction;
import cn.hongxin.security.AuditOutcome;
import cn.hongxin.security.AuditTrail;
import cn.hongxin.security.CurrentUsers;
import cn.hongxin.security.Permission;
import cn.hongxin.shared.Masking;

import static cn.hongxin.evaluation.LedgerWorkbook.row;

/**
 * The inspection ledgers (台账) of a unit's subtree for the semester containing a day, regenerated from the
 * records: meetings and activities from the events module (with their roll-calls), lectures, volunteer hours and
 * mentoring from the evidence ledger (mentoring without any narrative). Needs {@code evaluation:export}; people's
 * names are masked unless the caller asks to reveal them and holds {@code person:reveal}. Every export is
 * audited (a revealed one as a reveal). Not one transaction: the events module refuses events the caller may not
 * see, and such a refusal must not roll back the rest.
 */
@Service
public class LedgerService {

    /** 三会一课 event types. */
    static final Set<String> THREE_MEETINGS_ONE_LESSON = Set.of("BRANCH_GENERAL_MEETING", "BRANCH_COMMITTEE_MEETING",
            "PARTY_GROUP_MEETING", "PARTY_LECTURE");
    static final Set<EventCategory> MEETING_CATEGORIES = EnumSet.of(EventCategory.MEETING, EventCategory.STANDARD);
    static final Set<EventCategory> ACTIVITY_CATEGORIES = EnumSet.of(EventCategory.ACTIVITY, EventCategory.CONTEST,
            EventCategory.VOLUNTEER, EventCategory.HEALTH_TALK);

    /** A ledger file. */
    public record LedgerFile(String fileName, byte[] content, int rows) {
    }

    private final EvaluationService evaluation;
    private final EventFacts eventFacts;
    private final EventService events;
    private final EvidenceQueries evidence;
    private final CurrentUsers currentUsers;
    private final AuditTrail audit;
    private final MessageSource messages;

    LedgerService(EvaluationService evaluation, EventFacts eventFacts, EventService events, EvidenceQueries evidence,
                  CurrentUsers currentUsers, AuditTrail audit, MessageSource messages) {
        this.evaluation = evaluation;
        this.eventFacts = eventFacts;
        this.events = events;
        this.evidence = evidence;
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.messages = messages;
    }

    /** One ledger as an .xlsx file. */
    public LedgerFile export(LedgerKind kind, Long unitId, LocalDate on, boolean reveal, Locale locale) {
        currentUsers.require(Permission.EVALUATION_EXPORT);
        if (reveal) {
            currentUsers.require(Permission.PERSON_REVEAL);
        }
        OrgUnitView unit = evaluation.unit(unitId);
        Period period = evaluation.semester(on);
        Function<String, String> name = reveal ? n -> n : LedgerService::mask;
        List<Sheet> sheets = switch (kind) {
            case THREE_MEETINGS_ONE_LESSON -> meetings(kind, unit, period, locale, name,
                    e -> THREE_MEETINGS_ONE_LESSON.contains(e.type().code()), false);
            case MEETINGS -> meetings(kind, unit, period, locale, name,
                    e -> MEETING_CATEGORIES.contains(e.type().category()), true);
            case ACTIVITIES -> meetings(kind, unit, period, locale, name,
                    e -> ACTIVITY_CATEGORIES.contains(e.type().category()), false);
            case LECTURES -> lectures(unit, period, locale, name);
            case VOLUNTEER_HOURS -> volunteers(unit, period, locale, name);
            case MENTORING -> mentoring(unit, period, locale, name);
        };
        int rows = sheets.stream().mapToInt(s -> s.rows().size()).sum();
        String title = text(locale, "evaluation.ledger." + kind.name());
        byte[] file = LedgerWorkbook.write(sheets, text(locale, "evaluation.ledger.emptySheet"),
                title + " · " + unit.name() + " · " + period.label());
        audit.record(reveal ? AuditAction.REVEAL : AuditAction.EXPORT, "evaluation_ledger", unit.id(),
                AuditOutcome.SUCCESS, kind.name() + ", " + period.label() + ", " + rows + " rows"
                        + (reveal ? ", names revealed" : ", names masked"));
        return new LedgerFile(title + "_" + unit.name() + "_" + period.label() + ".xlsx", file, rows);
    }

    /** A number without trailing zeros and never in exponent form (60, not 6E+1). */
    static BigDecimal plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    static String mask(String name) {
        return name == null ? "" : Masking.keep(name, 1, 0);
    }

    private List<Sheet> meetings(LedgerKind kind, OrgUnitView unit, Period period, Locale locale,
                                 Function<String, String> name, java.util.function.Predicate<EventView> which,
                                 boolean names) {
        List<EventView> held = eventFacts.between(unit.id(), period.start(), period.end()).stream()
                .filter(e -> e.state() == EventState.DONE && which.test(e))
                .sorted(Comparator.comparing(EventView::startsAt).thenComparing(EventView::id)).toList();
        List<String> headers = new ArrayList<>(List.of(h(locale, "no"), h(locale, "date"), h(locale, "unit"),
                h(locale, "type"), h(locale, "title"), h(locale, "host"), h(locale, "place"), h(locale, "invited"),
                h(locale, "present"), h(locale, "late"), h(locale, "excused"), h(locale, "absent"), h(locale, "rate")));
        if (names) {
            headers.add(h(locale, "attendees"));
            headers.add(h(locale, "absentees"));
        }
        Map<YearMonth, List<List<Object>>> byMonth = new LinkedHashMap<>();
        Map<YearMonth, long[]> totals = new LinkedHashMap<>();
        // With names the roll-call of each meeting is read anyway and counted; without, one summary for all.
        Map<Long, RollCallSummary> summaries = names ? Map.of()
                : events.rollCallSummaries(held.stream().map(EventView::id).toList());
        for (EventView e : held) {
            YearMonth month = YearMonth.from(e.startsAt());
            long[] c;
            List<String> came = new ArrayList<>();
            List<String> away = new ArrayList<>();
            if (names) {
                c = new long[5];
                for (RollCallLine l : events.rollCall(e.id())) {
                    AttendanceStatus s = l.attendance() == null ? AttendanceStatus.ABSENT : l.attendance().status();
                    (s.attended() ? came : away).add(name.apply(l.personName()));
                    c[0]++;
                    c[switch (s) {
                        case PRESENT -> 1;
                        case LATE -> 2;
                        case EXCUSED -> 3;
                        default -> 4;
                    }]++;
                }
            } else {
                RollCallSummary summary = summaries.getOrDefault(e.id(), RollCallSummary.empty(e.id()));
                c = new long[]{summary.invited(), summary.present(), summary.late(), summary.excused(),
                        summary.absent()};
            }
            List<List<Object>> rows = byMonth.computeIfAbsent(month, m -> new ArrayList<>());
            List<Object> r = row(rows.size() + 1, e.startsAt().toLocalDate().toString(), e.organiserUnitName(),
                    e.typeName(locale), e.title(), e.hostName() == null ? "" : name.apply(e.hostName()),
                    e.place(), c[0], c[1], c[2], c[3], c[4], rate(c[1] + c[2], c[0]));
            if (names) {
                r.add(String.join("、", came));
                r.add(String.join("、", away));
            }
            rows.add(r);
            long[] t = totals.computeIfAbsent(month, m -> new long[5]);
            for (int i = 0; i < 5; i++) {
                t[i] += c[i];
            }
        }
        String title = text(locale, "evaluation.ledger." + kind.name());
        List<Sheet> sheets = new ArrayList<>();
        byMonth.forEach((month, rows) -> {
            long[] t = totals.get(month);
            sheets.add(new Sheet(month.toString(), title + " · " + unit.name() + " · " + month, headers, rows,
                    row(h(locale, "total"), rows.size(), "", "", "", "", "", t[0], t[1], t[2], t[3], t[4],
                            rate(t[1] + t[2], t[0]))));
        });
        return sheets;
    }

    private static String rate(long attended, long invited) {
        return invited == 0 ? "" : BigDecimal.valueOf(attended * 100).divide(BigDecimal.valueOf(invited), 1,
                RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private List<Sheet> lectures(OrgUnitView unit, Period period, Locale locale, Function<String, String> name) {
        List<String> headers = List.of(h(locale, "no"), h(locale, "date"), h(locale, "speaker"), h(locale, "branch"),
                h(locale, "type"), h(locale, "title"));
        Map<Long, String> branches = branchNames(unit);
        Map<Long, String> titles = new HashMap<>();
        Map<YearMonth, List<List<Object>>> byMonth = new LinkedHashMap<>();
        for (EvidenceQueries.Row r : evidence.rows(EnumSet.of(EvidenceKind.LECTURE_GIVEN), unit.path(),
                period.start(), period.end())) {
            List<List<Object>> rows = byMonth.computeIfAbsent(YearMonth.from(r.date()), m -> new ArrayList<>());
            rows.add(row(rows.size() + 1, r.date().toString(), name.apply(r.subjectName()),
                    branches.getOrDefault(r.branchId(), ""), r.typeCode(), title(r, titles)));
        }
        String title = text(locale, "evaluation.ledger.LECTURES");
        List<Sheet> sheets = new ArrayList<>();
        byMonth.forEach((month, rows) -> sheets.add(new Sheet(month.toString(),
                title + " · " + unit.name() + " · " + month, headers, rows, row(h(locale, "total"), rows.size()))));
        return sheets;
    }

    private List<Sheet> volunteers(OrgUnitView unit, Period period, Locale locale, Function<String, String> name) {
        List<String> headers = List.of(h(locale, "no"), h(locale, "name"), h(locale, "date"), h(locale, "title"),
                h(locale, "hours"), h(locale, "personTotal"));
        Map<Long, String> branches = branchNames(unit);
        Map<Long, List<EvidenceQueries.Row>> byBranch = new LinkedHashMap<>();
        for (EvidenceQueries.Row r : evidence.rows(EnumSet.of(EvidenceKind.VOLUNTEER_HOURS), unit.path(),
                period.start(), period.end())) {
            byBranch.computeIfAbsent(r.branchId() == null ? -1L : r.branchId(), b -> new ArrayList<>()).add(r);
        }
        String title = text(locale, "evaluation.ledger.VOLUNTEER_HOURS");
        Map<Long, String> titles = new HashMap<>();
        List<Sheet> sheets = new ArrayList<>();
        byBranch.forEach((branch, list) -> {
            list.sort(Comparator.comparing(EvidenceQueries.Row::subjectName).thenComparing(EvidenceQueries.Row::subjectId)
                    .thenComparing(EvidenceQueries.Row::date));
            Map<Long, BigDecimal> perPerson = new LinkedHashMap<>();
            list.forEach(r -> perPerson.merge(r.subjectId(), r.quantity(), BigDecimal::add));
            List<List<Object>> rows = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO;
            for (int i = 0; i < list.size(); i++) {
                EvidenceQueries.Row r = list.get(i);
                boolean last = i == list.size() - 1 || list.get(i + 1).subjectId() != r.subjectId();
                rows.add(row(i + 1, name.apply(r.subjectName()), r.date().toString(), title(r, titles),
                        plain(r.quantity()), last ? plain(perPerson.get(r.subjectId())) : ""));
                total = total.add(r.quantity());
            }
            String branchName = branches.getOrDefault(branch, text(locale, "evaluation.ledger.noBranch"));
            sheets.add(new Sheet(branchName, title + " · " + branchName + " · " + period.label(), headers, rows,
                    row(h(locale, "total"), perPerson.size(), "", "", plain(total))));
        });
        return sheets;
    }

    private List<Sheet> mentoring(OrgUnitView unit, Period period, Locale locale, Function<String, String> name) {
        List<String> headers = List.of(h(locale, "no"), h(locale, "date"), h(locale, "kind"), h(locale, "name"),
                h(locale, "branch"), h(locale, "score"));
        Map<Long, String> branches = branchNames(unit);
        Map<YearMonth, List<List<Object>>> byMonth = new LinkedHashMap<>();
        Map<YearMonth, long[]> counts = new LinkedHashMap<>();
        for (EvidenceQueries.Row r : evidence.rows(EnumSet.of(EvidenceKind.HELP_RECORD, EvidenceKind.CHECK_IN),
                unit.path(), period.start(), period.end())) {
            YearMonth month = YearMonth.from(r.date());
            List<List<Object>> rows = byMonth.computeIfAbsent(month, m -> new ArrayList<>());
            boolean checkIn = r.kind() == EvidenceKind.CHECK_IN;
            rows.add(row(rows.size() + 1, r.date().toString(), text(locale, "evaluation.kind." + r.kind().name()),
                    name.apply(r.subjectName()), branches.getOrDefault(r.branchId(), ""),
                    checkIn ? plain(r.quantity()) : ""));
            counts.computeIfAbsent(month, m -> new long[2])[checkIn ? 1 : 0]++;
        }
        String title = text(locale, "evaluation.ledger.MENTORING");
        List<Sheet> sheets = new ArrayList<>();
        byMonth.forEach((month, rows) -> {
            long[] c = counts.get(month);
            sheets.add(new Sheet(month.toString(), title + " · " + unit.name() + " · " + month, headers, rows,
                    row(h(locale, "total"), rows.size(), text(locale, "evaluation.ledger.mentoringTotals", c[0], c[1]))));
        });
        return sheets;
    }

    private Map<Long, String> branchNames(OrgUnitView unit) {
        Map<Long, String> names = new LinkedHashMap<>();
        evidence.branches(unit.path()).forEach(b -> names.put(b.id(), b.name()));
        evaluation.units().forEach(u -> names.putIfAbsent(u.id(), u.name()));
        return names;
    }

    /** The title of the event a row comes from, each event read once per ledger (many rows share one event). */
    private String title(EvidenceQueries.Row r, Map<Long, String> titles) {
        if (r.sourceKind() != SourceKind.EVENT) {
            return "";
        }
        return titles.computeIfAbsent(r.sourceId(), id -> {
            try {
                return events.get(id).title();
            } catch (RuntimeException notVisible) {
                return "";
            }
        });
    }

    private String h(Locale locale, String column) {
        return text(locale, "evaluation.ledger.column." + column);
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
