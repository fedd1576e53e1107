package cn.hongxin.events;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.hongxin.organisation.SemesterView;
import cn.hongxin.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The Wednesday Lecture Hall (周三讲堂) over the API, through the same {@link LectureSeriesService} as the
 * pages: organisers list, create and staff series in their scope; an attendee rates a lecture they attended.
 * Times are local (Asia/Shanghai), written as 14:30.
 */
@RestController
@RequestMapping("/api/v1/lecture-series")
@Tag(name = "Lecture series", description = "周三讲堂: a series per semester, its lectures, speakers and feedback")
class LectureSeriesApiController {

    /** A series with its lectures in date order. */
    record SeriesJson(LectureSeriesView series, List<LectureView> lectures) {
    }

    /** 指定主讲: the speaker (null clears it) and, when not blank, a new title. */
    record AssignJson(Long speakerPersonId, String title) {
    }

    /** An attendee's rating, 1 to 5, and an optional comment. */
    record FeedbackJson(Integer rating, String comment) {
    }

    record RegeneratedJson(int added) {
    }

    private final LectureSeriesService lectureSeries;

    LectureSeriesApiController(LectureSeriesService lectureSeries) {
        this.lectureSeries = lectureSeries;
    }

    @GetMapping
    @Operation(summary = "The series organised in the caller's scope (needs event:view), newest first")
    List<LectureSeriesView> list() {
        return lectureSeries.list();
    }

    @GetMapping("/semesters")
    @Operation(summary = "The semesters a series can be created for (needs event:view)")
    List<SemesterView> semesters() {
        return lectureSeries.semesters();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One series with its lectures; 404 outside the caller's scope")
    SeriesJson get(@PathVariable long id) {
        return new SeriesJson(lectureSeries.get(id), lectureSeries.lectures(id));
    }

    @PostMapping
    @Operation(summary = "Create a series for a semester (needs event:edit): every teaching-week Wednesday "
            + "outside holidays becomes a lecture, the topic kinds rotating; 201 with Location")
    ResponseEntity<SeriesJson> create(@RequestBody LectureSeriesForm body) {
        long id = lectureSeries.create(body);
        return ResponseEntity.created(URI.create("/api/v1/lecture-series/" + id)).body(get(id));
    }

    @PostMapping("/{id}/regenerate")
    @Operation(summary = "Add the lectures missing for Wednesdays after today; existing ones stay (needs event:edit)")
    RegeneratedJson regenerate(@PathVariable long id) {
        return new RegeneratedJson(lectureSeries.regenerate(id));
    }

    @GetMapping("/{id}/lectures/{eventId}")
    @Operation(summary = "One lecture of the series (organisers in scope and invitees)")
    LectureView lecture(@PathVariable long id, @PathVariable long eventId) {
        return inSeries(id, eventId);
    }

    @PutMapping("/{id}/lectures/{eventId}")
    @Operation(summary = "Assign the speaker and the topic title of one lecture (needs event:edit)")
    LectureView assign(@PathVariable long id, @PathVariable long eventId, @RequestBody AssignJson body) {
        inSeries(id, eventId);
        lectureSeries.assign(eventId, body.speakerPersonId(), body.title());
        return lectureSeries.lecture(eventId);
    }

    @GetMapping("/{id}/lectures/{eventId}/feedback")
    @Operation(summary = "Every attendee's feedback on a lecture (organisers in scope)")
    List<LectureFeedbackView> feedback(@PathVariable long id, @PathVariable long eventId) {
        inSeries(id, eventId);
        return lectureSeries.feedback(eventId);
    }

    @PostMapping("/{id}/lectures/{eventId}/feedback")
    @Operation(summary = "Rate a lecture the caller attended, 1–5 with a comment; a second call edits the first")
    LectureFeedbackView giveFeedback(@PathVariable long id, @PathVariable long eventId,
                                     @RequestBody FeedbackJson body) {
        inSeries(id, eventId);
        return lectureSeries.giveFeedback(eventId, body.rating(), body.comment());
    }

    private LectureView inSeries(long id, long eventId) {
        LectureView lecture = lectureSeries.lecture(eventId);
        if (lecture.seriesId() != id) {
            throw new NotFoundException("lecture", eventId);
        }
        return lecture;
    }
}
