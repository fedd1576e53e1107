package cn.hongxin.events;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface LectureMaterialRepository extends JpaRepository<LectureMaterial, Long> {

    List<LectureMaterial> findByEventIdOrderByIdAsc(long eventId);

    boolean existsByEventIdAndFileId(long eventId, long fileId);
}
