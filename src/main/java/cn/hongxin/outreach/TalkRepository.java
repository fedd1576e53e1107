package cn.hongxin.outreach;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface TalkRepository extends JpaRepository<Talk, Long> {

    Optional<Talk> findByCreatedByAndClientRequestId(String createdBy, String clientRequestId);
}
