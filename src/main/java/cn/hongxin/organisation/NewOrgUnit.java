package cn.hongxin.organisation;

import java.time.LocalDate;

/** The form and API body for creating or editing an org unit. */
public record NewOrgUnit(Long parentId, String name, String shortName, OrgUnitType unitType, BranchKind branchKind,
                         Integer sortOrder, LocalDate establishedOn) {
}
