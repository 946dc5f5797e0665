package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.RestAssured;

/** Without {@code clients.*} settings, autoconfig is off: both of Thunderbird's paths answer 404. */
class AutoconfigOffTest {
    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withDefaults();

    @Test
    void autoconfigShouldBeNotFound() {
        for (String path : new String[] {"/.well-known/autoconfig/mail/config-v1.1.xml", "/mail/config-v1.1.xml"}) {
            assertThat(RestAssured.given().baseUri("http://127.0.0.1").port(james.ports().jmap)
                .get(path + "?emailaddress=alice@" + JamesWithAppPasswords.DOMAIN).statusCode()).as(path).isEqualTo(404);
        }
    }
}
