package cn.hongxin.organisation;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hongxin.security.AuditAction;
import cn.hongxin.security.AuditOutcome;
import cn.hongxin.security.AuditTrail;
import cn.hongxin.security.CurrentUser;
import cn.hongxin.security.FieldCipher;
import cn.hongxin.security.Permission;
import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.PhoneNumber;
import cn.hongxin.shared.ResidentIdNumber;

/**
 * The Excel import of people, all or nothing. Phase 1 reads and checks every row (the form's
 * {@link PersonRules}, units by name within the caller's data scope, duplicates in the file and in
 * the database); if any row has a problem nothing is written. Phase 2 writes all rows in one
 * transaction with JDBC batches, then records one audit entry.
 */
@Component
class PersonImporter {

    static final int MAX_ROWS = 50_000;
    /** Problems kept for the page and the error report; more are counted but not listed. */
    static final int MAX_PROBLEMS = 10_000;
    private static final int BATCH = 500;
    private static final int LOOKUP_CHUNK = 500;

    static final Set<OrgUnitType> ADMIN_UNIT_TYPES = EnumSet.of(OrgUnitType.CLASS, OrgUnitType.TEACHING_OFFICE);
    static final Set<OrgUnitType> BRANCH_TYPES = EnumSet.of(OrgUnitType.BRANCH, OrgUnitType.GENERAL_BRANCH);
    static final Set<OrgUnitType> GROUP_TYPES = EnumSet.of(OrgUnitType.PARTY_GROUP);

    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    private static final String INSERT_PERSON = """
            insert into person (name, name_pinyin, name_initials, gender, ethnicity, birth_date, id_number_enc,
                id_number_hash, id_number_masked, phone_enc, phone_masked, email, staff_no, person_type,
                admin_unit_id, branch_id, party_group_id, political_status, status_since, party_leader, active,
                created_at, updated_at, version, name_sort)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""";
    private static final String INSERT_STATUS_CHANGE = """
            insert into political_status_change (person_id, status, effective_on, note, recorded_at, recorded_by)
            values (?, ?, ?, null, ?, ?)""";

    private static final Logger log = LoggerFactory.getLogger(PersonImporter.class);

    private final OrgUnitRepository units;
    private final DataScope scope;
    private final FieldCipher cipher;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;
    private final ImportVocabulary vocabulary;

    PersonImporter(OrgUnitRepository units, DataScope scope, FieldCipher cipher, JdbcTemplate jdbc,
                   PlatformTransactionManager transactionManager, AuditTrail audit, ImportVocabulary vocabulary) {
        this.units = units;
        this.scope = scope;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.transaction = new TransactionTemplate(transactionManager);
        this.audit = audit;
        this.vocabulary = vocabulary;
    }

    /** A row that passed every check, ready to be written. */
    record ValidRow(int row, PersonForm form, String idNumber, String idHash, String phone) {
    }

    record Validation(List<ValidRow> rows, List<ImportProblem> problems) {
    }

    /**
     * Runs a whole import in the calling thread, as the signed-in account (the job runner carries the
     * uploader's security context here). Never throws: the outcome is recorded on the job.
     */
    void run(ImportJob job, Path file) {
        try {
            CurrentUser user = scope.require(Permission.PERSON_IMPORT);
            String prefix = scope.prefix(user);
            long started = System.nanoTime();
            job.validating(0);
            ImportSheetReader.Result read = ImportSheetReader.read(file, vocabulary, MAX_ROWS);
            if (!read.problems().isEmpty()) {
                reject(job, read.problems(), 0, started);
                return;
            }
            job.validating(read.rows().size());
            Validation validation = validate(read.rows(), prefix, job::progress);
            if (!validation.problems().isEmpty()) {
                reject(job, validation.problems(), read.rows().size(), started);
                return;
            }
            long validated = System.nanoTime();
            job.writing(millisSince(started));
            int written = write(validation.rows(), user.username(), job::progress);
            job.done(written, millisSince(validated));
            audit.record(AuditAction.IMPORT, "person", null, AuditOutcome.SUCCESS, written + " rows");
            log.info("people import {}: {} rows by {} in {} + {} ms", job.id(), written, user.username(),
                    job.validateMillis(), job.writeMillis());
        } catch (DataIntegrityViolationException e) {
            // Someone saved the same 学号/工号 or ID number between our check and our write.
            log.warn("people import {} rolled back: {}", job.id(), e.getMostSpecificCause().getMessage());
            job.failed("import.failed.conflict");
            audit.record(AuditAction.IMPORT, "person", null, AuditOutcome.FAILURE, "rolled back: conflict");
        } catch (AccessDeniedException e) {
            job.failed("import.failed.denied");
        } catch (RuntimeException e) {
            log.error("people import {} failed", job.id(), e);
            job.failed("import.failed.unexpected");
            audit.record(AuditAction.IMPORT, "person", null, AuditOutcome.FAILURE, "failed: " + e.getClass().getSimpleName());
        }
    }

