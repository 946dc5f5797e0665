package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.apppasswords.store.jdbc.TestPostgresql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.response.Response;

/**
 * The store's health check in WebAdmin's {@code /healthcheck} on PostgreSQL: healthy, then
 * unhealthy (503) while a PostgreSQL of this test's own is stopped, with a cause that names
 * nothing of the database, then healthy again once it is back.
 */
class StoreHealthCheckPostgresqlTest {
    private static final TestPostgresql.Server POSTGRESQL = TestPostgresql.Server.startOwn();
    private static final String CHECK = "/healthcheck/checks/app-passwords-store";

    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withProperties("jdbc.url=" + POSTGRESQL.createDatabase("health") + "\n"
        + "jdbc.user=" + TestPostgresql.USER + "\n"
        + "encryption.keyFile=" + TestPostgresql.keyFile("health") + "\n");

    @Test
    void theHealthCheckShouldFollowPostgresqlDownAndBackUp() throws Exception {
        assertThat(james.webAdmin().get(CHECK).jsonPath().getString("status")).isEqualTo("healthy");
        james.webAdmin().get("/healthcheck").then().statusCode(200);

        POSTGRESQL.stop();
        try {
            Response all = james.webAdmin().get("/healthcheck");
            Response one = james.webAdmin().get(CHECK);

            assertThat(all.statusCode()).isEqualTo(503);
            assertThat(one.statusCode()).isEqualTo(503);
            assertThat(one.jsonPath().getString("status")).isEqualTo("unhealthy");
            assertThat(one.jsonPath().getString("cause")).startsWith("The app passwords store does not answer");
            assertThat(all.asString() + one.asString()).doesNotContainIgnoringCase("postgres").doesNotContain("jdbc:")
                .doesNotContain(TestPostgresql.USER + "@");
        } finally {
            POSTGRESQL.start();
        }

        assertThat(eventuallyHealthy()).isTrue();
    }

    private static boolean eventuallyHealthy() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
            .until(() -> james.webAdmin().get(CHECK).statusCode() == 200);
        return true;
    }
}
