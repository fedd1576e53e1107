package cn.hongxin.compliance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.hongxin.brand.EvidenceKind;
import cn.hongxin.brand.MeasureDefinition;
import cn.hongxin.brand.PeriodKind;
import cn.hongxin.brand.QuantityKind;
import cn.hongxin.brand.RequirementDefinition;
import cn.hongxin.brand.ScopeFilter;
import cn.hongxin.brand.SubjectKind;
import cn.hongxin.events.AttendanceRecorded;
import cn.hongxin.events.AttendanceRetracted;
import cn.hongxin.events.AttendanceStatus;
import cn.hongxin.events.EventClosed;
import cn.hongxin.events.LectureGiven;
import cn.hongxin.events.VolunteerHoursRecorded;
import cn.hongxin.organisation.NewOrgUnit;
import cn.hongxin.organisation.OrgUnitService;
import cn.hongxin.organisation.OrgUnitType;
import cn.hongxin.organisation.OrgUnitView;
import cn.hongxin.organisation.PartyPost;
import cn.hongxin.organisation.PersonType;
import cn.hongxin.organisation.PoliticalStatus;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.submissions.SubmissionKind;
import cn.hongxin.submissions.SubmissionRetracted;
import cn.hongxin.submissions.SubmissionVerified;
import cn.hongxin.submissions.VolunteerHoursVerified;
import cn.hongxin.support.IntegrationTest;
import cn.hongxin.support.TestOrganisation;

import static cn.hongxin.compliance.ComplianceFixtures.GUOQING;
import static cn.hongxin.compliance.ComplianceFixtures.GUOQING_CLOSES;
import static cn.hongxin.compliance.ComplianceFixtures.GUOQING_OPENS;
import static cn.hongxin.compliance.ComplianceFixtures.SEMESTER_END;
import static cn.hongxin.compliance.ComplianceFixtures.newId;
import static cn.hongxin.compliance.ComplianceFixtures.requirement;
import static cn.hongxin.compliance.ComplianceFixtures.scope;
import static cn.hongxin.compliance.ComplianceFixtures.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The requirement engine on a hand-built semester whose verdicts are known. */
@IntegrationTest
class ComplianceEngineTests {

    static final LocalDate OCT_1 = LocalDate.of(2091, 10, 1);
    static final LocalDate NOV_20 = LocalDate.of(2091, 11, 20);

    @Autowired
    ComplianceEngine engine;
    @Autowired
    ComplianceFixtures fixtures;
    @Autowired
    EvidenceLedger ledger;
    @Autowired
    TestOrganisation org;
    @Autowired
    TestAccounts accounts;
    @Autowired
    OrgUnitService units;

    TestOrganisation.Department dept;

    @BeforeEach
    void semester() {
        fixtures.semester();
        dept = org.department();
    }

    RequirementDefinition redBook() {
        return requirement("RED_BOOK", SubjectKind.PERSON, scope(dept.generalBranch().id(), Set.of(), Set.of(),
                Set.of(PersonType.STUDENT)), QuantityKind.COUNT, "1", PeriodKind.SEMESTER, null,
                select(EvidenceKind.SUBMISSION_VERIFIED, "READING_NOTE"));
    }

    RequirementDefinition guoqingPoster() {
        return requirement("POSTER_GUOQING", SubjectKind.PERSON, scope(dept.generalBranch().id(), Set.of(), Set.of(),
                Set.of(PersonType.STUDENT)), QuantityKind.COUNT, "1", PeriodKind.SEMESTER, GUOQING,
                select(EvidenceKind.SUBMISSION_VERIFIED, "POSTER"));
    }

    Period semesterOf(RequirementDefinition r, LocalDate day) {
        return engine.periodOf(r, day).orElseThrow();
    }

    RequirementEvaluation evaluate(RequirementDefinition r, LocalDate asOf) {
        return engine.evaluate(r, semesterOf(r, asOf), dept.generalBranch().id(), asOf);
    }

    SubmissionVerified verified(long id, long person, SubmissionKind kind, LocalDate date) {
        return new SubmissionVerified(id, person, kind, date, null);
    }

