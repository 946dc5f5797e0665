package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Without {@code clients.*} settings, autoconfig and device setup are off: both of Thunderbird's
 * paths and the device routes answer 404, a create asking for a device that needs the settings is
 * refused naming the field, and a create answer carries the password alone.
 */
class AutoconfigOffTest {
    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withProperties("appPasswords.requireSecondFactor=false\n");

    @Test
    void autoconfigShouldBeNotFound() {
        for (String path : new String[] {"/.well-known/autoconfig/mail/config-v1.1.xml", "/mail/config-v1.1.xml"}) {
            assertThat(RestAssured.given().baseUri("http://127.0.0.1").port(james.ports().jmap)
                .get(path + "?emailaddress=alice@" + JamesWithAppPasswords.DOMAIN).statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void deviceRoutesShouldBeNotFound() {
        SelfServiceClient client = new SelfServiceClient(james.ports());

        assertThat(client.request().get("/device-setup").statusCode()).isEqualTo(404);
        assertThat(client.request().get("/device-profiles/" + "A".repeat(43)).statusCode()).isEqualTo(404);
    }

    @Test
    void aDeviceThatNeedsTheSettingsShouldBeRefusedNamingTheField() throws Exception {
        String user = TotpUser.newUserName("nodevice");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        SelfServiceClient client = new SelfServiceClient(james.ports());
        String token = client.token(user, TotpUser.PRIMARY_PASSWORD);

        for (String device : List.of("apple", "thunderbird-android")) {
            Response refused = client.createAppPasswordFor(token, "Phone", TotpUser.PRIMARY_PASSWORD, device);
            assertThat(refused.statusCode()).as(device).isEqualTo(400);
            assertThat(refused.jsonPath().getString("message")).contains("'device'", "clients.imap");
        }
        JsonPath other = client.createAppPasswordFor(token, "Laptop", TotpUser.PRIMARY_PASSWORD, "other")
            .then().statusCode(201).extract().jsonPath();
        assertThat(other.getMap("")).doesNotContainKeys("settings", "device");
        assertThat(client.listAppPasswords(token).jsonPath().getList("label")).containsExactly("Laptop");
    }
}
