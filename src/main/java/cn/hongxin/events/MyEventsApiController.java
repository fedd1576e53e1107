package cn.hongxin.events;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The calling member's own events, as on the phone page 我的活动. */
@RestController
@Tag(name = "Events", description = "Meetings, lectures and activities: schedule, run, roll-call, minutes, results")
class MyEventsApiController {

    private final EventService events;

    MyEventsApiController(EventService events) {
        this.events = events;
    }

    @GetMapping("/api/v1/me/events")
    @Operation(summary = "My upcoming (soonest first) and past (latest first) events with my attendance status")
    MyEvents mine() {
        return events.mine();
    }
}