    @Test
    void aStudentWhoReadARedBookButMadeNoPosterMeetsTheBookAndIsBehindThenMissesThePoster() {
        long student = fixtures.student(dept, "陈红", PoliticalStatus.LEAGUE_MEMBER);
        long note = newId();
        fixtures.publishAndWait(note, verified(note, student, SubmissionKind.READING_NOTE, LocalDate.of(2091, 9, 12)));
        RequirementDefinition book = redBook();
        RequirementDefinition poster = guoqingPoster();

        RequirementEvaluation books = evaluate(book, OCT_1);
        assertThat(books.verdictOf(SubjectType.PERSON, student)).isEqualTo(Verdict.MET);
        assertThat(books.subjects()).singleElement().satisfies(s -> {
            assertThat(s.count()).isEqualTo(1);
            assertThat(s.branchId()).isEqualTo(dept.studentsBranch().id());
        });
        assertThat(engine.evidence(book, books.period(), SubjectType.PERSON, student, OCT_1))
                .singleElement().satisfies(e -> {
                    assertThat(e.sourceKind()).isEqualTo(SourceKind.SUBMISSION);
                    assertThat(e.sourceId()).isEqualTo(note);
                    assertThat(e.typeCode()).isEqualTo("READING_NOTE");
                    assertThat(e.date()).isEqualTo(LocalDate.of(2091, 9, 12));
                });

        RequirementEvaluation before = evaluate(poster, LocalDate.of(2091, 9, 20));
        assertThat(before.opensOn()).isEqualTo(GUOQING_OPENS);
        assertThat(before.closesOn()).isEqualTo(GUOQING_CLOSES);
        assertThat(before.verdictOf(SubjectType.PERSON, student)).isEqualTo(Verdict.NOT_YET_DUE);
        assertThat(evaluate(poster, OCT_1).verdictOf(SubjectType.PERSON, student)).isEqualTo(Verdict.BEHIND);
        assertThat(evaluate(poster, LocalDate.of(2091, 10, 9)).verdictOf(SubjectType.PERSON, student))
                .isEqualTo(Verdict.MISSED);

        BehindPage behind = engine.behind(poster, semesterOf(poster, OCT_1), dept.generalBranch().id(), OCT_1, 0, 20);
        assertThat(behind.total()).isEqualTo(1);
        assertThat(behind.rows()).singleElement().satisfies(r -> {
            assertThat(r.subjectId()).isEqualTo(student);
            assertThat(r.name()).isEqualTo("陈红");
            assertThat(r.unitName()).isEqualTo(dept.studentsBranch().name());
            assertThat(r.progress()).isEqualByComparingTo("0");
            assertThat(r.verdict()).isEqualTo(Verdict.BEHIND);
        });
        assertThat(engine.behind(book, semesterOf(book, OCT_1), dept.generalBranch().id(), OCT_1, 0, 20).total())
                .isZero();

        List<ChecklistItem> checklist = engine.checklist(student, List.of(book, poster), OCT_1);
        assertThat(checklist).extracting(i -> i.requirement().code(), ChecklistItem::verdict)
                .containsExactly(tuple("RED_BOOK", Verdict.MET),
                        tuple("POSTER_GUOQING", Verdict.BEHIND));
        assertThat(checklist.get(0).progress()).isEqualByComparingTo("1");
        assertThat(checklist.get(0).deadline()).isEqualTo(SEMESTER_END);
        assertThat(checklist.get(1).progress()).isEqualByComparingTo("0");
        assertThat(checklist.get(1).deadline()).isEqualTo(GUOQING_CLOSES);
    }