    private void reject(ImportJob job, List<ImportProblem> problems, int rows, long started) {
        job.rejected(problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems, problems.size(),
                millisSince(started));
        audit.record(AuditAction.IMPORT, "person", null, AuditOutcome.FAILURE,
                "rejected: " + problems.size() + " problems in " + rows + " rows");
    }

    // ---------------------------------------------------------------- phase 1: validate

    Validation validate(List<ImportSheetReader.SheetRow> rows, String prefix, IntConsumer progress) {
        ImportUnitIndex index = new ImportUnitIndex(units.findSubtree(prefix));
        // Classes and teaching offices are reference data (as on the form): any may be named, but the
        // person must stay in the importer's scope through a branch or group when the class lies outside it.
        ImportUnitIndex adminIndex = new ImportUnitIndex(units.findSubtree("").stream()
                .filter(u -> ADMIN_UNIT_TYPES.contains(u.getUnitType())).toList());
        List<ImportProblem> problems = new ArrayList<>();
        List<ValidRow> valid = new ArrayList<>(rows.size());
        Map<String, Integer> rowOfStaffNo = new HashMap<>();
        Map<String, Integer> rowOfIdHash = new HashMap<>();
        Map<Integer, ImportSheetReader.SheetRow> byNumber = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            ImportSheetReader.SheetRow row = rows.get(i);
            byNumber.put(row.number(), row);
            RowCheck check = new RowCheck(row);
            ValidRow candidate = check(row, check, index, adminIndex, prefix, rowOfStaffNo, rowOfIdHash);
            if (check.problems.isEmpty()) {
                valid.add(candidate);
            } else {
                problems.addAll(check.problems);
            }
            if ((i & 63) == 0 || i == rows.size() - 1) {
                progress.accept(i + 1);
            }
        }
        for (String taken : existing("staff_no", rowOfStaffNo.keySet())) {
            int n = rowOfStaffNo.get(taken);
            problems.add(problem(byNumber.get(n), ImportColumn.STAFF_NO, "import.duplicate.staffNo.existing", taken));
        }
        for (String taken : existing("id_number_hash", rowOfIdHash.keySet())) {
            int n = rowOfIdHash.get(taken);
            problems.add(problem(byNumber.get(n), ImportColumn.ID_NUMBER, "import.duplicate.idNumber.existing"));
        }
        problems.sort(Comparator.comparingInt(ImportProblem::row)
                .thenComparingInt(p -> p.column() == null ? -1 : p.column().ordinal()));
        return new Validation(problems.isEmpty() ? valid : List.of(), problems);
    }

    /** The problems of one row, each once per column. */
    private static final class RowCheck {
        final ImportSheetReader.SheetRow row;
        final List<ImportProblem> problems = new ArrayList<>(2);
        final Set<ImportColumn> reported = EnumSet.noneOf(ImportColumn.class);

        RowCheck(ImportSheetReader.SheetRow row) {
            this.row = row;
        }

        void add(ImportColumn column, String key, Object... args) {
            if (column != null && !reported.add(column)) {
                return;
            }
            problems.add(problem(row, column, key, args));
        }
    }

    private ValidRow check(ImportSheetReader.SheetRow row, RowCheck check, ImportUnitIndex index,
                           ImportUnitIndex adminIndex, String prefix, Map<String, Integer> rowOfStaffNo,
                           Map<String, Integer> rowOfIdHash) {
        Gender gender = choice(Gender.class, ImportColumn.GENDER, row, check);
        PersonType type = choice(PersonType.class, ImportColumn.PERSON_TYPE, row, check);
        PoliticalStatus status = choice(PoliticalStatus.class, ImportColumn.POLITICAL_STATUS, row, check);
        LocalDate birthDate = date(ImportColumn.BIRTH_DATE, row, check);
        LocalDate statusSince = date(ImportColumn.STATUS_SINCE, row, check);
        boolean partyLeader = yesNo(row, check);

        String idNumber = row.value(ImportColumn.ID_NUMBER);
        if (idNumber != null && row.idNumberNumeric()) {
            check.add(ImportColumn.ID_NUMBER, "import.idNumber.numeric");
            idNumber = null;
        }
        String email = row.value(ImportColumn.EMAIL);
        if (email != null && email.length() > 120) {
            check.add(ImportColumn.EMAIL, "validation.tooLong", 120);
        }

        OrgUnit adminUnit = unit(ImportColumn.ADMIN_UNIT, ADMIN_UNIT_TYPES, null, row, check, adminIndex);
        OrgUnit branch = unit(ImportColumn.BRANCH, BRANCH_TYPES, null, row, check, index);
        OrgUnit group = null;
        String groupName = row.value(ImportColumn.PARTY_GROUP);
        if (groupName != null) {
            ImportUnitIndex.Lookup found = index.find(groupName, GROUP_TYPES, branch == null ? null : branch.getPath());
            switch (found.outcome()) {
                case FOUND -> group = found.unit();
                case OUTSIDE -> check.add(ImportColumn.PARTY_GROUP, "import.unit.groupNotInBranch", groupName,
                        branch.getName());
                case AMBIGUOUS -> {
                    // With a branch that could not be found, the branch's own problem says enough.
                    if (row.value(ImportColumn.BRANCH) == null || branch != null) {
                        check.add(ImportColumn.PARTY_GROUP, "import.unit.groupAmbiguous", groupName);
                    }
                }
                case NOT_FOUND -> check.add(ImportColumn.PARTY_GROUP, "import.unit.notFound.PARTY_GROUP", groupName);
            }
        }
        if (row.value(ImportColumn.ADMIN_UNIT) == null && row.value(ImportColumn.BRANCH) == null && groupName == null) {
            check.add(ImportColumn.BRANCH, "import.unit.required");
        } else if (!prefix.isEmpty() && adminUnit != null && row.value(ImportColumn.BRANCH) == null
                && groupName == null && !DataScope.within(prefix, adminUnit)) {
            check.add(ImportColumn.BRANCH, "import.unit.outOfScope", adminUnit.getName());
        }

        String staffNo = row.value(ImportColumn.STAFF_NO);
        PersonForm form = new PersonForm(row.value(ImportColumn.NAME), gender, row.value(ImportColumn.ETHNICITY),
                birthDate, idNumber, row.value(ImportColumn.PHONE), email, staffNo, type, idOf(adminUnit),
                idOf(branch), idOf(group), status, statusSince, partyLeader);
        for (FieldProblem p : PersonRules.check(form)) {
            check.add(ImportColumn.forField(p.field()).orElse(null), p.messageKey(), p.args());
        }

        if (staffNo != null && !check.reported.contains(ImportColumn.STAFF_NO)) {
            Integer first = rowOfStaffNo.putIfAbsent(staffNo, row.number());
            if (first != null) {
                check.add(ImportColumn.STAFF_NO, "import.duplicate.staffNo.inFile", staffNo, first);
            }
        }
        String normalisedId = null;
        String idHash = null;
        if (idNumber != null && !check.reported.contains(ImportColumn.ID_NUMBER)) {
            normalisedId = new ResidentIdNumber(idNumber).value();
            idHash = cipher.blindIndex(normalisedId);
            Integer first = rowOfIdHash.putIfAbsent(idHash, row.number());
            if (first != null) {
                check.add(ImportColumn.ID_NUMBER, "import.duplicate.idNumber.inFile", first);
            }
        }
        String phone = form.phone() == null ? null : PhoneNumber.normalise(form.phone());
        return new ValidRow(row.number(), form, normalisedId, idHash, phone);
    }

    private <E extends Enum<E>> E choice(Class<E> type, ImportColumn column, ImportSheetReader.SheetRow row,
                                         RowCheck check) {
        String text = row.value(column);
        if (text == null) {
            return null;
        }
        return vocabulary.parse(type, text).orElseGet(() -> {
            check.add(column, "import.value.unknown." + column.name(), text);
            return null;
        });
    }

    private boolean yesNo(ImportSheetReader.SheetRow row, RowCheck check) {
        String text = row.value(ImportColumn.PARTY_LEADER);
        if (text == null) {
            return false;
        }
        return vocabulary.parseYesNo(text).orElseGet(() -> {
            check.add(ImportColumn.PARTY_LEADER, "import.value.unknown.PARTY_LEADER", text);
            return false;
        });
    }

    private static LocalDate date(ImportColumn column, ImportSheetReader.SheetRow row, RowCheck check) {
        String text = row.value(column);
        if (text == null) {
            return null;
        }
        LocalDate date = parseDate(text);
        if (date == null) {
            check.add(column, "import.date.invalid", text);
        }
        return date;
    }

    /** yyyy-MM-dd, also with / . or 年月日 and without leading zeros, or yyyyMMdd; {@code null} if none. */
    static LocalDate parseDate(String text) {
        String t = text.strip();
        Matcher m = DATE.matcher(t);
        if (!m.matches()) {
            m = COMPACT_DATE.matcher(t);
            if (!m.matches()) {
                return null;
            }
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static OrgUnit unit(ImportColumn column, Set<OrgUnitType> types, String underPath,
                                ImportSheetReader.SheetRow row, RowCheck check, ImportUnitIndex index) {
        String text = row.value(column);
        if (text == null) {
            return null;
        }
        ImportUnitIndex.Lookup found = index.find(text, types, underPath);
        if (found.outcome() == ImportUnitIndex.Outcome.FOUND) {
            return found.unit();
        }
        check.add(column, found.outcome() == ImportUnitIndex.Outcome.AMBIGUOUS ? "import.unit.ambiguous"
                : "import.unit.notFound." + column.name(), text);
        return null;
    }

    /** Which of the given values a column of {@code person} already holds. */
    private List<String> existing(String column, Set<String> values) {
        List<String> all = new ArrayList<>(values);
        List<String> found = new ArrayList<>();
        for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK));
            found.addAll(named.queryForList("select " + column + " from person where " + column + " in (:values)",
                    Map.of("values", chunk), String.class));
        }
        return found;
    }

    private static ImportProblem problem(ImportSheetReader.SheetRow row, ImportColumn column, String key,
                                         Object... args) {
        String name = row.value(ImportColumn.NAME);
        if (name != null && name.length() > 50) {
            name = name.substring(0, 50) + "…";
        }
        return new ImportProblem(row.number(), column, key, args, name, row.value(ImportColumn.STAFF_NO));
    }

    private static Long idOf(OrgUnit unit) {
        return unit == null ? null : unit.getId();
    }

    // ---------------------------------------------------------------- phase 2: write

    /** Writes every row and its first political-status record in one transaction; all or nothing. */
    int write(List<ValidRow> rows, String username, IntConsumer progress) {
        Integer written = transaction.execute(status -> {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            LocalDate today = LocalDate.now();
            int done = 0;
            long preparing = 0;
            long started = System.nanoTime();
            for (int from = 0; from < rows.size(); from += BATCH) {
                long t = System.nanoTime();
                List<PersonValues> batch = rows.subList(from, Math.min(rows.size(), from + BATCH)).stream()
                        .map(this::values).toList();
                preparing += System.nanoTime() - t;
                GeneratedKeyHolder keys = new GeneratedKeyHolder();
                jdbc.batchUpdate(con -> con.prepareStatement(INSERT_PERSON, new String[]{"id"}),
                        new PersonSetter(batch, now), keys);
                List<Map<String, Object>> keyList = keys.getKeyList();
                if (keyList.size() != batch.size()) {
                    throw new IllegalStateException("expected " + batch.size() + " generated ids, got " + keyList.size());
                }
                long[] ids = new long[batch.size()];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = ((Number) keyList.get(i).values().iterator().next()).longValue();
                }
                jdbc.batchUpdate(INSERT_STATUS_CHANGE, new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        PersonForm f = batch.get(i).form();
                        ps.setLong(1, ids[i]);
                        ps.setString(2, f.politicalStatus().name());
                        ps.setObject(3, f.statusSince() == null ? today : f.statusSince());
                        ps.setObject(4, now);
                        ps.setString(5, username);
                    }

                    @Override
                    public int getBatchSize() {
                        return batch.size();
                    }
                });
                done += batch.size();
                progress.accept(done);
            }
            log.debug("wrote {} people: {} ms preparing (pinyin, encryption), {} ms in the database", done,
                    preparing / 1_000_000, (System.nanoTime() - started - preparing) / 1_000_000);
            return done;
        });
        return written == null ? 0 : written;
    }

    /** What one person row holds, computed as {@code PersonService} does for the form. */
    private record PersonValues(PersonForm form, String name, String pinyin, String sortKey, String initials,
                                LocalDate birthDate,
                                String idEnc, String idHash, String idMasked, String phoneEnc, String phoneMasked,
                                String ethnicity, String email, String staffNo) {
    }

    private PersonValues values(ValidRow row) {
        PersonForm f = row.form();
        StoredPersonValues stored = StoredPersonValues.of(f.name(), row.idNumber(), row.phone(), cipher);
        LocalDate birthDate = f.birthDate() != null ? f.birthDate() : stored.idBirthDate();
        return new PersonValues(f, stored.name(), stored.pinyin(), stored.sortKey(), stored.initials(), birthDate,
                stored.idEnc(), stored.idHash(), stored.idMasked(), stored.phoneEnc(), stored.phoneMasked(),
                blankToNull(f.ethnicity()), blankToNull(f.email()), f.staffNo().strip());
    }

    private record PersonSetter(List<PersonValues> batch, OffsetDateTime now) implements BatchPreparedStatementSetter {

        @Override
        public void setValues(PreparedStatement ps, int i) throws SQLException {
            PersonValues v = batch.get(i);
            PersonForm f = v.form();
            ps.setString(1, v.name());
            ps.setString(2, v.pinyin());
            ps.setString(3, v.initials());
            ps.setString(4, f.gender().name());
            string(ps, 5, v.ethnicity());
            date(ps, 6, v.birthDate());
            string(ps, 7, v.idEnc());
            string(ps, 8, v.idHash());
            string(ps, 9, v.idMasked());
            string(ps, 10, v.phoneEnc());
            string(ps, 11, v.phoneMasked());
            string(ps, 12, v.email());
            ps.setString(13, v.staffNo());
            ps.setString(14, f.personType().name());
            id(ps, 15, f.adminUnitId());
            id(ps, 16, f.branchId());
            id(ps, 17, f.partyGroupId());
            ps.setString(18, f.politicalStatus().name());
            date(ps, 19, f.statusSince());
            ps.setBoolean(20, Boolean.TRUE.equals(f.partyLeader()));
            ps.setBoolean(21, true);
            ps.setObject(22, now);
            ps.setObject(23, now);
            ps.setString(24, v.sortKey());
        }

        @Override
        public int getBatchSize() {
            return batch.size();
        }

        private static void string(PreparedStatement ps, int i, String s) throws SQLException {
            if (s == null) {
                ps.setNull(i, Types.VARCHAR);
            } else {
                ps.setString(i, s);
            }
        }

        private static void date(PreparedStatement ps, int i, LocalDate d) throws SQLException {
            if (d == null) {
                ps.setNull(i, Types.DATE);
            } else {
                ps.setObject(i, d);
            }
        }

        private static void id(PreparedStatement ps, int i, Long id) throws SQLException {
            if (id == null) {
                ps.setNull(i, Types.BIGINT);
            } else {
                ps.setLong(i, id);
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
