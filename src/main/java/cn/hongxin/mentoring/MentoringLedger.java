package cn.hongxin.mentoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hongxin.organisation.PersonPlacements;
import cn.hongxin.security.CurrentUser;
import cn.hongxin.security.CurrentUsers;
import cn.hongxin.security.Permission;

/**
 * The pairs as other modules' ledgers (the evaluation) need them: one row per pair with names, unit, dates,
 * state, help records per month, the number of check-ins and the first and last overall score. Nothing of the
 * sensitive content, so reading it is not audited.
 */
@Service
public class MentoringLedger {

    private final PairStore store;
    private final PersonPlacements placements;
    private final CurrentUsers currentUsers;

    MentoringLedger(PairStore store, PersonPlacements placements, CurrentUsers currentUsers) {
        this.store = store;
        this.placements = placements;
        this.currentUsers = currentUsers;
    }

    /**
     * The pairs whose lead's branch lies in the signed-in account's scope; needs mentoring:manage or
     * evaluation:view.
     */
    @Transactional(readOnly = true)
    public List<MentoringLedgerRow> visibleRows() {
        CurrentUser user = currentUsers.require();
        if (!user.has(Permission.MENTORING_MANAGE) && !user.has(Permission.EVALUATION_VIEW)) {
            throw new AccessDeniedException("missing permission mentoring:manage or evaluation:view");
        }
        return rowsWithin(placements.scopePrefix(user));
    }

    /**
     * The pairs whose lead's branch path starts with {@code orgPathPrefix} (empty: all). Checks no permission:
     * the calling module applies its own.
     */
    @Transactional(readOnly = true)
    public List<MentoringLedgerRow> rowsWithin(String orgPathPrefix) {
        List<StoredPair> pairs = store.pairsWithin(orgPathPrefix == null ? "" : orgPathPrefix);
        List<Long> ids = pairs.stream().map(StoredPair::id).toList();
        Map<Long, TreeMap<YearMonth, Integer>> months = new HashMap<>();
        for (Map.Entry<Long, LocalDate> e : store.helpDatesOf(ids)) {
            months.computeIfAbsent(e.getKey(), k -> new TreeMap<>()).merge(YearMonth.from(e.getValue()), 1, Integer::sum);
        }
        Map<Long, List<BigDecimal>> scores = new HashMap<>();
        for (PairStore.StoredCheckIn c : store.checkInsOf(ids)) {
            scores.computeIfAbsent(c.pairId(), k -> new ArrayList<>()).add(c.score());
        }
        return pairs.stream().map(p -> {
            List<MentoringLedgerRow.MonthCount> byMonth = months.getOrDefault(p.id(), new TreeMap<>()).entrySet()
                    .stream().map(m -> new MentoringLedgerRow.MonthCount(m.getKey().toString(), m.getValue())).toList();
            List<BigDecimal> s = scores.getOrDefault(p.id(), List.of());
            return new MentoringLedgerRow(p.id(), p.studentName(), p.studentUnitName(), p.leadName(), p.partnerName(),
                    p.leadUnitName(), p.startedOn(), p.closedOn(), p.state(), byMonth, s.size(),
                    s.isEmpty() ? null : s.get(0), s.isEmpty() ? null : s.get(s.size() - 1));
        }).toList();
    }
}
