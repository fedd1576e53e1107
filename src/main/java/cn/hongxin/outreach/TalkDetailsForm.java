package cn.hongxin.outreach;

import java.util.List;

/** The outreach details of a health talk: campus or community, topic, audience size (once known), speakers. */
public record TalkDetailsForm(TalkSetting setting, String topic, Integer audience, List<Long> speakerPersonIds) {
}
