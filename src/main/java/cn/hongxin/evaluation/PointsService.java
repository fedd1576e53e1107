package cn.hongxin.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hongxin.brand.EvidenceKind;
import cn.hongxin.brand.PeriodKind;
import cn.hongxin.compliance.EvidenceQueries;
import cn.hongxin.compliance.Period;
import cn.hongxin.compliance.SourceKind;
import cn.hongxin.evaluation.PointsViews.MemberPoints;
import cn.hongxin.evaluation.PointsViews.PointRule;
import cn.hongxin.evaluation.PointsViews.Profile;
import cn.hongxin.evaluation.PointsViews.Ranking;
import cn.hongxin.evaluation.PointsViews.TimelineEntry;
import cn.hongxin.events.EventService;
import cn.hongxin.events.EventTypeService;
import cn.hongxin.events.EventTypeView;
import cn.hongxin.organisation.OrgUnitView;
import cn.hongxin.security.AuditAction;
import cn.hongxin.security.AuditOutcome;
import cn.hongxin.security.AuditTrail;
import cn.hongxin.security.CurrentUser;
import cn.hongxin.security.CurrentUsers;
import cn.hongxin.security.Permission;
import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.NotFoundException;
import cn.hongxin.shared.UserFacingException;

/**
 * Member points (积分) from the evidence ledger by the points table: each row of evidence earns its rule's points,
 * but never more than the rule's cap per person and cap period, so repeating a cheap act earns nothing past the
 * cap. A member's points and rank within their branch, a branch's ranking, and a member's timeline. The ranking and
 * other members' profiles need {@code evaluation:view} inside the caller's scope; every member sees their own.
 * Changing the table needs {@code brand:edit} (it belongs to the programme) and is audited.
 */
@Service
public class PointsService {

    static final BigDecimal MAX_POINTS = new BigDecimal("1000");

    private final PointRules rules;
    private final EvidenceQueries evidence;
    private final EvaluationPeriods periods;
    private final EvaluationService evaluation;
    private final EventService events;
    private final EventTypeService eventTypes;
    private final CurrentUsers currentUsers;
    private final AuditTrail audit;
    private final MessageSource messages;

    PointsService(PointRules rules, EvidenceQueries evidence, EvaluationPeriods periods, EvaluationService evaluation,
                  EventService events, EventTypeService eventTypes, CurrentUsers currentUsers, AuditTrail audit,
                  MessageSource messages) {
        this.rules = rules;
        this.evidence = evidence;
        this.periods = periods;
        this.evaluation = evaluation;
        this.events = events;
        this.eventTypes = eventTypes;
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.messages = messages;
    }

    /** The points table, for those who view the evaluation or edit the brand (who change the table). */
    @Transactional(readOnly = true)
    public List<PointRule> rules() {
        CurrentUser me = currentUsers.require();
        if (!me.has(Permission.EVALUATION_VIEW) && !me.has(Permission.BRAND_EDIT)) {
            throw new AccessDeniedException("missing permission " + Permission.EVALUATION_VIEW.authority());
        }
        return rules.all();
    }

