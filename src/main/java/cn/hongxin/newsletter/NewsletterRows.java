package cn.hongxin.newsletter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The newsletter tables, in plain SQL (portable to H2 and PostgreSQL). */
@Repository
class NewsletterRows {

    private static final String ISSUE_COLUMNS = "id, unit_id, unit_path, unit_name, title, state, period_from, period_to,"
            + " editor_name, issue_year, issue_number, issued_on, signed_by, report_to, send_to, copy_to,"
            + " return_comment, version";

    private final JdbcClient jdbc;

    NewsletterRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An issue row without its sections. */
    record IssueRow(long id, long unitId, String unitPath, String unitName, String title, NewsletterState state,
                    LocalDate periodFrom, LocalDate periodTo, String editorName, Integer year, Integer number,
                    LocalDate issuedOn, String signedBy, String reportTo, String sendTo, String copyTo,
                    String returnComment, long version) {

        NewsletterSummary summary() {
            return new NewsletterSummary(id, unitId, unitName, title, state, year, number, periodFrom, periodTo,
                    issuedOn, editorName);
        }
    }

    long insertIssue(long unitId, String unitPath, String unitName, String title, LocalDate from, LocalDate to,
                     String editorName, Long editorAccount, String reportTo, String sendTo, String copyTo) {
        KeyHolder keys = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into newsletter_issue (unit_id, unit_path, unit_name, title, state, period_from, period_to,"
                        + " editor_name, editor_account, report_to, send_to, copy_to, created_at, updated_at, version)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
                .params(unitId, unitPath, unitName, title, NewsletterState.DRAFT.name(), from, to, editorName,
                        editorAccount, reportTo, sendTo, copyTo, now, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<IssueRow> findIssue(long id) {
        return jdbc.sql("select " + ISSUE_COLUMNS + " from newsletter_issue where id = ?").param(id)
                .query(NewsletterRows::issue).optional();
    }

    /** Issues whose unit lies under the prefix, newest first; year and state optional. */
    List<IssueRow> issues(String pathPrefix, Integer year, NewsletterState state) {
        StringBuilder sql = new StringBuilder("select " + ISSUE_COLUMNS + " from newsletter_issue where unit_path like ?");
        List<Object> params = new ArrayList<>();
        params.add(pathPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        if (year != null) {
            sql.append(" and (issue_year = ? or (issue_year is null and extract(year from period_from) = ?))");
            params.add(year);
            params.add(year);
        }
        if (state != null) {
            sql.append(" and state = ?");
            params.add(state.name());
        }
        sql.append(" order by coalesce(issue_year, 9999) desc, coalesce(issue_number, 0) desc, period_from desc, id desc");
        return jdbc.sql(sql.toString()).params(params).query(NewsletterRows::issue).list();
    }

    /** The years that have issues under the prefix (issued ones by their year), newest first. */
    List<Integer> years(String pathPrefix, NewsletterState state) {
        String like = pathPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String sql = "select distinct coalesce(issue_year, extract(year from period_from)) y from newsletter_issue"
                + " where unit_path like ?" + (state != null ? " and state = ?" : "") + " order by y desc";
        var spec = jdbc.sql(sql).param(like);
        if (state != null) {
            spec = spec.param(state.name());
        }
        return spec.query((rs, n) -> rs.getInt(1)).list();
    }

    int updateHeader(long id, long version, NewsletterHeaderForm form) {
        return jdbc.sql("update newsletter_issue set title = ?, period_from = ?, period_to = ?, report_to = ?,"
                        + " send_to = ?, copy_to = ?, updated_at = ?, version = version + 1 where id = ? and version = ?")
                .params(form.title(), form.periodFrom(), form.periodTo(), blankToNull(form.reportTo()),
                        blankToNull(form.sendTo()), blankToNull(form.copyTo()), Timestamp.from(Instant.now()), id, version)
                .update();
    }

    /** Moves the issue from one state to another; 0 when it was not in the expected state any more. */
    int changeState(long id, NewsletterState from, NewsletterState to, String returnComment) {
        return jdbc.sql("update newsletter_issue set state = ?, return_comment = ?, updated_at = ?, version = version + 1"
                        + " where id = ? and state = ?")
                .params(to.name(), returnComment, Timestamp.from(Instant.now()), id, from.name()).update();
    }

    /** Gives the issue its number; the unique key refuses a number already taken. */
    int markIssued(long id, int year, int number, LocalDate issuedOn, String signedBy) {
        return jdbc.sql("update newsletter_issue set state = ?, issue_year = ?, issue_number = ?, issued_on = ?,"
                        + " signed_by = ?, return_comment = null, updated_at = ?, version = version + 1"
                        + " where id = ? and state = ?")
                .params(NewsletterState.ISSUED.name(), year, number, issuedOn, signedBy, Timestamp.from(Instant.now()),
                        id, NewsletterState.SUBMITTED.name()).update();
    }

    int lastNumber(long unitId, int year) {
        Integer n = jdbc.sql("select max(issue_number) from newsletter_issue where unit_id = ? and issue_year = ?")
                .params(unitId, year).query(Integer.class).optional().orElse(null);
        return n == null ? 0 : n;
    }

    void touch(long id) {
        jdbc.sql("update newsletter_issue set updated_at = ?, version = version + 1 where id = ?")
                .params(Timestamp.from(Instant.now()), id).update();
    }

    // ---- sections and items -------------------------------------------------------------------------

    long insertSection(long issueId, String title) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into newsletter_section (issue_id, sort_order, title) values (?, ?, ?)")
                .params(issueId, nextOrder("newsletter_section", "issue_id", issueId), title).update(keys, "id");
        return keys.getKey().longValue();
    }

    long insertItem(long issueId, long sectionId, String title, String body, Long eventId, String articleSource,
                    Long articleId, String link) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into newsletter_item (issue_id, section_id, sort_order, title, body, event_id, article_source,"
                        + " article_id, link) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(issueId, sectionId, nextOrder("newsletter_item", "section_id", sectionId), title, body, eventId,
                        articleSource, articleId, link).update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertPhoto(long issueId, long itemId, long fileId) {
        jdbc.sql("insert into newsletter_item_photo (item_id, issue_id, sort_order, file_id) values (?, ?, ?, ?)")
                .params(itemId, issueId, nextOrder("newsletter_item_photo", "item_id", itemId), fileId).update();
    }

    private int nextOrder(String table, String parentColumn, long parentId) {
        Integer max = jdbc.sql("select max(sort_order) from " + table + " where " + parentColumn + " = ?")
                .param(parentId).query(Integer.class).optional().orElse(null);
        return max == null ? 1 : max + 1;
    }

    /** The issue a section belongs to, if the section exists. */
    Optional<Long> issueOfSection(long sectionId) {
        return jdbc.sql("select issue_id from newsletter_section where id = ?").param(sectionId).query(Long.class)
                .optional();
    }

    Optional<Long> issueOfItem(long itemId) {
        return jdbc.sql("select issue_id from newsletter_item where id = ?").param(itemId).query(Long.class).optional();
    }

    void renameSection(long sectionId, String title) {
        jdbc.sql("update newsletter_section set title = ? where id = ?").params(title, sectionId).update();
    }

    void deleteSection(long sectionId) {
        jdbc.sql("delete from newsletter_item_photo where item_id in (select id from newsletter_item where section_id = ?)")
                .param(sectionId).update();
        jdbc.sql("delete from newsletter_item where section_id = ?").param(sectionId).update();
        jdbc.sql("delete from newsletter_section where id = ?").param(sectionId).update();
    }

    void updateItem(long itemId, String title, String body) {
        jdbc.sql("update newsletter_item set title = ?, body = ? where id = ?").params(title, body, itemId).update();
    }

    void deleteItem(long itemId) {
        jdbc.sql("delete from newsletter_item_photo where item_id = ?").param(itemId).update();
        jdbc.sql("delete from newsletter_item where id = ?").param(itemId).update();
    }

    int deletePhoto(long itemId, long fileId) {
        return jdbc.sql("delete from newsletter_item_photo where item_id = ? and file_id = ?").params(itemId, fileId)
                .update();
    }

    /**
     * Swaps an item with its neighbour inside its section (up: the one before), or, at the section's edge, moves it
     * to the end or start of the neighbouring section. Returns false when there is nowhere to go.
     */
    boolean moveItem(long itemId, boolean up) {
        record Pos(long id, long sectionId, int order) {
        }
        Pos me = jdbc.sql("select id, section_id, sort_order from newsletter_item where id = ?").param(itemId)
                .query((rs, n) -> new Pos(rs.getLong(1), rs.getLong(2), rs.getInt(3))).single();
        Optional<Pos> neighbour = jdbc.sql("select id, section_id, sort_order from newsletter_item where section_id = ?"
                        + (up ? " and sort_order < ? order by sort_order desc" : " and sort_order > ? order by sort_order asc"))
                .params(me.sectionId(), me.order())
                .query((rs, n) -> new Pos(rs.getLong(1), rs.getLong(2), rs.getInt(3))).list().stream().findFirst();
        if (neighbour.isPresent()) {
            jdbc.sql("update newsletter_item set sort_order = ? where id = ?").params(neighbour.get().order(), me.id()).update();
            jdbc.sql("update newsletter_item set sort_order = ? where id = ?").params(me.order(), neighbour.get().id()).update();
            return true;
        }
        long issueId = issueOfItem(itemId).orElseThrow();
        int sectionOrder = jdbc.sql("select sort_order from newsletter_section where id = ?").param(me.sectionId())
                .query(Integer.class).single();
        Optional<Long> other = jdbc.sql("select id from newsletter_section where issue_id = ?"
                        + (up ? " and sort_order < ? order by sort_order desc" : " and sort_order > ? order by sort_order asc"))
                .params(issueId, sectionOrder).query(Long.class).list().stream().findFirst();
        if (other.isEmpty()) {
            return false;
        }
        Integer edge = jdbc.sql("select " + (up ? "max" : "min") + "(sort_order) from newsletter_item where section_id = ?")
                .param(other.get()).query(Integer.class).optional().orElse(null);
        int order = edge == null ? 1 : (up ? edge + 1 : edge - 1);
        jdbc.sql("update newsletter_item set section_id = ?, sort_order = ? where id = ?").params(other.get(), order, itemId)
                .update();
        return true;
    }

    boolean moveSection(long sectionId, boolean up) {
        long issueId = issueOfSection(sectionId).orElseThrow();
        int order = jdbc.sql("select sort_order from newsletter_section where id = ?").param(sectionId)
                .query(Integer.class).single();
        List<long[]> neighbour = jdbc.sql("select id, sort_order from newsletter_section where issue_id = ?"
                        + (up ? " and sort_order < ? order by sort_order desc" : " and sort_order > ? order by sort_order asc"))
                .params(issueId, order).query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).list();
        if (neighbour.isEmpty()) {
            return false;
        }
        jdbc.sql("update newsletter_section set sort_order = ? where id = ?").params((int) neighbour.get(0)[1], sectionId).update();
        jdbc.sql("update newsletter_section set sort_order = ? where id = ?").params(order, neighbour.get(0)[0]).update();
        return true;
    }

    List<NewsletterSectionView> sections(long issueId) {
        Map<Long, List<Long>> photos = new LinkedHashMap<>();
        jdbc.sql("select item_id, file_id from newsletter_item_photo where issue_id = ? order by item_id, sort_order, id")
                .param(issueId).query(rs -> {
                    photos.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        Map<Long, List<NewsletterItemView>> items = new LinkedHashMap<>();
        jdbc.sql("select id, section_id, sort_order, title, body, event_id, article_source, article_id, link"
                        + " from newsletter_item where issue_id = ? order by section_id, sort_order, id")
                .param(issueId).query(rs -> {
                    long id = rs.getLong(1);
                    long section = rs.getLong(2);
                    items.computeIfAbsent(section, k -> new ArrayList<>()).add(new NewsletterItemView(id, section,
                            items.getOrDefault(section, List.of()).size() + 1, rs.getString(4), rs.getString(5),
                            List.copyOf(photos.getOrDefault(id, List.of())), nullableLong(rs, 6), rs.getString(7),
                            nullableLong(rs, 8), rs.getString(9)));
                });
        List<NewsletterSectionView> result = new ArrayList<>();
        int[] position = {0};
        jdbc.sql("select id, title from newsletter_section where issue_id = ? order by sort_order, id").param(issueId)
                .query(rs -> {
                    long id = rs.getLong(1);
                    result.add(new NewsletterSectionView(id, ++position[0], rs.getString(2),
                            List.copyOf(items.getOrDefault(id, List.of()))));
                });
        return result;
    }

    /** Whether the file is a photo of one of the issue's items. */
    boolean hasPhoto(long issueId, long fileId) {
        return jdbc.sql("select count(*) from newsletter_item_photo where issue_id = ? and file_id = ?")
                .params(issueId, fileId).query(Long.class).single() > 0;
    }

    void insertStep(long issueId, String step, String actor, String comment) {
        jdbc.sql("insert into newsletter_step (issue_id, step, actor, comment, taken_at) values (?, ?, ?, ?, ?)")
                .params(issueId, step, actor, comment, Timestamp.from(Instant.now())).update();
    }

    List<NewsletterStepView> steps(long issueId) {
        return jdbc.sql("select step, actor, comment, taken_at from newsletter_step where issue_id = ? order by id")
                .param(issueId)
                .query((rs, n) -> new NewsletterStepView(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    private static IssueRow issue(ResultSet rs, int n) throws SQLException {
        return new IssueRow(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_path"), rs.getString("unit_name"),
                rs.getString("title"), NewsletterState.valueOf(rs.getString("state")),
                rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
                rs.getString("editor_name"), nullableInt(rs, "issue_year"), nullableInt(rs, "issue_number"),
                rs.getObject("issued_on", LocalDate.class), rs.getString("signed_by"), rs.getString("report_to"),
                rs.getString("send_to"), rs.getString("copy_to"), rs.getString("return_comment"), rs.getLong("version"));
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
