package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.CreatedAppPassword;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;


import io.restassured.path.json.JsonPath;

/**
 * Where a login comes from, as the login checks see it on every exchange of every protocol: the
 * client address and protocol name of the audit log's {@code login-refused} line (what the
 * throttle keys its per-address counts on) and the {@code lastUsedProtocol} of an app password.
 * James 3.8.1 gives them itself on some exchanges, the launcher on the others (SASL responses sent
 * after a continuation, JMAP Basic, draft-JMAP {@code /authentication}); docs/throttling.md
 * records the answer.
 */
class LoginOriginTest {
    private static final String LOOPBACK = "127.0.0.1";

    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withDefaults();

    @RegisterExtension
    static AuditLines audit = new AuditLines();

    /** The user's refusals: one, or one per attempt where an exchange had to be tried again. */
    private static List<String> refusalsOf(String user) {
        List<String> lines = audit.of("login-refused", user);
        assertThat(lines).isNotEmpty();
        return lines;
    }

    private static String newUser() throws Exception {
        String user = TotpUser.newUserName("origin");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        return user;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LoginPath.class)
    void aRefusedPrimaryPasswordShouldCarryTheClientAddressAndProtocol(LoginPath path) throws Exception {
        String user = newUser();

        assertThat(path.login(james.ports(), user, "Wrong-Passw0rd")).isFalse();

        assertThat(refusalsOf(user)).allSatisfy(line ->
            assertThat(line).contains(" address=" + LOOPBACK + " protocol=" + path.protocolName + " method=primary"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = LoginPath.class, names = "DRAFT_JMAP_AUTHENTICATION", mode = EnumSource.Mode.EXCLUDE)
    void anAcceptedAppPasswordShouldRecordTheProtocolAsItsLastUse(LoginPath path) throws Exception {
        String user = newUser();
        CreatedAppPassword appPassword = TotpUser.mint(james, Username.of(user), path.name());

        assertThat(path.login(james.ports(), user, appPassword.password().reveal())).isTrue();

        james.appPasswords().flushLastUses();
        JsonPath list = james.webAdmin().get("/users/" + user + "/app-passwords").then().statusCode(200).extract().jsonPath();
        String entry = "find { it.id == '" + appPassword.password().id().asString() + "' }";
        assertThat(list.getString(entry + ".lastUsedAt")).isNotNull();
        assertThat(list.getString(entry + ".lastUsedProtocol")).isEqualTo(path.protocolName);
    }

    /** The draft endpoint refuses app passwords (login rule 6): its refusal still says where it came from. */
    @Test
    void anAppPasswordRefusedByTheDraftJmapEndpointShouldCarryTheClientAddress() throws Exception {
        String user = newUser();
        CreatedAppPassword appPassword = TotpUser.mint(james, Username.of(user), "draft");

        assertThat(LoginPath.DRAFT_JMAP_AUTHENTICATION.login(james.ports(), user, appPassword.password().reveal())).isFalse();

        assertThat(refusalsOf(user)).singleElement().asString()
            .contains(" address=" + LOOPBACK + " protocol=JMAP method=app-password");
    }

    @Test
    void aRefusedSelfServiceSignInShouldCarryTheClientAddress() throws Exception {
        String user = newUser();

        assertThat(new SelfServiceClient(james.ports()).signIn(user, "Wrong-Passw0rd").statusCode()).isEqualTo(401);

        assertThat(refusalsOf(user)).singleElement().asString()
            .contains(" address=" + LOOPBACK + " protocol=SELF-SERVICE method=primary");
    }
}
