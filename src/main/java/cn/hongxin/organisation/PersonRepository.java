package cn.hongxin.organisation;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface PersonRepository extends JpaRepository<Person, Long>, JpaSpecificationExecutor<Person> {

    boolean existsByIdNumberHashAndIdNot(String idNumberHash, Long id);

    boolean existsByStaffNoAndIdNot(String staffNo, Long id);

    Optional<Person> findByStaffNo(String staffNo);
}
