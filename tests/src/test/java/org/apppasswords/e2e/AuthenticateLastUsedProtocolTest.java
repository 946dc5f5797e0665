package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.apppasswords.audit.AuditCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.path.json.JsonPath;

/**
 * IMAP {@code AUTHENTICATE PLAIN} whose response comes on a continuation line, after the server's
 * "+" (what clients without SASL-IR send), is an IMAP login from 127.0.0.1 like any other: the
 * admin list shows {@code "lastUsedProtocol":"IMAP"} for an app password used that way, and the
 * audit line of a refusal carries the client's address, as for {@code LOGIN} and for
 * {@code AUTHENTICATE} with an initial response.
 */
class AuthenticateLastUsedProtocolTest {
    private static final int ATTEMPTS = 3;

    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withDefaults();

    /**
     * James 3.8.1 answers the continuation through a line handler that can race with its own flush
     * (fixed after 3.8.1, apache/james-project#2304): an answer that never comes is retried.
     */
    private static boolean authenticateAfterContinuation(String user, String password) throws IOException {
        IOException lastFailure = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return Protocol.imapAuthenticatePlainAfterContinuation(james.ports(), user, password);
            } catch (IOException noAnswer) {
                lastFailure = noAnswer;
            }
        }
        throw lastFailure;
    }

    @Test
    void anAppPasswordSentAfterTheContinuationShouldRecordImapAsItsLastProtocol() throws Exception {
        TotpUser user = TotpUser.create(james, "continuation");
        String id = user.appPassword.password().id().asString();

        assertThat(authenticateAfterContinuation(user.name, user.appPassword.password().reveal())).isTrue();
        james.appPasswords().flushLastUses();

        JsonPath admin = james.webAdmin().get("/users/" + user.name + "/app-passwords").then().statusCode(200).extract().jsonPath();
        String entry = "find { it.id == '" + id + "' }";
        assertThat(admin.getString(entry + ".lastUsedAt")).as("last use recorded").isNotNull();
        assertThat(admin.getString(entry + ".lastUsedProtocol")).as("lastUsedProtocol in the admin list").isEqualTo("IMAP");
    }

    @Test
    void aRefusalSentAfterTheContinuationShouldCarryTheClientAddress() throws Exception {
        String user = TotpUser.newUserName("continuation");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);

        try (AuditCapture audit = new AuditCapture()) {
            assertThat(authenticateAfterContinuation(user, "Wrong-Passw0rd")).isFalse();

            List<String> refusals = audit.lines("login-refused");
            assertThat(refusals).filteredOn(line -> line.contains(" user=" + user + " "))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains(" address=127.0.0.1 "));
        }
    }
}
