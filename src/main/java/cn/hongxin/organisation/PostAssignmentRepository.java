package cn.hongxin.organisation;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface PostAssignmentRepository extends JpaRepository<PostAssignment, Long> {

    List<PostAssignment> findByPersonIdOrderBySinceDesc(Long personId);

    List<PostAssignment> findByPersonIdInAndUntilIsNull(Collection<Long> personIds);

    List<PostAssignment> findByOrgUnitIdAndUntilIsNull(Long orgUnitId);
}
