package cn.hongxin.brand;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import cn.hongxin.organisation.PartyPost;
import cn.hongxin.organisation.PersonType;
import cn.hongxin.organisation.PoliticalStatus;

/** The brand and programme tables (V14), read and written with plain SQL; callers hold the transaction. */
@Component
class ProgrammeRows {

    /** A brand row. */
    record BrandRow(long id, long owningUnitId, String ownerRef, String name, String slogan, String concept,
                    String connotation, Long logoFileId, boolean active) {
    }

    private final JdbcClient jdbc;

    ProgrammeRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- brands ------------------------------------------------------------------------------------

    List<BrandRow> brands() {
        return jdbc.sql("select id, owning_unit_id, owner_ref, name, slogan, concept, connotation, logo_file_id, active"
                + " from brand order by id").query((rs, n) -> new BrandRow(rs.getLong(1), rs.getLong(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getObject(8) == null ? null : rs.getLong(8), rs.getBoolean(9))).list();
    }

    Optional<BrandRow> brand(long id) {
        return brands().stream().filter(b -> b.id() == id).findFirst();
    }

    long insertBrand(long owningUnitId, String ownerRef, String name, String slogan, String concept,
                     String connotation, boolean active) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into brand (owning_unit_id, owner_ref, name, slogan, concept, connotation, active, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(owningUnitId, ownerRef, name, slogan, concept, connotation, active, now())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void updateBrand(long id, String name, String slogan, String concept, String connotation, boolean active) {
        jdbc.sql("update brand set name = ?, slogan = ?, concept = ?, connotation = ?, active = ?, updated_at = ?,"
                        + " version = version + 1 where id = ?")
                .params(name, slogan, concept, connotation, active, now(), id).update();
    }

    void updateOwner(long id, long owningUnitId, String ownerRef) {
        jdbc.sql("update brand set owning_unit_id = ?, owner_ref = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(owningUnitId, ownerRef, now(), id).update();
    }

    void updateLogo(long id, long fileId) {
        jdbc.sql("update brand set logo_file_id = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(fileId, now(), id).update();
    }

    // ---- programme ---------------------------------------------------------------------------------

    /** The measures of the brands given (all brands when null), in programme order, with their requirements. */
    List<MeasureView> measures(Collection<Long> brandIds, Map<Long, String> unitNames) {
        String where = brandIds == null ? "" : brandIds.isEmpty() ? " where 1 = 0"
                : " where brand_id in (" + brandIds.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")";
        Map<Long, List<EvidenceSelector>> evidence = new LinkedHashMap<>();
        jdbc.sql("select e.requirement_id, e.kind, e.type_code from programme_evidence e join programme_requirement r"
                        + " on r.id = e.requirement_id" + where.replace("brand_id", "r.brand_id")
                        + " order by e.requirement_id, e.sort_order, e.id")
                .query(rs -> {
                    evidence.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new EvidenceSelector(EvidenceKind.valueOf(rs.getString(2)), rs.getString(3)));
                });
        Map<Long, List<RequirementView>> requirements = new LinkedHashMap<>();
        jdbc.sql("select id, measure_id, code, name_zh, name_en, sort_order, subject, scope_unit_ref, scope_unit_id,"
                        + " political_statuses, posts, person_types, quantity, threshold, period, window_code"
                        + " from programme_requirement" + where + " order by measure_id, sort_order, id")
                .query(rs -> {
                    long id = rs.getLong(1);
                    Long unitId = rs.getObject(9) == null ? null : rs.getLong(9);
                    RequirementView r = new RequirementView(id, rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6), SubjectKind.valueOf(rs.getString(7)), rs.getString(8),
                            unitId, unitId == null ? null : unitNames.get(unitId),
                            enums(PoliticalStatus.class, rs.getString(10)), enums(PartyPost.class, rs.getString(11)),
                            enums(PersonType.class, rs.getString(12)), QuantityKind.valueOf(rs.getString(13)),
                            rs.getBigDecimal(14), PeriodKind.valueOf(rs.getString(15)), rs.getString(16),
                            evidence.getOrDefault(id, List.of()));
                    requirements.computeIfAbsent(r.measureId(), k -> new ArrayList<>()).add(r);
                });
        return jdbc.sql("select id, brand_id, code, name_zh, name_en, level_code, category, sort_order, description"
                        + " from programme_measure" + where + " order by brand_id, sort_order, id")
                .query((rs, n) -> new MeasureView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9),
                        requirements.getOrDefault(rs.getLong(1), List.of())))
                .list();
    }

    /** The ids of every unit a requirement or brand refers to, for naming them. */
    List<Long> referencedUnits() {
        List<Long> ids = new ArrayList<>(jdbc.sql("select distinct scope_unit_id from programme_requirement"
                + " where scope_unit_id is not null").query(Long.class).list());
        ids.addAll(jdbc.sql("select distinct owning_unit_id from brand").query(Long.class).list());
        return ids;
    }

    Optional<Long> brandOfMeasure(long measureId) {
        return jdbc.sql("select brand_id from programme_measure where id = ?").param(measureId).query(Long.class)
                .optional();
    }