    /** Changes a rule's points, cap and cap period. */
    @Transactional
    public void updateRule(long id, BigDecimal points, BigDecimal cap, PeriodKind capPeriod) {
        currentUsers.require(Permission.BRAND_EDIT);
        PointRule before = rules.find(id).orElseThrow(() -> new NotFoundException("point rule", id));
        List<FieldProblem> problems = new ArrayList<>();
        if (points == null || points.signum() < 0 || points.compareTo(MAX_POINTS) > 0 || points.scale() > 2) {
            problems.add(new FieldProblem("points", "evaluation.points.rule.points"));
        }
        if (cap != null && (cap.signum() <= 0 || cap.compareTo(MAX_POINTS.multiply(BigDecimal.TEN)) > 0
                || cap.scale() > 2)) {
            problems.add(new FieldProblem("cap", "evaluation.points.rule.cap"));
        }
        if (capPeriod == null) {
            problems.add(new FieldProblem("capPeriod", "evaluation.points.rule.capPeriod"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        rules.update(id, points, cap, capPeriod);
        audit.record(AuditAction.UPDATE, "evaluation_point_rule", id, AuditOutcome.SUCCESS,
                before.kind() + (before.typeCode() == null ? "" : "/" + before.typeCode()) + ": " + before.points()
                        + "/" + before.cap() + "/" + before.capPeriod() + " -> " + points + "/" + cap + "/" + capPeriod);
    }

    /** The members of a unit's subtree by points in the semester containing a day, ranked within their branches. */
    @Transactional(readOnly = true)
    public Ranking ranking(Long unitId, LocalDate on) {
        OrgUnitView unit = evaluation.unit(unitId);
        Period period = evaluation.semester(on);
        List<MemberPoints> members = score(unit.path(), period);
        return new Ranking(period, unit.id(), unit.name(), members);
    }

    /**
     * Another member's profile (inside the caller's scope). Not one transaction: an event the caller may not see
     * is refused by the events module, and that refusal must not roll back the rest.
     */
    public Profile profile(long personId, LocalDate on) {
        OrgUnitView scope = evaluation.unit(null);
        EvidenceQueries.Person person = evidence.person(personId).filter(p -> p.within(scope.path()))
                .orElseThrow(() -> new NotFoundException("person", personId));
        return profileOf(person, evaluation.semester(on), false);
    }

    private Profile profileOf(EvidenceQueries.Person person, Period period, boolean own) {
        Optional<EvidenceQueries.Branch> branch = person.branchId() == null ? Optional.empty()
                : evidence.unit(person.branchId());
        MemberPoints points;
        Map<Long, BigDecimal> awards = new HashMap<>();
        if (branch.isPresent()) {
            points = score(branch.get().path(), period, awards).stream().filter(m -> m.personId() == person.id())
                    .findFirst().orElse(null);
        } else {
            points = null;
        }
        return profileOf(person, period, own, points, awards);
    }

    /** The profile from points already scored (null: score the person alone) and the awards of their rows. */
    private Profile profileOf(EvidenceQueries.Person person, Period period, boolean own, MemberPoints scored,
                              Map<Long, BigDecimal> awards) {
        MemberPoints points = scored;
        if (points == null) {
            List<EvidenceQueries.Row> rows = evidence.ofPerson(person.id(), capStart(period), period.end());
            Map<Long, BigDecimal> own1 = award(rows, rules.all(), period);
            awards.putAll(own1);
            BigDecimal total = rows.stream().filter(r -> period.contains(r.date()))
                    .map(r -> own1.getOrDefault(r.id(), BigDecimal.ZERO)).reduce(BigDecimal.ZERO, BigDecimal::add);
            points = new MemberPoints(person.id(), person.name(), person.branchId(), null, total, 1, 1);
        }
        Map<String, EventTypeView> types = eventTypes.all().stream()
                .collect(Collectors.toMap(EventTypeView::code, t -> t, (a, b) -> a));
        Locale locale = LocaleContextHolder.getLocale();
        List<TimelineEntry> timeline = new ArrayList<>();
        for (EvidenceQueries.Row r : evidence.ofPerson(person.id(), period.start(), period.end())) {
            timeline.add(new TimelineEntry(r.date(), r.kind(), r.typeCode(), typeName(r, types, locale), title(r),
                    r.quantity(), awards.getOrDefault(r.id(), BigDecimal.ZERO), link(r, own)));
        }
        timeline.sort(Comparator.comparing(TimelineEntry::date).reversed());
        return new Profile(period, points, timeline);
    }

    private String typeName(EvidenceQueries.Row r, Map<String, EventTypeView> types, Locale locale) {
        if (r.typeCode() == null) {
            return null;
        }
        if (r.kind() == EvidenceKind.SUBMISSION_VERIFIED || r.sourceKind() == SourceKind.SUBMISSION) {
            return messages.getMessage("enum.SubmissionKind." + r.typeCode(), null, r.typeCode(), locale);
        }
        EventTypeView t = types.get(r.typeCode());
        return t == null ? r.typeCode() : t.name(locale);
    }

    private String title(EvidenceQueries.Row r) {
        if (r.sourceKind() != SourceKind.EVENT) {
            return null;
        }
        try {
            return events.get(r.sourceId()).title();
        } catch (RuntimeException notVisible) {
            return null;
        }
    }

    private static String link(EvidenceQueries.Row r, boolean own) {
        return switch (r.sourceKind()) {
            case EVENT -> "/events/" + r.sourceId();
            case SUBMISSION -> own ? "/me/submissions" : "/submissions/review";
            default -> null;
        };
    }

    List<MemberPoints> score(String path, Period period) {
        return score(path, period, new HashMap<>());
    }

    /** Every active person of the subtree with their points in the period and rank within their branch. */
    List<MemberPoints> score(String path, Period period, Map<Long, BigDecimal> awardsOut) {
        List<PointRule> table = rules.all();
        Set<EvidenceKind> kinds = table.stream().map(PointRule::kind)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(EvidenceKind.class)));
        List<EvidenceQueries.Row> rows = kinds.isEmpty() ? List.of()
                : evidence.rows(kinds, path, capStart(period), period.end()).stream()
                .filter(r -> !r.subjectUnit()).toList();
        Map<Long, BigDecimal> awards = award(rows, table, period);
        awardsOut.putAll(awards);
        Map<Long, BigDecimal> totals = new HashMap<>();
        for (EvidenceQueries.Row r : rows) {
            if (period.contains(r.date())) {
                totals.merge(r.subjectId(), awards.getOrDefault(r.id(), BigDecimal.ZERO), BigDecimal::add);
            }
        }
        Map<Long, String> branchNames = evidence.branches(path).stream()
                .collect(Collectors.toMap(EvidenceQueries.Branch::id, EvidenceQueries.Branch::name));
        List<EvidenceQueries.Person> persons = evidence.persons(path);
        Map<Long, List<EvidenceQueries.Person>> byBranch = new LinkedHashMap<>();
        persons.forEach(p -> byBranch.computeIfAbsent(p.branchId() == null ? -1L : p.branchId(),
                b -> new ArrayList<>()).add(p));
        List<MemberPoints> result = new ArrayList<>();
        byBranch.forEach((branch, members) -> {
            List<EvidenceQueries.Person> sorted = new ArrayList<>(members);
            sorted.sort(Comparator.comparing((EvidenceQueries.Person p) -> totals.getOrDefault(p.id(), BigDecimal.ZERO))
                    .reversed());
            int rank = 0;
            BigDecimal previous = null;
            for (int i = 0; i < sorted.size(); i++) {
                EvidenceQueries.Person p = sorted.get(i);
                BigDecimal points = totals.getOrDefault(p.id(), BigDecimal.ZERO);
                if (previous == null || points.compareTo(previous) != 0) {
                    rank = i + 1;
                    previous = points;
                }
                result.add(new MemberPoints(p.id(), p.name(), p.branchId(),
                        branch < 0 ? null : branchNames.get(branch), points, rank, sorted.size()));
            }
        });
        return result;
    }

    /** Year caps count from the academic year's start, so the points earned earlier that year use them up. */
    private LocalDate capStart(Period period) {
        return periods.exactly(PeriodKind.YEAR, period.start()).map(Period::start)
                .filter(s -> s.isBefore(period.start())).orElse(period.start());
    }

    /** The points each row of evidence earns (by row id), oldest first, after the caps. */
    Map<Long, BigDecimal> award(List<EvidenceQueries.Row> rows, List<PointRule> table, Period period) {
        List<EvidenceQueries.Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(EvidenceQueries.Row::date).thenComparing(EvidenceQueries.Row::id));
        Map<String, BigDecimal> used = new HashMap<>();
        Map<Long, BigDecimal> awards = new HashMap<>();
        for (EvidenceQueries.Row r : sorted) {
            PointRule rule = ruleFor(table, r);
            if (rule == null) {
                continue;
            }
            BigDecimal points = rule.perUnit() ? rule.points().multiply(r.quantity()) : rule.points();
            if (rule.cap() != null) {
                String key = r.subjectId() + "|" + rule.id() + "|" + capKey(rule.capPeriod(), r.date(), period);
                BigDecimal so = used.getOrDefault(key, BigDecimal.ZERO);
                BigDecimal left = rule.cap().subtract(so).max(BigDecimal.ZERO);
                points = points.min(left);
                used.put(key, so.add(points));
            }
            awards.put(r.id(), points);
        }
        return awards;
    }