    @Test
    void theFirstAndLastDayOfTheWindowCountAndTheDaysOutsideDoNot() {
        long first = fixtures.student(dept, "首日", PoliticalStatus.LEAGUE_MEMBER);
        long last = fixtures.student(dept, "末日", PoliticalStatus.LEAGUE_MEMBER);
        long after = fixtures.student(dept, "次日", PoliticalStatus.LEAGUE_MEMBER);
        long before = fixtures.student(dept, "前日", PoliticalStatus.LEAGUE_MEMBER);
        long a = newId();
        long b = newId();
        long c = newId();
        long d = newId();
        fixtures.publishAndWait(a, verified(a, first, SubmissionKind.POSTER, GUOQING_OPENS));
        fixtures.publishAndWait(b, verified(b, last, SubmissionKind.POSTER, GUOQING_CLOSES));
        fixtures.publishAndWait(c, verified(c, after, SubmissionKind.POSTER, GUOQING_CLOSES.plusDays(1)));
        fixtures.publishAndWait(d, verified(d, before, SubmissionKind.POSTER, GUOQING_OPENS.minusDays(1)));
        RequirementDefinition poster = guoqingPoster();

        RequirementEvaluation onLastDay = evaluate(poster, GUOQING_CLOSES);
        assertThat(onLastDay.verdictOf(SubjectType.PERSON, first)).isEqualTo(Verdict.MET);
        assertThat(onLastDay.verdictOf(SubjectType.PERSON, last)).isEqualTo(Verdict.MET);
        assertThat(onLastDay.verdictOf(SubjectType.PERSON, after)).isEqualTo(Verdict.BEHIND);
        assertThat(onLastDay.verdictOf(SubjectType.PERSON, before)).isEqualTo(Verdict.BEHIND);

        RequirementEvaluation dayAfter = evaluate(poster, GUOQING_CLOSES.plusDays(1));
        assertThat(dayAfter.verdictOf(SubjectType.PERSON, last)).isEqualTo(Verdict.MET);
        assertThat(dayAfter.verdictOf(SubjectType.PERSON, after)).isEqualTo(Verdict.MISSED);
        assertThat(dayAfter.verdictOf(SubjectType.PERSON, before)).isEqualTo(Verdict.MISSED);
        assertThat(dayAfter.counts()).isEqualTo(new VerdictCounts(2, 0, 2, 0));
        assertThat(dayAfter.counts().rate()).isEqualTo(0.5);

        // On the first day the window is open; the day before it is not yet due.
        assertThat(evaluate(poster, GUOQING_OPENS).verdictOf(SubjectType.PERSON, first)).isEqualTo(Verdict.MET);
        assertThat(evaluate(poster, GUOQING_OPENS).verdictOf(SubjectType.PERSON, last)).isEqualTo(Verdict.BEHIND);
        assertThat(evaluate(poster, GUOQING_OPENS.minusDays(1)).verdictOf(SubjectType.PERSON, before))
                .isEqualTo(Verdict.NOT_YET_DUE);
    }

    @Test
    void aPartyLeaderWhoGaveNoLectureIsBehindThenMissesItAndOthersAreNotAsked() {
        long gave = fixtures.teacher(dept, "郑书记", PoliticalStatus.FULL_MEMBER, true);
        long gaveNone = fixtures.teacher(dept, "王主任", PoliticalStatus.FULL_MEMBER, true);
        long notLeader = fixtures.teacher(dept, "刘老师", PoliticalStatus.FULL_MEMBER, false);
        long event = newId();
        fixtures.publishAndWait(event, new LectureGiven(event, "PARTY_LECTURE", gave, LocalDate.of(2091, 10, 20)));
        RequirementDefinition lecture = requirement("LEADER_LECTURE", SubjectKind.PARTY_LEADER,
                ScopeFilter.everyone(dept.generalBranch().id()), QuantityKind.COUNT, "1", PeriodKind.SEMESTER, null,
                select(EvidenceKind.LECTURE_GIVEN, null));

        RequirementEvaluation now = evaluate(lecture, NOV_20);
        assertThat(now.subjects()).extracting(SubjectVerdict::subjectId).containsExactlyInAnyOrder(gave, gaveNone);
        assertThat(now.verdictOf(SubjectType.PERSON, gave)).isEqualTo(Verdict.MET);
        assertThat(now.verdictOf(SubjectType.PERSON, gaveNone)).isEqualTo(Verdict.BEHIND);
        assertThat(now.verdictOf(SubjectType.PERSON, notLeader)).isNull();
        RequirementEvaluation after = engine.evaluate(lecture, now.period(), dept.generalBranch().id(),
                SEMESTER_END.plusDays(1));
        assertThat(after.verdictOf(SubjectType.PERSON, gaveNone)).isEqualTo(Verdict.MISSED);
        assertThat(after.verdictOf(SubjectType.PERSON, gave)).isEqualTo(Verdict.MET);
        assertThat(engine.checklist(notLeader, List.of(lecture), NOV_20)).isEmpty();
        assertThat(engine.checklist(gaveNone, List.of(lecture), NOV_20)).singleElement()
                .satisfies(i -> assertThat(i.verdict()).isEqualTo(Verdict.BEHIND));
    }

