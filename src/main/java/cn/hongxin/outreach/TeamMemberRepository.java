package cn.hongxin.outreach;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TeamMemberRepository extends JpaRepository<TeamMember, Long> {

    @Query("select m from TeamMember m where m.unitPath like concat(:prefix, '%') order by m.id asc")
    List<TeamMember> findUnder(@Param("prefix") String prefix);

    Optional<TeamMember> findByUnitIdAndPersonId(long unitId, long personId);

    List<TeamMember> findByUnitIdAndTeamRoleAndActiveTrue(long unitId, TeamRole role);
}
