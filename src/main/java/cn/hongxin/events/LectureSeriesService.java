package cn.hongxin.events;

import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hongxin.files.FilePurpose;
import cn.hongxin.files.FileStore;
import cn.hongxin.files.StoredFile;
import cn.hongxin.organisation.AcademicCalendar;
import cn.hongxin.organisation.AcademicYearView;
import cn.hongxin.organisation.CalendarPeriodKind;
import cn.hongxin.organisation.CalendarPeriodView;
import cn.hongxin.organisation.OrgUnitView;
import cn.hongxin.organisation.PersonService;
import cn.hongxin.organisation.SemesterView;
import cn.hongxin.security.AuditAction;
import cn.hongxin.security.AuditOutcome;
import cn.hongxin.security.AuditTrail;
import cn.hongxin.security.CurrentUser;
import cn.hongxin.security.Permission;
import cn.hongxin.shared.FieldProblem;
import cn.hongxin.shared.InvalidInputException;
import cn.hongxin.shared.NotFoundException;
import cn.hongxin.shared.UserFacingException;

/**
 * The Wednesday Lecture Hall (周三讲堂). A series belongs to one organiser unit and one semester; creating it
 * generates one {@code WEDNESDAY_LECTURE} event for every Wednesday of the semester's teaching weeks (week 1
 * starts on the semester's first day), skipping Wednesdays inside a holiday of the academic calendar, and
 * rotates the three topic kinds (党课 → 党的理论思想 → 党风党纪, from the series' first topic) over the generated
 * lectures in date order. Every lecture is scheduled through {@link EventService}, so invitees (the
 * organiser's unit), data scope, attendance and audit are those of any event.
 * <p>
 * Regenerating never moves, retitles or deletes a lecture: it only adds the lectures that are missing for
 * Wednesdays after today (for instance after the semester got more teaching weeks or a holiday was removed),
 * each with the topic kind of its position in the whole rotation. Lectures that already happened stay as
 * they are.
 * <p>
 * Feedback: only a person who attended a lecture (present or late) rates it, 1 to 5, with an optional comment;
 * a second submission edits the first. Series follow the events' data scope: out of scope is "not found".
 */
@Service
public class LectureSeriesService {

    static final String TYPE_CODE = "WEDNESDAY_LECTURE";

    private final LectureSeriesRepository series;
    private final LectureRepository lectures;
    private final LectureFeedbackRepository feedback;
    private final LectureMaterialRepository materials;
    private final EventRepository eventRows;
    private final AttendanceRepository attendances;
    private final EventService events;
    private final EventTypeService types;
    private final AcademicCalendar calendar;
    private final PersonService people;
    private final FileStore files;
    private final EventScope scope;
    private final AuditTrail audit;
    private final org.springframework.context.ApplicationEventPublisher publisher;

    LectureSeriesService(LectureSeriesRepository series, LectureRepository lectures,
                         LectureFeedbackRepository feedback, LectureMaterialRepository materials,
                         EventRepository eventRows, AttendanceRepository attendances, EventService events,
                         EventTypeService types, AcademicCalendar calendar, PersonService people,
                         FileStore files, EventScope scope, AuditTrail audit,
                         org.springframework.context.ApplicationEventPublisher publisher) {
        this.series = series;
        this.lectures = lectures;
        this.feedback = feedback;
        this.materials = materials;
        this.eventRows = eventRows;
        this.attendances = attendances;
        this.events = events;
        this.types = types;
        this.calendar = calendar;
        this.people = people;
        this.files = files;
        this.scope = scope;
        this.audit = audit;
        this.publisher = publisher;
    }

    // ---- the calendar --------------------------------------------------------------------------