    @Test
    void aMentorWithOneHelpRecordInAMonthThatAsksTwoIsBehindThenMissesIt() {
        long mentor = fixtures.teacher(dept, "孙老师", PoliticalStatus.FULL_MEMBER, false);
        long nonMember = fixtures.teacher(dept, "周老师", PoliticalStatus.MASSES, false);
        ledger.record(SourceKind.HELP_RECORD, newId(), EvidenceKind.HELP_RECORD, SubjectType.PERSON, mentor, null,
                LocalDate.of(2091, 10, 12), BigDecimal.ONE);
        ledger.record(SourceKind.HELP_RECORD, newId(), EvidenceKind.HELP_RECORD, SubjectType.PERSON, mentor, null,
                LocalDate.of(2091, 11, 3), BigDecimal.ONE);
        ledger.record(SourceKind.HELP_RECORD, newId(), EvidenceKind.HELP_RECORD, SubjectType.PERSON, mentor, null,
                LocalDate.of(2091, 11, 17), BigDecimal.ONE);
        RequirementDefinition help = requirement("HELP_RECORDS", SubjectKind.PERSON,
                scope(dept.generalBranch().id(), Set.of(PoliticalStatus.FULL_MEMBER, PoliticalStatus.PROBATIONARY_MEMBER),
                        Set.of(), Set.of(PersonType.TEACHER)), QuantityKind.COUNT, "2", PeriodKind.MONTH, null,
                select(EvidenceKind.HELP_RECORD, null));

        Period october = engine.periodOf(help, LocalDate.of(2091, 10, 20)).orElseThrow();
        assertThat(october.start()).isEqualTo(LocalDate.of(2091, 10, 1));
        assertThat(october.end()).isEqualTo(LocalDate.of(2091, 10, 31));
        RequirementEvaluation mid = engine.evaluate(help, october, dept.generalBranch().id(), LocalDate.of(2091, 10, 20));
        assertThat(mid.subjects()).extracting(SubjectVerdict::subjectId).containsExactly(mentor);
        assertThat(mid.subjects().get(0).progress()).isEqualByComparingTo("1");
        assertThat(mid.verdictOf(SubjectType.PERSON, mentor)).isEqualTo(Verdict.BEHIND);
        assertThat(engine.evaluate(help, october, dept.generalBranch().id(), LocalDate.of(2091, 11, 1))
                .verdictOf(SubjectType.PERSON, mentor)).isEqualTo(Verdict.MISSED);
        Period november = engine.periodOf(help, LocalDate.of(2091, 11, 20)).orElseThrow();
        assertThat(engine.evaluate(help, november, dept.generalBranch().id(), LocalDate.of(2091, 11, 20))
                .verdictOf(SubjectType.PERSON, mentor)).isEqualTo(Verdict.MET);
        assertThat(engine.checklist(nonMember, List.of(help), NOV_20)).isEmpty();
        assertThat(engine.checklist(mentor, List.of(help), LocalDate.of(2091, 10, 20))).singleElement()
                .satisfies(i -> {
                    assertThat(i.progress()).isEqualByComparingTo("1");
                    assertThat(i.threshold()).isEqualByComparingTo("2");
                    assertThat(i.deadline()).isEqualTo(LocalDate.of(2091, 10, 31));
                });
    }

    @Test
    void aRetractedAttendanceTurnsMetIntoBehind() {
        long student = fixtures.student(dept, "林红", PoliticalStatus.PROBATIONARY_MEMBER);
        long event = newId();
        LocalDate day = LocalDate.of(2091, 10, 15);
        RequirementDefinition meeting = requirement("THEME_DAY", SubjectKind.PERSON,
                ScopeFilter.everyone(dept.studentsBranch().id()), QuantityKind.COUNT, "1", PeriodKind.SEMESTER, null,
                select(EvidenceKind.ATTENDED, "THEME_PARTY_DAY"));

        fixtures.publishAndWait(event, new AttendanceRecorded(event, "THEME_PARTY_DAY", student, day,
                AttendanceStatus.LATE));
        assertThat(evaluate(meeting, NOV_20).verdictOf(SubjectType.PERSON, student)).isEqualTo(Verdict.MET);

        fixtures.publishAndWait(event, new AttendanceRetracted(event, "THEME_PARTY_DAY", student, day,
                AttendanceStatus.ABSENT));
        assertThat(evaluate(meeting, NOV_20).verdictOf(SubjectType.PERSON, student)).isEqualTo(Verdict.BEHIND);
        assertThat(fixtures.evidenceRows(SourceKind.EVENT, event)).isZero();

        // A correction to excused, published as a recorded attendance, removes it too.
        fixtures.publishAndWait(event, new AttendanceRecorded(event, "THEME_PARTY_DAY", student, day,
                AttendanceStatus.PRESENT));
        assertThat(evaluate(meeting, NOV_20).verdictOf(SubjectType.PERSON, student)).isEqualTo(Verdict.MET);
        fixtures.publishAndWait(event, new AttendanceRecorded(event, "THEME_PARTY_DAY", student, day,
                AttendanceStatus.EXCUSED));
        assertThat(evaluate(meeting, NOV_20).verdictOf(SubjectType.PERSON, student)).isEqualTo(Verdict.BEHIND);
    }

