package cn.hongxin.organisation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface StatusChangeRepository extends JpaRepository<StatusChange, Long> {

    List<StatusChange> findByPersonIdOrderByEffectiveOnAscIdAsc(Long personId);
}
