package cn.hongxin.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.hongxin.brand.IndicatorDefinition;
import cn.hongxin.brand.IndicatorSelector;
import cn.hongxin.brand.IndicatorUnit;
import cn.hongxin.compliance.EvidenceQueries;
import cn.hongxin.compliance.EvidenceQueries.PersonFilter;
import cn.hongxin.compliance.Period;
import cn.hongxin.events.EventService;
import cn.hongxin.events.EventState;
import cn.hongxin.events.EventView;
import cn.hongxin.events.ResolutionState;
import cn.hongxin.events.ResolutionView;
import cn.hongxin.organisation.OrgUnitView;

/**
 * Computes an indicator's value for one period and org subtree from its formula: the numerator's aggregate, or
 * numerator over denominator (times 100 for a percentage), rounded to one decimal; null when the denominator is
 * zero (nothing to compare). Evidence aggregates read the ledger, event aggregates the events module, population
 * aggregates the organisation's people. One calculator serves one request: it keeps the events it read.
 */
@Component
class IndicatorCalculator {

    private static final ZoneId ZONE = EventService.ZONE;

    private final EvidenceQueries evidence;
    private final EventFacts events;
    private final EventService eventService;

    IndicatorCalculator(EvidenceQueries evidence, EventFacts events, EventService eventService) {
        this.evidence = evidence;
        this.events = events;
        this.eventService = eventService;
    }

    /** A calculation context: the events read once per unit and range. */
    final class Run {
        private final Map<String, List<EventView>> eventCache = new HashMap<>();
        private final Map<Long, List<ResolutionView>> resolutionCache = new HashMap<>();
        private final LocalDate today;

        Run(LocalDate today) {
            this.today = today;
        }

        BigDecimal value(IndicatorDefinition d, Period period, OrgUnitView unit) {
            BigDecimal n = side(d.numerator(), period, unit);
            if (d.denominator() == null) {
                return n.setScale(1, RoundingMode.HALF_UP);
            }
            BigDecimal den = side(d.denominator(), period, unit);
            if (den.signum() == 0) {
                return null;
            }
            BigDecimal ratio = n.divide(den, 6, RoundingMode.HALF_UP);
            if (d.unit() == IndicatorUnit.PERCENT) {
                ratio = ratio.multiply(BigDecimal.valueOf(100));
            }
            return ratio.setScale(1, RoundingMode.HALF_UP);
        }

        BigDecimal side(IndicatorSelector s, Period period, OrgUnitView unit) {
            PersonFilter persons = PersonFilter.valueOf(s.subjects().name());
            LocalDate from = period.start();
            LocalDate to = period.end();
            return switch (s.aggregate()) {
                case COUNT -> evidence.aggregate(EvidenceQueries.Aggregate.COUNT, s.kind(), s.types(), persons,
                        unit.path(), from, to);
                case SUM -> evidence.aggregate(EvidenceQueries.Aggregate.SUM, s.kind(), s.types(), persons,
                        unit.path(), from, to);
                case DISTINCT_SUBJECTS -> evidence.aggregate(EvidenceQueries.Aggregate.DISTINCT_SUBJECTS, s.kind(),
                        s.types(), persons, unit.path(), from, to);
                case IMPROVED -> BigDecimal.valueOf(evidence.improved(s.kind(), s.types(), persons, unit.path(),
                        from, to));
                case PARTY_MEMBERS -> BigDecimal.valueOf(evidence.people(PersonFilter.PARTY_MEMBERS, unit.path()));
                case PEOPLE -> BigDecimal.valueOf(evidence.people(persons, unit.path()));
                case BRANCHES -> BigDecimal.valueOf(evidence.branches(unit.path()).size());
                case EVENTS_PLANNED -> BigDecimal.valueOf(events(unit, from, planEnd(to)).stream()
                        .filter(e -> typed(s, e)).count());
                case EVENTS_INVITED -> BigDecimal.valueOf(events(unit, from, to).stream()
                        .filter(e -> typed(s, e) && e.state() == EventState.DONE)
                        .mapToLong(EventView::invitedCount).sum());
                case RESOLUTIONS_DUE -> BigDecimal.valueOf(resolutionsDue(s, period, unit).size());
                case RESOLUTIONS_ON_TIME -> BigDecimal.valueOf(resolutionsDue(s, period, unit).stream()
                        .filter(r -> r.state() == ResolutionState.DONE && r.doneAt() != null
                                && !r.doneAt().isAfter(r.dueOn().plusDays(1).atTime(LocalTime.MIDNIGHT)
                                .atZone(ZONE).toInstant()))
                        .count());
            };
        }

        /** The plan counts what was scheduled up to today (a meeting planned for next month is not missed yet). */
        private LocalDate planEnd(LocalDate to) {
            return to.isAfter(today) ? today : to;
        }

        private List<ResolutionView> resolutionsDue(IndicatorSelector s, Period period, OrgUnitView unit) {
            List<EventView> held = events(unit, period.start().minusYears(1), period.end()).stream()
                    .filter(e -> typed(s, e) && e.state() == EventState.DONE).toList();
            Map<Long, List<ResolutionView>> byEvent = resolutions(held.stream().map(EventView::id).toList());
            return held.stream()
                    .flatMap(e -> byEvent.getOrDefault(e.id(), List.of()).stream())
                    .filter(r -> r.dueOn() != null && period.contains(r.dueOn()) && !r.dueOn().isAfter(today))
                    .toList();
        }

        /** The resolutions of the events, those not read yet in this run read at once. */
        private Map<Long, List<ResolutionView>> resolutions(List<Long> eventIds) {
            List<Long> missing = eventIds.stream().filter(id -> !resolutionCache.containsKey(id)).distinct().toList();
            if (!missing.isEmpty()) {
                Map<Long, List<ResolutionView>> read = eventService.resolutionsOf(missing);
                missing.forEach(id -> resolutionCache.put(id, read.getOrDefault(id, List.of())));
            }
            return resolutionCache;
        }

        private List<EventView> events(OrgUnitView unit, LocalDate from, LocalDate to) {
            return eventCache.computeIfAbsent(unit.id() + ":" + from + ":" + to,
                    k -> events.between(unit.id(), from, to).stream()
                            .filter(e -> e.state() != EventState.CANCELLED).toList());
        }

        private boolean typed(IndicatorSelector s, EventView e) {
            return s.types().isEmpty() || s.types().contains(e.type().code());
        }
    }

    Run run(LocalDate today) {
        return new Run(today);
    }
}