    @Test
    void scopeFiltersWhoIsAsked() {
        long student = fixtures.student(dept, "学生甲", PoliticalStatus.ACTIVIST);
        long masses = fixtures.student(dept, "学生乙", PoliticalStatus.MASSES);
        long teacher = fixtures.teacher(dept, "教师甲", PoliticalStatus.FULL_MEMBER, false);
        long secretary = fixtures.teacher(dept, "教师乙", PoliticalStatus.FULL_MEMBER, false);
        fixtures.assignPost(secretary, dept.teachersBranch().id(), PartyPost.SECRETARY, LocalDate.of(2090, 1, 1));
        RequirementDefinition book = redBook();

        // A teacher is not asked for a red-book note.
        assertThat(evaluate(book, OCT_1).subjects()).extracting(SubjectVerdict::subjectId)
                .containsExactlyInAnyOrder(student, masses);
        assertThat(engine.checklist(teacher, List.of(book), OCT_1)).isEmpty();
        assertThat(engine.checklist(student, List.of(book), OCT_1)).hasSize(1);

        RequirementDefinition membersAndActivists = requirement("MEMBERS", SubjectKind.PERSON,
                scope(dept.generalBranch().id(), Set.of(PoliticalStatus.FULL_MEMBER, PoliticalStatus.ACTIVIST),
                        Set.of(), Set.of()), QuantityKind.COUNT, "1", PeriodKind.SEMESTER, null,
                select(EvidenceKind.ATTENDED, null));
        assertThat(evaluate(membersAndActivists, OCT_1).subjects()).extracting(SubjectVerdict::subjectId)
                .containsExactlyInAnyOrder(student, teacher, secretary);

        RequirementDefinition secretaries = requirement("SECRETARIES", SubjectKind.PERSON,
                scope(dept.generalBranch().id(), Set.of(), Set.of(PartyPost.SECRETARY), Set.of()), QuantityKind.COUNT,
                "1", PeriodKind.SEMESTER, null, select(EvidenceKind.LECTURE_GIVEN, null));
        assertThat(evaluate(secretaries, OCT_1).subjects()).extracting(SubjectVerdict::subjectId)
                .containsExactly(secretary);

        assertThat(engine.checklist(secretary, List.of(book, membersAndActivists, secretaries), OCT_1))
                .extracting(i -> i.requirement().code()).containsExactly("MEMBERS", "SECRETARIES");
        assertThat(engine.checklist(teacher, List.of(book, membersAndActivists, secretaries), OCT_1))
                .extracting(i -> i.requirement().code()).containsExactly("MEMBERS");
        assertThat(engine.checklist(masses, List.of(book, membersAndActivists, secretaries), OCT_1))
                .extracting(i -> i.requirement().code()).containsExactly("RED_BOOK");

        // Evaluating several requirements at once gives what evaluating each does.
        List<RequirementEvaluation> together = engine.evaluateAll(List.of(book, membersAndActivists, secretaries),
                dept.generalBranch().id(), OCT_1);
        assertThat(together).hasSize(3);
        for (RequirementEvaluation e : together) {
            assertThat(e.subjects()).containsExactlyInAnyOrderElementsOf(evaluate(e.requirement(), OCT_1).subjects());
        }

        // The subtree narrows the scope: the teachers' branch holds no student.
        assertThat(engine.evaluate(book, semesterOf(book, OCT_1), dept.teachersBranch().id(), OCT_1).subjects())
                .isEmpty();
    }