    static PointRule ruleFor(List<PointRule> table, EvidenceQueries.Row r) {
        PointRule any = null;
        for (PointRule rule : table) {
            if (rule.kind() == r.kind()) {
                if (rule.typeCode() != null && rule.typeCode().equals(r.typeCode())) {
                    return rule;
                }
                if (rule.typeCode() == null) {
                    any = rule;
                }
            }
        }
        return any;
    }

    private String capKey(PeriodKind kind, LocalDate date, Period period) {
        return switch (kind) {
            case MONTH -> YearMonth.from(date).toString();
            case QUARTER -> date.getYear() + "Q" + ((date.getMonthValue() - 1) / 3);
            case SEMESTER -> period.kind() == PeriodKind.SEMESTER && period.contains(date) ? period.label()
                    : periods.exactly(PeriodKind.SEMESTER, date).map(Period::label).orElse("before");
            case YEAR -> periods.exactly(PeriodKind.YEAR, date).map(Period::label).orElse(String.valueOf(date.getYear()));
        };
    }

    /** The periods a member may choose relative to a day (today when none), those the calendar knows. */
    public List<PointsViews.PeriodOption> periodOptions(LocalDate on) {
        LocalDate day = on == null ? LocalDate.now() : on;
        List<PointsViews.PeriodOption> options = new ArrayList<>();
        for (PointsViews.PeriodChoice c : PointsViews.PeriodChoice.values()) {
            periods.choose(c, day).ifPresent(p -> options.add(new PointsViews.PeriodOption(c, p.label(), p.start(),
                    p.end())));
        }
        return options;
    }

