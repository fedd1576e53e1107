package cn.hongxin.submissions;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hongxin.files.FileAccessPolicy;
import cn.hongxin.files.StoredFile;
import cn.hongxin.organisation.PersonPlacements;
import cn.hongxin.security.CurrentUser;
import cn.hongxin.security.Permission;

/**
 * The files of submissions (poster photos, essay files) may be read by the submitter and by reviewers
 * ({@code submission:review}) whose data scope holds the submitter, the same people who may see the
 * submission itself.
 */
@Component
class SubmissionFileAccess implements FileAccessPolicy {

    private final JdbcClient jdbc;
    private final SubmissionRepository submissions;
    private final PersonPlacements placements;

    SubmissionFileAccess(JdbcClient jdbc, SubmissionRepository submissions, PersonPlacements placements) {
        this.jdbc = jdbc;
        this.submissions = submissions;
        this.placements = placements;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean canRead(StoredFile file, CurrentUser user) {
        List<long[]> rows = jdbc.sql("select id, person_id from submission where file_id = ?").param(file.id())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        if (rows.isEmpty()) {
            return false;
        }
        if (user.personId() != null && rows.stream().anyMatch(r -> r[1] == user.personId())) {
            return true;
        }
        if (!user.has(Permission.SUBMISSION_REVIEW)) {
            return false;
        }
        String prefix = placements.scopePrefix(user);
        return rows.stream().anyMatch(r -> submissions.exists(SubmissionService.under(prefix)
                .and((root, q, cb) -> cb.equal(root.get("id"), r[0]))));
    }
}