    /** The Wednesdays of the semester's teaching weeks that are not inside one of the holidays, in order. */
    static List<LocalDate> lectureDates(SemesterView semester, List<CalendarPeriodView> holidays) {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = semester.startDate().with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
             semester.teachingWeekOf(d) > 0; d = d.plusWeeks(1)) {
            LocalDate day = d;
            if (holidays.stream().noneMatch(h -> h.kind() == CalendarPeriodKind.HOLIDAY && h.contains(day))) {
                dates.add(d);
            }
        }
        return dates;
    }

    /** The semesters of every academic year, for the new-series form. */
    @Transactional(readOnly = true)
    public List<SemesterView> semesters() {
        scope.require(Permission.EVENT_VIEW);
        return calendar.years().stream().flatMap(y -> y.semesters().stream()).toList();
    }

    // ---- reading -------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<LectureSeriesView> list() {
        CurrentUser user = scope.require(Permission.EVENT_VIEW);
        Map<Long, SemesterView> semesters = semesterMap();
        return series.findByOrganiserUnitPathStartingWithOrderByIdDesc(scope.prefix(user)).stream()
                .map(s -> view(s, semesters)).toList();
    }

    @Transactional(readOnly = true)
    public LectureSeriesView get(long id) {
        return view(visible(id), semesterMap());
    }

    @Transactional(readOnly = true)
    public boolean canEdit(long id) {
        CurrentUser user = scope.user();
        return series.findById(id).filter(s -> within(user, Permission.EVENT_EDIT, s)).isPresent();
    }

    /** The series' lectures in date order, with their speaker, state and average rating. */
    @Transactional(readOnly = true)
    public List<LectureView> lectures(long seriesId) {
        visible(seriesId);
        return views(lectures.findBySeriesIdOrderByLectureDateAsc(seriesId));
    }

    /** One lecture, for whoever may see its event (organisers in scope and invitees). */
    @Transactional(readOnly = true)
    public LectureView lecture(long eventId) {
        events.get(eventId);
        Lecture l = lectures.findById(eventId).orElseThrow(() -> new NotFoundException("lecture", eventId));
        return views(List.of(l)).get(0);
    }

    /** Which of these events are Lecture Hall lectures (the member's page offers feedback on them). */
    @Transactional(readOnly = true)
    public Set<Long> lectureIdsAmong(Collection<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return lectures.findByEventIdIn(eventIds).stream().map(Lecture::getEventId).collect(Collectors.toSet());
    }

    @Transactional(readOnly = true)
    public List<LectureMaterialView> materials(long eventId) {
        events.get(eventId);
        return materials.findByEventIdOrderByIdAsc(eventId).stream()
                .map(m -> new LectureMaterialView(m.getId(), m.getEventId(), m.getFileId(), m.getFileName())).toList();
    }

    /** Every feedback on a lecture, for the organisers in scope. */
    @Transactional(readOnly = true)
    public List<LectureFeedbackView> feedback(long eventId) {
        Lecture l = lectures.findById(eventId).orElseThrow(() -> new NotFoundException("lecture", eventId));
        visible(l.getSeriesId());
        return feedback.findByEventIdOrderByUpdatedAtDesc(eventId).stream().map(LectureFeedback::toView).toList();
    }

    /** The signed-in person's own feedback on a lecture, if given. */
    @Transactional(readOnly = true)
    public Optional<LectureFeedbackView> myFeedback(long eventId) {
        CurrentUser user = scope.user();
        events.get(eventId);
        if (user.personId() == null) {
            return Optional.empty();
        }
        return feedback.findByEventIdAndPersonId(eventId, user.personId()).map(LectureFeedback::toView);
    }

    /** Whether the signed-in person attended the lecture (present or late) and so may rate it. */
    @Transactional(readOnly = true)
    public boolean mayGiveFeedback(long eventId) {
        CurrentUser user = scope.user();
        return user.personId() != null && lectures.existsById(eventId)
                && attendances.findByEventIdAndPersonId(eventId, user.personId())
                .filter(a -> a.getStatus().attended()).isPresent();
    }

    // ---- creating and regenerating ------------------------------------------------------------

    /** Creates the series and generates its lectures; answers the series id. */
    @Transactional
    public long create(LectureSeriesForm form) {
        CurrentUser user = scope.require(Permission.EVENT_EDIT);
        List<FieldProblem> problems = new ArrayList<>();
        EventTypeService.required(problems, "name", form.name(), 200);
        SemesterView semester = null;
        if (form.semesterId() == null) {
            problems.add(new FieldProblem("semesterId", "validation.required"));
        } else {
            semester = semesterMap().get(form.semesterId());
            if (semester == null) {
                problems.add(new FieldProblem("semesterId", "validation.invalid"));
            }
        }
        OrgUnitView unit = scope.organiserUnit(user, form.organiserUnitId(), problems);
        if (form.startTime() == null) {
            problems.add(new FieldProblem("startTime", "validation.required"));
        }
        if (form.endTime() == null) {
            problems.add(new FieldProblem("endTime", "validation.required"));
        } else if (form.startTime() != null && !form.endTime().isAfter(form.startTime())) {
            problems.add(new FieldProblem("endTime", "event.endsAt.beforeStart"));
        }
        if (form.place() != null && form.place().strip().length() > 200) {
            problems.add(new FieldProblem("place", "validation.tooLong", 200));
        }
        if (semester != null && unit != null && series.existsBySemesterIdAndOrganiserUnitId(semester.id(), unit.id())) {
            problems.add(new FieldProblem("semesterId", "lecture.series.exists"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        LectureSeries s = series.save(new LectureSeries(form.name().strip(), semester.id(), unit.id(), unit.path(),
                unit.name(), form.startTime(), form.endTime(), blankToNull(form.place()),
                form.firstTopic() == null ? LectureTopic.PARTY_LECTURE : form.firstTopic(), user.username()));
        int generated = generate(s, semester, null);
        audit.record(AuditAction.CREATE, "lecture_series", s.getId(), AuditOutcome.SUCCESS,
                s.getName() + " lectures=" + generated);
        return s.getId();
    }

    /**
     * Adds the lectures missing for Wednesdays after today; never changes or removes existing ones.
     * Answers how many were added.
     */
    @Transactional
    public int regenerate(long seriesId) {
        LectureSeries s = editable(seriesId);
        SemesterView semester = Optional.ofNullable(semesterMap().get(s.getSemesterId()))
                .orElseThrow(() -> new UserFacingException("lecture.series.semesterGone"));
        int added = generate(s, semester, LocalDate.now(EventService.ZONE));
        audit.record(AuditAction.UPDATE, "lecture_series", seriesId, AuditOutcome.SUCCESS, "regenerated +" + added);
        return added;
    }

    private int generate(LectureSeries s, SemesterView semester, LocalDate after) {
        List<LocalDate> dates = lectureDates(semester, holidays(semester));
        Set<LocalDate> existing = lectures.findBySeriesIdOrderByLectureDateAsc(s.getId()).stream()
                .map(Lecture::getLectureDate).collect(Collectors.toSet());
        long typeId = types.byCode(TYPE_CODE).orElseThrow(() -> new UserFacingException("lecture.series.noType")).id();
        int added = 0;
        Long first = null;
        java.time.LocalDateTime firstStartsAt = null;
        for (int i = 0; i < dates.size(); i++) {
            LocalDate date = dates.get(i);
            if (existing.contains(date) || after != null && !date.isAfter(after)) {
                continue;
            }
            int week = semester.teachingWeekOf(date);
            LectureTopic topic = s.getFirstTopic().plus(i);
            EventForm form = new EventForm(typeId, s.getOrganiserUnitId(), defaultTitle(s, week), null, null, null,
                    date.atTime(s.getStartTime()), date.atTime(s.getEndTime()), s.getPlace(), null, Set.of(),
                    List.of(), List.of(), List.of(), List.of());
            long eventId = events.schedule(form, false);
            lectures.save(new Lecture(eventId, s.getId(), date, week, topic));
            if (first == null && form.startsAt().atZone(EventService.ZONE).toInstant().isAfter(java.time.Instant.now())) {
                first = eventId;
                firstStartsAt = form.startsAt();
            }
            added++;
        }
        if (first != null) {
            // One notice for the semester's lectures still to come, not one per Wednesday.
            publisher.publishEvent(new LectureSeriesScheduled(s.getId(), s.getName(), first,
                    firstStartsAt.atZone(EventService.ZONE).toInstant(), s.getPlace(), added, events.inviteesOf(first)));
        }
        return added;
    }

    private static String defaultTitle(LectureSeries s, int week) {
        String title = s.getName() + "（第" + week + "周）";
        return title.length() <= 200 ? title : title.substring(0, 200);
    }

    // ---- per lecture ---------------------------------------------------------------------------

    /** 指定主讲: sets (or replaces) the speaker and, when given, the title of one lecture. */
    @Transactional
    public void assign(long eventId, Long speakerPersonId, String title) {
        editableLecture(eventId);
        List<FieldProblem> problems = new ArrayList<>();
        String speakerName = null;
        if (speakerPersonId != null) {
            try {
                speakerName = people.get(speakerPersonId).name();
            } catch (NotFoundException e) {
                problems.add(new FieldProblem("speakerPersonId", "validation.invalid"));
            }
        }
        if (title != null && title.strip().length() > 200) {
            problems.add(new FieldProblem("title", "validation.tooLong", 200));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        EventForm f = events.formFor(eventId);
        String newTitle = title == null || title.isBlank() ? f.title() : title.strip();
        events.update(eventId, new EventForm(f.typeId(), f.organiserUnitId(), newTitle, f.hostPersonId(),
                speakerPersonId, speakerName, f.startsAt(), f.endsAt(), f.place(), f.agenda(), f.tags(),
                f.inviteUnitIds(), f.inviteStatuses(), f.invitePosts(), f.invitePersonIds()));
        audit.record(AuditAction.UPDATE, "lecture", eventId, AuditOutcome.SUCCESS,
                "speaker=" + speakerPersonId + " title=" + newTitle);
    }

    /** Stores an uploaded document with the files module and attaches it to the lecture. */
    @Transactional
    public LectureMaterialView upload(long eventId, String originalName, InputStream content) {
        editableLecture(eventId);
        StoredFile file = files.store(originalName, content, FilePurpose.DOCUMENT);
        return attach(eventId, file.id());
    }

    /** Attaches a file the caller stored to the lecture (idempotent); another account's file is refused. */
    @Transactional
    public LectureMaterialView attach(long eventId, long fileId) {
        CurrentUser user = scope.require(Permission.EVENT_EDIT);
        editableLecture(eventId);
        // Only a file the caller stored may be attached: attaching makes it readable to every invitee, so an
        // organiser must not pass on somebody else's upload (an essay, a poster) by its id.
        StoredFile file = files.find(fileId)
                .filter(f -> f.ownerAccountId() != null && f.ownerAccountId() == user.accountId())
                .orElseThrow(() -> new InvalidInputException(List.of(new FieldProblem("fileId", "validation.invalid"))));
        if (!materials.existsByEventIdAndFileId(eventId, fileId)) {
            String name = file.originalName() == null || file.originalName().isBlank() ? "#" + fileId : file.originalName();
            materials.save(new LectureMaterial(eventId, fileId, name.length() <= 255 ? name : name.substring(0, 255),
                    user.username()));
            audit.record(AuditAction.CREATE, "lecture_material", eventId + "/" + fileId, AuditOutcome.SUCCESS, name);
        }
        LectureMaterial m = materials.findByEventIdOrderByIdAsc(eventId).stream()
                .filter(x -> x.getFileId() == fileId).findFirst().orElseThrow();
        return new LectureMaterialView(m.getId(), eventId, fileId, m.getFileName());
    }

    @Transactional
    public void detach(long eventId, long materialId) {
        editableLecture(eventId);
        LectureMaterial m = materials.findById(materialId).filter(x -> x.getEventId() == eventId)
                .orElseThrow(() -> new NotFoundException("lecture material", materialId));
        materials.delete(m);
        audit.record(AuditAction.DELETE, "lecture_material", eventId + "/" + m.getFileId(), AuditOutcome.SUCCESS,
                m.getFileName());
    }

    // ---- feedback ------------------------------------------------------------------------------

    /**
     * An attendee rates a lecture (1–5) with an optional comment; a second call edits the first. Refused for
     * anybody who did not attend (present or late).
     */
    @Transactional
    public LectureFeedbackView giveFeedback(long eventId, Integer rating, String comment) {
        CurrentUser user = scope.user();
        events.get(eventId); // 404 when the event is not visible
        lectures.findById(eventId).orElseThrow(() -> new NotFoundException("lecture", eventId));
        if (user.personId() == null || attendances.findByEventIdAndPersonId(eventId, user.personId())
                .filter(a -> a.getStatus().attended()).isEmpty()) {
            throw new UserFacingException("lecture.feedback.notAttended");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (rating == null || rating < 1 || rating > 5) {
            problems.add(new FieldProblem("rating", "lecture.feedback.rating.invalid"));
        }
        String text = blankToNull(comment);
        if (text != null && text.length() > 1000) {
            problems.add(new FieldProblem("comment", "validation.tooLong", 1000));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        LectureFeedback f = feedback.findByEventIdAndPersonId(eventId, user.personId())
                .orElseGet(() -> new LectureFeedback(eventId, user.personId()));
        boolean created = f.getId() == null;
        f.set(rating, text);
        LectureFeedback saved = feedback.save(f);
        audit.record(created ? AuditAction.CREATE : AuditAction.UPDATE, "lecture_feedback",
                eventId + "/" + user.personId(), AuditOutcome.SUCCESS, "rating=" + rating);
        return saved.toView();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private List<LectureView> views(List<Lecture> list) {
        List<Long> ids = list.stream().map(Lecture::getEventId).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Event> byId = eventRows.findAllById(ids).stream()
                .collect(Collectors.toMap(Event::getId, Function.identity()));
        Map<Long, Object[]> averages = new HashMap<>();
        feedback.averages(ids).forEach(row -> averages.put(((Number) row[0]).longValue(), row));
        return list.stream().map(l -> {
            Event e = byId.get(l.getEventId());
            Object[] avg = averages.get(l.getEventId());
            return new LectureView(l.getEventId(), l.getSeriesId(), l.getLectureDate(), l.getWeekNo(),
                    l.getTopicKind(), e.getTitle(), e.getSpeakerPersonId(), e.getSpeakers(), e.getState(),
                    avg == null ? null : round(((Number) avg[1]).doubleValue()),
                    avg == null ? 0 : ((Number) avg[2]).longValue());
        }).toList();
    }

    private LectureSeriesView view(LectureSeries s, Map<Long, SemesterView> semesters) {
        SemesterView semester = semesters.get(s.getSemesterId());
        Double avg = feedback.seriesAverage(s.getId());
        return new LectureSeriesView(s.getId(), s.getName(), s.getSemesterId(),
                semester == null ? "#" + s.getSemesterId() : semester.name(), s.getOrganiserUnitId(),
                s.getOrganiserUnitName(), s.getStartTime(), s.getEndTime(), s.getPlace(), s.getFirstTopic(),
                lectures.countBySeriesId(s.getId()), avg == null ? null : round(avg));
    }

    private Map<Long, SemesterView> semesterMap() {
        return calendar.years().stream().flatMap(y -> y.semesters().stream())
                .collect(Collectors.toMap(SemesterView::id, Function.identity()));
    }

    private List<CalendarPeriodView> holidays(SemesterView semester) {
        return calendar.years().stream().filter(y -> y.id() == semester.academicYearId())
                .map(AcademicYearView::periods).flatMap(List::stream)
                .filter(p -> p.kind() == CalendarPeriodKind.HOLIDAY).toList();
    }

    private LectureSeries visible(long id) {
        CurrentUser user = scope.user();
        return series.findById(id).filter(s -> within(user, Permission.EVENT_VIEW, s)
                        || within(user, Permission.EVENT_EDIT, s))
                .orElseThrow(() -> new NotFoundException("lecture series", id));
    }

    private LectureSeries editable(long id) {
        CurrentUser user = scope.require(Permission.EVENT_EDIT);
        return series.findById(id).filter(s -> within(user, Permission.EVENT_EDIT, s))
                .orElseThrow(() -> new NotFoundException("lecture series", id));
    }

    private Lecture editableLecture(long eventId) {
        Lecture l = lectures.findById(eventId).orElseThrow(() -> new NotFoundException("lecture", eventId));
        editable(l.getSeriesId());
        return l;
    }

    private boolean within(CurrentUser user, Permission permission, LectureSeries s) {
        return user.has(permission) && s.getOrganiserUnitPath().startsWith(scope.prefix(user));
    }

    private static Double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