    /**
     * The signed-in member's own points for the chosen period (the semester by default) relative to a day (today
     * by default): points, rank in the branch and in the general branch (the branch's parent organisation), the
     * timeline. Empty for an account without a person; a period the calendar does not have is refused.
     */
    public Optional<PointsViews.MyPoints> myPoints(PointsViews.PeriodChoice choice, LocalDate on) {
        CurrentUser me = currentUsers.require();
        PointsViews.PeriodChoice c = choice == null ? PointsViews.PeriodChoice.SEMESTER : choice;
        LocalDate day = on == null ? LocalDate.now() : on;
        Period period = periods.choose(c, day).orElseThrow(() -> new UserFacingException(
                "evaluation.period.unavailable", messages.getMessage("evaluation.choice." + c.name(), null, c.name(),
                LocaleContextHolder.getLocale()), day.toString()));
        if (me.personId() == null) {
            return Optional.empty();
        }
        Optional<EvidenceQueries.Person> person = evidence.person(me.personId());
        if (person.isEmpty()) {
            return Optional.empty();
        }
        Optional<EvidenceQueries.Branch> general = generalBranchOf(person.get());
        PointsViews.UnitRank generalRank = null;
        Profile profile;
        if (general.isPresent()) {
            Map<Long, BigDecimal> awards = new HashMap<>();
            List<MemberPoints> all = score(general.get().path(), period, awards);
            MemberPoints mine = all.stream().filter(m -> m.personId() == me.personId()).findFirst().orElse(null);
            profile = profileOf(person.get(), period, true, mine, awards);
            BigDecimal points = profile.points().points();
            int rank = 1 + (int) all.stream().filter(m -> m.points().compareTo(points) > 0).count();
            generalRank = new PointsViews.UnitRank(general.get().id(), general.get().name(), rank,
                    Math.max(all.size(), rank));
        } else {
            profile = profileOf(person.get(), period, true);
        }
        return Optional.of(new PointsViews.MyPoints(c, periodOptions(day), profile, generalRank));
    }

    /** The parent organisation of the person's branch (the general branch), if the person has a branch. */
    private Optional<EvidenceQueries.Branch> generalBranchOf(EvidenceQueries.Person person) {
        if (person.branchId() == null) {
            return Optional.empty();
        }
        return evidence.unit(person.branchId()).flatMap(b -> {
            String[] ids = b.path().split("/");
            // "/1/4/9/" splits into "", "1", "4", "9": the parent is the one before the branch's own id
            return ids.length < 3 ? Optional.<EvidenceQueries.Branch>empty()
                    : evidence.unit(Long.parseLong(ids[ids.length - 2]));
        });
    }
}
