package cn.hongxin.outreach;

import java.time.LocalDateTime;
import java.util.List;

import cn.hongxin.events.EventState;

/**
 * A health-talk event with its outreach details ({@code hasDetails} false, and the details null, for a talk
 * recorded in the events module only). Photos are the event's gallery, at {@code galleryUrl}.
 */
public record TalkView(long eventId, String title, LocalDateTime startsAt, String place, long organiserUnitId,
                       String organiserUnitName, EventState state, boolean hasDetails, TalkSetting setting,
                       String topic, Integer audience, List<Long> speakerPersonIds, String speakerNames) {

    public String galleryUrl() {
        return "/events/" + eventId + "#event-files";
    }
}
