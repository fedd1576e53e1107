package cn.hongxin.operations;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.core.EventSerializer;

import cn.hongxin.events.AttendanceRecorded;
import cn.hongxin.events.AttendanceStatus;
import cn.hongxin.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The event publication registry writes events with the application's own serializer and reads them back. */
@IntegrationTest
class EventSerializationConfigurationTests {

    @Autowired
    EventSerializer serializer;

    @Test
    void anEventSurvivesTheRoundTripThroughItsJson() {
        assertThat(serializer).isInstanceOf(EventSerializationConfiguration.MapperEventSerializer.class);
        AttendanceRecorded event = new AttendanceRecorded(7L, "REGULAR_PARTY_MEETING", 42L, LocalDate.of(2026, 3, 4),
                AttendanceStatus.LATE);
        Object json = serializer.serialize(event);
        assertThat(json).isInstanceOf(String.class);
        assertThat((String) json).contains("\"date\":\"2026-03-04\"").contains("\"status\":\"LATE\"");
        assertThat(serializer.deserialize(json, AttendanceRecorded.class)).isEqualTo(event);
    }
}
