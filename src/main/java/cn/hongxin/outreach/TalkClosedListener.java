package cn.hongxin.outreach;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.hongxin.events.EventClosed;

/** A health-talk event was closed: the talk's known audience was reached. */
@Component
class TalkClosedListener {

    private final TalkService talks;

    TalkClosedListener(TalkService talks) {
        this.talks = talks;
    }

    @ApplicationModuleListener
    void on(EventClosed e) {
        if (TalkService.TYPE_CODE.equals(e.eventTypeCode())) {
            talks.closed(e.eventId(), e.organiserUnitId(), e.date());
        }
    }
}
