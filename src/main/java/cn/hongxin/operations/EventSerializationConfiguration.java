package cn.hongxin.operations;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.core.EventSerializer;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the event publication registry writes events: as JSON with the application's {@link JsonMapper}, looked up
 * once. Spring Modulith's own serializer asks the bean factory for the mapper on every event it writes, which cost
 * about 3 % of a QR sign-in's CPU (docs/benchmarks.md); this one does the same serialization with the mapper it
 * was given. Without a {@code JsonMapper} bean it builds one as Spring Modulith does.
 */
@Configuration(proxyBeanMethods = false)
class EventSerializationConfiguration {

    @Bean
    EventSerializer eventSerializer(ObjectProvider<JsonMapper> mapper) {
        return new MapperEventSerializer(mapper.getIfAvailable(() -> JsonMapper.builder()
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build()));
    }

    /** Serializes events to a JSON string and reads them back into their class. */
    record MapperEventSerializer(JsonMapper mapper) implements EventSerializer {

        @Override
        public Object serialize(Object event) {
            return mapper.writeValueAsString(event);
        }

        @Override
        public <T> T deserialize(Object serialized, Class<T> type) {
            return mapper.readerFor(type).readValue(serialized.toString());
        }
    }
}
