package cn.hongxin.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hongxin.security.ScopeUnits;

/** Gives account management the org units a data scope can be set to. */
@Component
class OrgScopeUnits implements ScopeUnits {

    private final OrgUnitService service;
    private final OrgUnitRepository units;

    OrgScopeUnits(OrgUnitService service, OrgUnitRepository units) {
        this.service = service;
        this.units = units;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ScopeUnit> assignable() {
        List<OrgUnitView> tree = service.tree();
        int top = tree.stream().mapToInt(OrgUnitView::depth).min().orElse(0);
        return tree.stream().map(u -> new ScopeUnit(u.id(), u.name(), u.depth() - top)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, String> names(Collection<Long> ids) {
        return units.findAllById(ids).stream().collect(Collectors.toMap(OrgUnit::getId, OrgUnit::getName));
    }
}
