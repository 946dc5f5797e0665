package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.LinkedHashMap;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.CreatedAppPassword;
import org.apppasswords.apppassword.StoredAppPassword;
import org.apppasswords.audit.AuditCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.path.json.JsonPath;

/**
 * Last use (time and protocol) and {@code appPasswords.idleExpiry} through a real James: shown by
 * the admin list and the user's own list, an idle app password refused over IMAP and the connection
 * it held open signed out. Also the
 * store's health check on the default embedded H2.
 */
class LastUseAndIdleExpiryTest {
    private static final long IDLE_SECONDS = 6;

    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withProperties("appPasswords.idleExpiry=PT" + IDLE_SECONDS + "S\n");

    @Test
    void anImapLoginShouldShowItsTimeProtocolAndAddressInBothLists() throws Exception {
        TotpUser user = TotpUser.create(james, "lastuse");
        String id = user.appPassword.password().id().asString();

        // First, within the idle expiry of its minting.
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, user.appPassword.password().reveal())).isTrue();
        james.appPasswords().flushLastUses();
        String token = new SelfServiceClient(james.ports()).token(user.name, user.primaryWithCurrentCode());

        JsonPath admin = james.webAdmin().get("/users/" + user.name + "/app-passwords").then().statusCode(200).extract().jsonPath();
        JsonPath own = new SelfServiceClient(james.ports()).listAppPasswords(token).then().statusCode(200).extract().jsonPath();
        for (JsonPath list : List.of(admin, own)) {
            String entry = "find { it.id == '" + id + "' }";
            assertThat(list.getString(entry + ".lastUsedAt")).isNotNull();
            assertThat(list.getString(entry + ".lastUsedProtocol")).isEqualTo("IMAP");
            assertThat(list.getString(entry + ".lastUsedAddress")).isEqualTo("127.0.0.1");
            assertThat(list.getBoolean(entry + ".expired")).isFalse();
            assertThat(list.getString("find { it.id == '" + user.secondAppPassword.password().id().asString() + "' }.lastUsedProtocol"))
                .as("never used").isNull();
        }
    }

    /**
     * The protocol named in the logging context ({@code protocol}) of the thread that checks the
     * password, per protocol: James 3.8.1's own name where it gives one, the launcher's where it
     * does not (SMTP AUTH answered after a continuation, JMAP Basic); every exchange, each SASL form
     * included, is in {@code LoginOriginTest} (docs/observability.md lists them).
     */
    @Test
    void eachProtocolShouldRecordItsProtocolName() throws Exception {
        String name = TotpUser.newUserName("protocols");
        james.data().addUser(name, TotpUser.PRIMARY_PASSWORD);
        TotpUser.enrol(james, name);
        Map<Protocol, String> recorded = new LinkedHashMap<>();
        Map<Protocol, CreatedAppPassword> passwords = new LinkedHashMap<>();
        for (Protocol protocol : Protocol.values()) {
            // A refused login first warms the client up (REST-assured's first request takes seconds), so
            // the app password below is used well within the idle expiry of this server.
            assertThat(protocol.login(james.ports(), name, TotpUser.PRIMARY_PASSWORD)).isFalse();
            CreatedAppPassword password = TotpUser.mint(james, Username.of(name), protocol.name());
            passwords.put(protocol, password);
            assertThat(protocol.login(james.ports(), name, password.password().reveal())).as(protocol.name()).isTrue();
        }
        james.appPasswords().flushLastUses();
        for (StoredAppPassword stored : james.appPasswords().listAppPasswords(Username.of(name))) {
            passwords.forEach((protocol, password) -> {
                if (password.password().id().equals(stored.id())) {
                    assertThat(stored.lastUsedAt()).as(protocol.name()).isPresent();
                    recorded.put(protocol, stored.lastUsedProtocol().orElse("none"));
                }
            });
        }

        assertThat(recorded).isEqualTo(EXPECTED_PROTOCOLS);
    }

    private static final Map<Protocol, String> EXPECTED_PROTOCOLS = expectedProtocols();

    private static Map<Protocol, String> expectedProtocols() {
        Map<Protocol, String> expected = new LinkedHashMap<>();
        expected.put(Protocol.IMAP_LOGIN, "IMAP");
        expected.put(Protocol.IMAP_AUTHENTICATE_PLAIN, "IMAP");
        expected.put(Protocol.POP3, "POP3");
        expected.put(Protocol.SMTP_AUTH, "SMTP");
        expected.put(Protocol.JMAP_BASIC, "JMAP");
        expected.put(Protocol.MANAGESIEVE, "MANAGE-SIEVE");
        return expected;
    }

    @Test
    void anIdleAppPasswordShouldBeRefusedAndListedExpiredWhileAFreshOneWorks() throws Exception {
        TotpUser user = TotpUser.create(james, "idle");
        // Watched in the admin's list, never by logging in (a login would be a use, and keep it alive).
        await().atMost(Duration.ofSeconds(IDLE_SECONDS + 10)).until(() -> james.webAdmin().get("/users/" + user.name + "/app-passwords")
            .then().extract().jsonPath().getBoolean("find { it.id == '" + user.appPassword.password().id().asString() + "' }.expired"));

        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, user.appPassword.password().reveal())).isFalse();
        String token = new SelfServiceClient(james.ports()).token(user.name, user.primaryWithCurrentCode());
        CreatedAppPassword fresh = TotpUser.mint(james, Username.of(user.name), "fresh");
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, fresh.password().reveal())).isTrue();
        // Its use written: the lists below are then within the idle expiry of the use, not only of the minting.
        james.appPasswords().flushLastUses();

        JsonPath admin = james.webAdmin().get("/users/" + user.name + "/app-passwords").then().statusCode(200).extract().jsonPath();
        JsonPath own = new SelfServiceClient(james.ports()).listAppPasswords(token).then().statusCode(200).extract().jsonPath();
        for (JsonPath list : List.of(admin, own)) {
            assertThat(list.getBoolean("find { it.id == '" + user.appPassword.password().id().asString() + "' }.expired"))
                .as("kept, shown expired").isTrue();
            assertThat(list.getBoolean("find { it.id == '" + fresh.password().id().asString() + "' }.expired")).isFalse();
        }
    }

    @Test
    void anAppPasswordExpiringShouldSignOutTheConnectionItHoldsOpen() throws Exception {
        TotpUser user = TotpUser.create(james, "idle-open");
        try (IdlingImapClient phone = IdlingImapClient.login(james.ports(), user.name, user.appPassword.password().reveal())) {
            // Its login was its last use: it expires that long after, and the next look (every second) ends it.
            assertThat(phone.signedOutWithin()).isLessThan(Duration.ofSeconds(IDLE_SECONDS + 5));
        }
    }

    @Test
    void theRoutesShouldWriteOneAuditLinePerManagementEvent() throws Exception {
        TotpUser user = TotpUser.create(james, "audit");
        String token = new SelfServiceClient(james.ports()).token(user.name, user.primaryWithCurrentCode());
        String first = user.appPassword.password().id().asString();

        try (AuditCapture audit = new AuditCapture()) {
            new SelfServiceClient(james.ports()).revoke(token, first).then().statusCode(204);
            james.webAdmin().delete("/users/" + user.name + "/app-passwords").then().statusCode(204);
            james.webAdmin().delete("/users/" + user.name + "/second-factor").then().statusCode(204);

            assertThat(audit.lines()).containsExactly(
                "app-passwords-audit event=app-password-revoked user=" + user.name + " id=" + first + " by=user",
                "app-passwords-audit event=app-passwords-revoked-all user=" + user.name + " by=admin",
                "app-passwords-audit event=totp-reset user=" + user.name + " by=admin");
        }
    }

    @Test
    void theStoreHealthCheckShouldBeHealthyOnH2() {
        james.webAdmin().get("/healthcheck").then().statusCode(200);
        JsonPath check = james.webAdmin().get("/healthcheck/checks/app-passwords-store").then().statusCode(200).extract().jsonPath();

        assertThat(check.getString("componentName")).isEqualTo("app-passwords-store");
        assertThat(check.getString("status")).isEqualTo("healthy");
    }
}