    @Test
    void branchAndOrganisationSubjectsCountTheEvidenceOfUnitsInside() {
        OrgUnitView group = accounts.runAs(org.admin(), () -> units.create(new NewOrgUnit(dept.studentsBranch().id(),
                "第一党小组" + newId(), null, OrgUnitType.PARTY_GROUP, null, 1, null)));
        long meeting = newId();
        long life = newId();
        fixtures.publishAndWait(meeting, new EventClosed(meeting, "REGULAR_PARTY_MEETING", group.id(),
                LocalDate.of(2091, 10, 10), 12));
        fixtures.publishAndWait(life, new EventClosed(life, "DEMOCRATIC_LIFE", dept.teachersBranch().id(),
                LocalDate.of(2091, 12, 10), 20));
        RequirementDefinition monthly = new RequirementDefinition(91_001, 501, "BRANCH_MEETING", "支部定期议党会",
                "Branch meeting", SubjectKind.BRANCH, ScopeFilter.everyone(dept.generalBranch().id()),
                QuantityKind.COUNT, BigDecimal.ONE, PeriodKind.MONTH, null,
                List.of(select(EvidenceKind.EVENT_HELD, "REGULAR_PARTY_MEETING")));
        RequirementDefinition yearly = new RequirementDefinition(91_002, 502, "DEMOCRATIC_LIFE", "民主生活会",
                "Democratic life meeting", SubjectKind.ORGANISATION, ScopeFilter.everyone(dept.generalBranch().id()),
                QuantityKind.COUNT, BigDecimal.ONE, PeriodKind.SEMESTER, null,
                List.of(select(EvidenceKind.EVENT_HELD, "DEMOCRATIC_LIFE")));

        Period october = engine.periodOf(monthly, LocalDate.of(2091, 10, 20)).orElseThrow();
        RequirementEvaluation branches = engine.evaluate(monthly, october, dept.generalBranch().id(),
                LocalDate.of(2091, 10, 20));
        assertThat(branches.subjects()).extracting(SubjectVerdict::subjectId)
                .containsExactlyInAnyOrder(dept.studentsBranch().id(), dept.teachersBranch().id());
        assertThat(branches.verdictOf(SubjectType.UNIT, dept.studentsBranch().id())).isEqualTo(Verdict.MET);
        assertThat(branches.verdictOf(SubjectType.UNIT, dept.teachersBranch().id())).isEqualTo(Verdict.BEHIND);
        assertThat(engine.evidence(monthly, october, SubjectType.UNIT, dept.studentsBranch().id(),
                LocalDate.of(2091, 10, 20))).singleElement().satisfies(e -> {
                    assertThat(e.subjectId()).isEqualTo(group.id());
                    assertThat(e.sourceId()).isEqualTo(meeting);
                });
        assertThat(engine.behind(monthly, october, dept.generalBranch().id(), LocalDate.of(2091, 10, 20), 0, 10)
                .rows()).extracting(BehindRow::subjectId, BehindRow::name)
                .containsExactly(tuple(dept.teachersBranch().id(),
                        dept.teachersBranch().name()));

        RequirementEvaluation organisation = evaluate(yearly, LocalDate.of(2091, 12, 20));
        assertThat(organisation.subjects()).singleElement().satisfies(s -> {
            assertThat(s.subjectId()).isEqualTo(dept.generalBranch().id());
            assertThat(s.verdict()).isEqualTo(Verdict.MET);
            assertThat(s.branchId()).isNull();
        });
        assertThat(evaluate(yearly, LocalDate.of(2091, 12, 1)).verdictOf(SubjectType.UNIT, dept.generalBranch().id()))
                .isEqualTo(Verdict.BEHIND);
        // Evaluated for the students' branch alone, the organisation is not among the subjects.
        assertThat(engine.evaluate(yearly, organisation.period(), dept.studentsBranch().id(),
                LocalDate.of(2091, 12, 20)).subjects()).isEmpty();

        // Aggregates: per measure, the heat map's cells (branch × measure), per brand.
        List<RequirementEvaluation> all = List.of(branches, organisation);
        assertThat(ComplianceAggregates.perMeasure(all)).containsEntry(501L, new VerdictCounts(1, 1, 0, 0))
                .containsEntry(502L, new VerdictCounts(1, 0, 0, 0));
        assertThat(ComplianceAggregates.heatMap(all)).extracting(HeatMapCell::branchId, HeatMapCell::measureId,
                HeatMapCell::rate).containsExactlyInAnyOrder(
                tuple(dept.studentsBranch().id(), 501L, 1.0),
                tuple(dept.teachersBranch().id(), 501L, 0.0));
        Map<Long, VerdictCounts> brands = ComplianceAggregates.perBrand(all, List.of(
                new MeasureDefinition(501, 9, "M1", "定期议党", "Meetings", "GENERAL_BRANCH", "MEETINGS", 1, List.of()),
                new MeasureDefinition(502, 9, "M2", "民主生活会", "Life", "GENERAL_BRANCH", "MEETINGS", 2, List.of())));
        assertThat(brands).containsExactly(Map.entry(9L, new VerdictCounts(2, 1, 0, 0)));
    }