    Optional<Long> brandOfRequirement(long requirementId) {
        return jdbc.sql("select brand_id from programme_requirement where id = ?").param(requirementId)
                .query(Long.class).optional();
    }

    Optional<Long> owningUnitOfMeasure(long measureId) {
        return jdbc.sql("select b.owning_unit_id from programme_measure m join brand b on b.id = m.brand_id"
                + " where m.id = ?").param(measureId).query(Long.class).optional();
    }

    long insertMeasure(long brandId, MeasureForm m, int sortOrder) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into programme_measure (brand_id, code, name_zh, name_en, level_code, category, sort_order,"
                        + " description) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(brandId, m.code(), m.nameZh(), m.nameEn(), m.level(), m.category(), sortOrder,
                        m.description())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void updateMeasure(long id, MeasureForm m, int sortOrder) {
        jdbc.sql("update programme_measure set code = ?, name_zh = ?, name_en = ?, level_code = ?, category = ?,"
                        + " sort_order = ?, description = ? where id = ?")
                .params(m.code(), m.nameZh(), m.nameEn(), m.level(), m.category(), sortOrder, m.description(), id)
                .update();
    }

    void deleteMeasure(long id) {
        jdbc.sql("delete from programme_evidence where requirement_id in"
                + " (select id from programme_requirement where measure_id = ?)").param(id).update();
        jdbc.sql("delete from programme_requirement where measure_id = ?").param(id).update();
        jdbc.sql("delete from programme_measure where id = ?").param(id).update();
    }

    /** A requirement as stored: the form's values after validation, with its resolved unit. */
    record RequirementRow(String code, String nameZh, String nameEn, int sortOrder, SubjectKind subject,
                          String unitRef, Long unitId, Set<PoliticalStatus> statuses, Set<PartyPost> posts,
                          Set<PersonType> personTypes, QuantityKind quantity, BigDecimal threshold,
                          PeriodKind period, String window, List<EvidenceSelector> evidence) {
    }

    long insertRequirement(long brandId, long measureId, RequirementRow r) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into programme_requirement (brand_id, measure_id, code, name_zh, name_en, sort_order, subject,"
                        + " scope_unit_ref, scope_unit_id, political_statuses, posts, person_types, quantity,"
                        + " threshold, period, window_code) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(brandId, measureId, r.code(), r.nameZh(), r.nameEn(), r.sortOrder(), r.subject().name(),
                        r.unitRef(), r.unitId(), text(r.statuses()), text(r.posts()), text(r.personTypes()),
                        r.quantity().name(), r.threshold(), r.period().name(), r.window())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        insertEvidence(id, r.evidence());
        return id;
    }

    void updateRequirement(long id, RequirementRow r) {
        jdbc.sql("update programme_requirement set code = ?, name_zh = ?, name_en = ?, subject = ?,"
                        + " scope_unit_ref = ?, scope_unit_id = ?, political_statuses = ?, posts = ?, person_types = ?,"
                        + " quantity = ?, threshold = ?, period = ?, window_code = ? where id = ?")
                .params(r.code(), r.nameZh(), r.nameEn(), r.subject().name(), r.unitRef(), r.unitId(),
                        text(r.statuses()), text(r.posts()), text(r.personTypes()), r.quantity().name(),
                        r.threshold(), r.period().name(), r.window(), id)
                .update();
        jdbc.sql("delete from programme_evidence where requirement_id = ?").param(id).update();
        insertEvidence(id, r.evidence());
    }

    void deleteRequirement(long id) {
        jdbc.sql("delete from programme_evidence where requirement_id = ?").param(id).update();
        jdbc.sql("delete from programme_requirement where id = ?").param(id).update();
    }

    int nextRequirementOrder(long measureId) {
        return jdbc.sql("select coalesce(max(sort_order), 0) + 10 from programme_requirement where measure_id = ?")
                .param(measureId).query(Integer.class).single();
    }

    /** Removes a brand's whole programme (measures, requirements, evidence), keeping the brand. */
    void deleteProgramme(long brandId) {
        jdbc.sql("delete from programme_evidence where requirement_id in"
                + " (select id from programme_requirement where brand_id = ?)").param(brandId).update();
        jdbc.sql("delete from programme_requirement where brand_id = ?").param(brandId).update();
        jdbc.sql("delete from programme_measure where brand_id = ?").param(brandId).update();
    }

    private void insertEvidence(long requirementId, List<EvidenceSelector> evidence) {
        for (int i = 0; i < evidence.size(); i++) {
            jdbc.sql("insert into programme_evidence (requirement_id, sort_order, kind, type_code) values (?, ?, ?, ?)")
                    .params(requirementId, i + 1, evidence.get(i).kind().name(), evidence.get(i).type()).update();
        }
    }

    static <E extends Enum<E>> Set<E> enums(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        EnumSet<E> set = EnumSet.noneOf(type);
        Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .forEach(s -> set.add(Enum.valueOf(type, s)));
        return set;
    }

    /** A set of enum constants in declaration order, comma-separated; null for none. */
    static <E extends Enum<E>> String text(Set<E> set) {
        if (set == null || set.isEmpty()) {
            return null;
        }
        return set.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
