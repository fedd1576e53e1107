package cn.hongxin.setup;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

import cn.hongxin.support.EmbeddedPostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo department's tests on a real PostgreSQL server: setup runs once per database, so the demo gets
 * a database of its own on the embedded server rather than the one the other PostgreSQL tests share.
 */
@ContextConfiguration(initializers = DemoDepartmentPostgresTests.DemoDatabase.class)
class DemoDepartmentPostgresTests extends DemoDepartmentTests {

    @Test
    void runsOnPostgres() {
        assertThat(database()).isEqualTo("PostgreSQL");
    }

    /** Points the context at the database {@code hongxin_demo}; applied after the H2 URL, so it wins. */
    static class DemoDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(
                    "spring.datasource.url=" + EmbeddedPostgresServer.jdbcUrl("hongxin_demo"),
                    "spring.datasource.username=postgres",
                    "spring.datasource.password=").applyTo(context);
        }
    }
}
