package cn.hongxin.organisation;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A node of the org tree. {@code path} is the chain of ids from the root ("/1/4/9/"), so a subtree is
 * one indexed prefix match.
 */
@Entity
@Table(name = "org_unit")
class OrgUnit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long parentId;
    private String path;
    private String name;
    private String shortName;
    @Enumerated(EnumType.STRING)
    private OrgUnitType unitType;
    @Enumerated(EnumType.STRING)
    private BranchKind branchKind;
    private int sortOrder;
    private LocalDate establishedOn;
    private Instant createdAt;
    @Version
    private long version;

    protected OrgUnit() {
    }

    OrgUnit(Long parentId, String name, String shortName, OrgUnitType unitType, BranchKind branchKind,
            int sortOrder, LocalDate establishedOn) {
        this.parentId = parentId;
        this.name = name;
        this.shortName = shortName;
        this.unitType = unitType;
        this.branchKind = branchKind;
        this.sortOrder = sortOrder;
        this.establishedOn = establishedOn;
        this.createdAt = Instant.now();
        this.path = "/";
    }

    /** Called once the id is known. */
    void placeUnder(String parentPath) {
        this.path = (parentPath == null ? "/" : parentPath) + id + "/";
    }

    void rename(String name, String shortName, BranchKind branchKind, int sortOrder, LocalDate establishedOn) {
        this.name = name;
        this.shortName = shortName;
        this.branchKind = branchKind;
        this.sortOrder = sortOrder;
        this.establishedOn = establishedOn;
    }

    OrgUnitView toView() {
        return new OrgUnitView(id, parentId, path, name, shortName, unitType, branchKind, sortOrder, establishedOn);
    }

    Long getId() { return id; }
    Long getParentId() { return parentId; }
    String getPath() { return path; }
    String getName() { return name; }
    OrgUnitType getUnitType() { return unitType; }
}
