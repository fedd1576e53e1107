package cn.hongxin.organisation;

import java.time.LocalDate;

/** An org unit as pages and the API show it. */
public record OrgUnitView(long id, Long parentId, String path, String name, String shortName, OrgUnitType unitType,
                          BranchKind branchKind, int sortOrder, LocalDate establishedOn) {

    /** Depth below the root (the root is 0). */
    public int depth() {
        return (int) path.chars().filter(c -> c == '/').count() - 2;
    }
}