    @Test
    void volunteerHoursAreSummedFromEventsAndVerifiedClaims() {
        long volunteer = fixtures.student(dept, "志愿者", PoliticalStatus.LEAGUE_MEMBER);
        long event = newId();
        long claim = newId();
        RequirementDefinition hours = requirement("VOLUNTEER_HOURS", SubjectKind.PERSON,
                ScopeFilter.everyone(dept.studentsBranch().id()), QuantityKind.SUM_HOURS, "8", PeriodKind.SEMESTER,
                null, select(EvidenceKind.VOLUNTEER_HOURS, null));
        fixtures.publishAndWait(event, new VolunteerHoursRecorded(event, "VOLUNTEER_SERVICE", volunteer,
                LocalDate.of(2091, 10, 3), new BigDecimal("3")));
        fixtures.publishAndWait(claim, new SubmissionVerified(claim, volunteer, SubmissionKind.VOLUNTEER_HOURS,
                LocalDate.of(2091, 10, 5), null), new VolunteerHoursVerified(claim, volunteer, new BigDecimal("4.5"),
                LocalDate.of(2091, 10, 5)));

        RequirementEvaluation first = evaluate(hours, NOV_20);
        assertThat(first.subjects()).singleElement().satisfies(s -> {
            assertThat(s.progress()).isEqualByComparingTo("7.5");
            assertThat(s.verdict()).isEqualTo(Verdict.BEHIND);
        });
        // Hours recorded again for the same event replace the first figure.
        fixtures.publishAndWait(event, new VolunteerHoursRecorded(event, "VOLUNTEER_SERVICE", volunteer,
                LocalDate.of(2091, 10, 3), new BigDecimal("4")));
        assertThat(evaluate(hours, NOV_20).subjects()).singleElement().satisfies(s -> {
            assertThat(s.progress()).isEqualByComparingTo("8.5");
            assertThat(s.verdict()).isEqualTo(Verdict.MET);
        });
        // The claim sent back: its hours and its verified submission no longer count.
        fixtures.publishAndWait(claim, new SubmissionRetracted(claim, volunteer, SubmissionKind.VOLUNTEER_HOURS,
                LocalDate.of(2091, 10, 5), null, new BigDecimal("4.5")));
        assertThat(fixtures.evidenceRows(SourceKind.SUBMISSION, claim)).isZero();
        assertThat(evaluate(hours, NOV_20).subjects()).singleElement().satisfies(s -> {
            assertThat(s.progress()).isEqualByComparingTo("4");
            assertThat(s.verdict()).isEqualTo(Verdict.BEHIND);
        });
    }

    @Test
    void aWindowTheCalendarDoesNotHaveInThePeriodAsksNobody() {
        fixtures.student(dept, "学生丙", PoliticalStatus.LEAGUE_MEMBER);
        RequirementDefinition qiyi = requirement("POSTER_QIYI", SubjectKind.PERSON,
                ScopeFilter.everyone(dept.generalBranch().id()), QuantityKind.COUNT, "1", PeriodKind.SEMESTER,
                "NO_SUCH_WINDOW", select(EvidenceKind.SUBMISSION_VERIFIED, "POSTER"));
        RequirementEvaluation e = evaluate(qiyi, OCT_1);
        assertThat(e.applicable()).isFalse();
        assertThat(e.subjects()).isEmpty();
    }
}
