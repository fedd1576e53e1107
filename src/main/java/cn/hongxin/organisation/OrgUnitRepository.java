package cn.hongxin.organisation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OrgUnitRepository extends JpaRepository<OrgUnit, Long> {

    @Query("select u from OrgUnit u where u.path like concat(:prefix, '%') order by u.path")
    List<OrgUnit> findSubtree(String prefix);

    List<OrgUnit> findByParentIdIsNull();

    boolean existsByParentId(Long parentId);

    long countByUnitType(OrgUnitType type);
}
