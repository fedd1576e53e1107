package cn.hongxin.outreach;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * Recording a health talk: the event (organiser, title, time, place) and the outreach details (setting, topic,
 * audience, speakers from the team). {@code held}: the talk has taken place, so the event is closed at once (and
 * counts as held). {@code clientRequestId} makes recording idempotent: the same id sent again records nothing new.
 */
public record RecordTalk(String clientRequestId, Long organiserUnitId, String title,
                         @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime startsAt,
                         @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime endsAt, String place,
                         TalkSetting setting, String topic, Integer audience, List<Long> speakerPersonIds,
                         Boolean held) {

    public boolean heldNow() {
        return Boolean.TRUE.equals(held);
    }

    public TalkDetailsForm details() {
        return new TalkDetailsForm(setting, topic, audience, speakerPersonIds);
    }
}
