package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.apppasswords.apppassword.CreatedAppPassword;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a careless or hostile client sends to {@code /users/{user}/app-passwords}: dot segments
 * and encoded slashes sent byte for byte, ids longer than anything valid, methods that would
 * create or change a secret, and missing, non-admin or forged JWTs. Each gets a 4xx, and the
 * user's app passwords keep working afterwards.
 */
class AdminRoutesHostileRequestsTest {
    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withDefaults().withWebAdminJwt();

    static String path(String user) {
        return AdminAppPasswordsRoutesTest.path(user);
    }

    static String path(String user, CreatedAppPassword appPassword) {
        return AdminAppPasswordsRoutesTest.path(user, appPassword);
    }

    boolean imapLogin(TotpUser user, CreatedAppPassword appPassword) throws Exception {
        return Protocol.IMAP_LOGIN.login(james.ports(), user.name, appPassword.password().reveal());
    }

    @Test
    void dotSegmentsAndEncodedSlashesInTheIdShouldGetA400AndReachNoOtherRoute() throws Exception {
        TotpUser user = TotpUser.create(james, "tricks");
        String id = user.appPassword.password().id().asString();

        for (String trick : List.of("..", "%2e%2e", "%2E%2E", id + "%2F..", id + "%2f%2e%2e%2f%2e%2e", "..%2F..")) {
            RawHttp.Answer answer = RawHttp.send(james.ports().webAdmin, "DELETE", path(user.name) + "/" + trick,
                james.webAdminJwt().adminToken());

            assertThat(answer.status).as(trick).isEqualTo(400);
            assertThat(answer.text).contains("\"type\":\"InvalidArgument\"");
        }
        assertThat(james.data().listUsers()).contains(user.name);
        assertThat(imapLogin(user, user.appPassword)).isTrue();
    }

    @Test
    void anIdJustUnderJettysRequestLineLimitShouldGetOur400() throws Exception {
        TotpUser user = TotpUser.create(james, "longid");

        // Jetty itself answers 414 past 8 KiB of request line and headers; below that, the route refuses.
        RawHttp.Answer answer = RawHttp.send(james.ports().webAdmin, "DELETE", path(user.name) + "/" + "a".repeat(7000),
            james.webAdminJwt().adminToken());

        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.text).contains("\"type\":\"InvalidArgument\"").doesNotContain("aaaaaaaa");
        assertThat(imapLogin(user, user.appPassword)).isTrue();
    }

    @Test
    void anEncodedSlashInTheUsernameShouldGetA404() throws Exception {
        RawHttp.Answer answer = RawHttp.send(james.ports().webAdmin, "DELETE", "/users/x%2Fy@" + JamesWithAppPasswords.DOMAIN
            + "/app-passwords", james.webAdminJwt().adminToken());

        assertThat(answer.status).isEqualTo(404);
        assertThat(answer.text).contains("\"type\":\"notFound\"");
    }

    @Test
    void adminsCannotCreateAnAppPassword() throws Exception {
        TotpUser user = TotpUser.create(james, "create");

        for (String method : List.of("POST", "PUT", "PATCH")) {
            james.webAdmin().contentType("application/json").body(Map.of("label", "Admin made"))
                .request(method, path(user.name))
                .then().statusCode(405)
                .header("Allow", "GET, DELETE")
                .body("statusCode", equalTo(405))
                .body("type", equalTo("InvalidArgument"))
                .body("message", containsString("self-service"));
        }
        assertThat(james.webAdmin().get(path(user.name)).then().extract().jsonPath().getList("id")).hasSize(2);
    }

    @Test
    void anAppPasswordCanOnlyBeDeletedNotReadOrReplaced() throws Exception {
        TotpUser user = TotpUser.create(james, "item");

        for (String method : List.of("GET", "POST", "PUT", "PATCH")) {
            james.webAdmin().request(method, path(user.name, user.appPassword))
                .then().statusCode(405).header("Allow", "DELETE").body("statusCode", equalTo(405));
        }
        assertThat(imapLogin(user, user.appPassword)).isTrue();
    }

    @Test
    void routesShouldAnswer401WithoutAToken() throws Exception {
        TotpUser user = TotpUser.create(james, "anonymous");

        james.anonymousWebAdmin().get(path(user.name)).then().statusCode(401);
        james.anonymousWebAdmin().delete(path(user.name, user.appPassword)).then().statusCode(401);
        james.anonymousWebAdmin().delete(path(user.name)).then().statusCode(401);
        james.anonymousWebAdmin().post(path(user.name)).then().statusCode(401);
        james.anonymousWebAdmin().head(path(user.name)).then().statusCode(401);

        assertThat(imapLogin(user, user.appPassword)).isTrue();
        assertThat(imapLogin(user, user.secondAppPassword)).isTrue();
    }

    @Test
    void routesShouldAnswer401ToATokenWithoutTheAdminClaim() throws Exception {
        TotpUser user = TotpUser.create(james, "nonadmin");
        String token = james.webAdminJwt().nonAdminToken();

        james.anonymousWebAdmin().header("Authorization", "Bearer " + token).get(path(user.name)).then().statusCode(401);
        james.anonymousWebAdmin().header("Authorization", "Bearer " + token).delete(path(user.name)).then().statusCode(401);

        assertThat(imapLogin(user, user.appPassword)).isTrue();
    }

    @Test
    void routesShouldAnswer401ToATokenSignedByAnotherKey() throws Exception {
        TotpUser user = TotpUser.create(james, "forged");
        String token = WebAdminJwt.tokenSignedByAnotherKey();

        james.anonymousWebAdmin().header("Authorization", "Bearer " + token).delete(path(user.name, user.appPassword))
            .then().statusCode(401);
        james.anonymousWebAdmin().header("Authorization", "Basic " + token).delete(path(user.name)).then().statusCode(401);

        assertThat(imapLogin(user, user.appPassword)).isTrue();
    }
}
