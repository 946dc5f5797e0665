package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * A user's whole journey through the self-service API on James's JMAP port, with default
 * settings: sign in with the primary password, enrol TOTP confirmed by a code from
 * {@code oathtool} (an independent RFC 6238 implementation), mint an app password and log in
 * over IMAP with it, revoke it, sign in with a recovery code once, disable TOTP.
 */
class SelfServiceJourneyTest {
    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withDefaults();

    private SelfServiceClient client() {
        return new SelfServiceClient(james.ports());
    }

    @Test
    void userShouldEnrolMintUseRevokeRecoverAndDisable() throws Exception {
        SelfServiceClient client = client();
        String user = TotpUser.newUserName("journey");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);

        Response signIn = client.signIn(user, TotpUser.PRIMARY_PASSWORD);
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.jsonPath().getString("expiresAt")).isNotBlank();
        String token = signIn.jsonPath().getString("token");

        JsonPath enrolment = client.startEnrolment(token, TotpUser.PRIMARY_PASSWORD).then().statusCode(200).extract().jsonPath();
        String secret = enrolment.getString("secret");
        assertThat(secret).matches("[A-Z2-7]{32}");

        Response confirmation = client.confirm(token, Oathtool.currentCode(secret));
        assertThat(confirmation.statusCode()).isEqualTo(200);
        List<String> recoveryCodes = confirmation.jsonPath().getList("recoveryCodes", String.class);
        assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates();

        // The enrolment proved a code: the same session may now mint app passwords.
        Response created = client.createAppPassword(token, "Thunderbird", TotpUser.PRIMARY_PASSWORD);
        assertThat(created.statusCode()).isEqualTo(201);
        String appPassword = created.jsonPath().getString("password");
        String id = created.jsonPath().getString("id");
        assertThat(created.jsonPath().getString("label")).isEqualTo("Thunderbird");

        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user, appPassword)).isTrue();
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user, TotpUser.PRIMARY_PASSWORD)).isFalse();

        assertThat(client.revoke(token, id).statusCode()).isEqualTo(204);
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user, appPassword)).isFalse();
        assertThat(client.listAppPasswords(token).jsonPath().getList("$")).isEmpty();

        String withRecoveryCode = TotpUser.PRIMARY_PASSWORD + "$" + recoveryCodes.get(0);
        assertThat(client.signIn(user, withRecoveryCode).statusCode()).isEqualTo(200);
        assertThat(client.signIn(user, withRecoveryCode).statusCode()).isEqualTo(401);

        assertThat(client.disable(token, Oathtool.nextCode(secret)).statusCode()).isEqualTo(204);
        assertThat(client.signIn(user, TotpUser.PRIMARY_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user, TotpUser.PRIMARY_PASSWORD)).isTrue();
    }

    @Test
    void appPasswordShouldBeRefusedAtSignIn() throws Exception {
        TotpUser user = TotpUser.create(james, "signin");

        Response refused = client().signIn(user.name, user.appPassword.password().reveal());

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(client().signIn(user.name, user.appPassword.password().revealForDisplay()).statusCode()).isEqualTo(401);
    }

    @Test
    void everyFailedSignInShouldGetTheSameAnswer() throws Exception {
        TotpUser user = TotpUser.create(james, "same");
        String unknown = TotpUser.newUserName("nobody");

        List<Response> failures = List.of(
            client().signIn(user.name, user.appPassword.password().reveal()),
            client().signIn(user.name, TotpUser.PRIMARY_PASSWORD),
            client().signIn(user.name, user.primaryWithCode("000000")),
            client().signIn(unknown, TotpUser.PRIMARY_PASSWORD),
            client().request().post("/session"));

        for (Response failure : failures) {
            assertThat(failure.statusCode()).isEqualTo(401);
            assertThat(failure.header("WWW-Authenticate")).startsWith("Basic");
            assertThat(failure.asString()).isEqualTo(failures.get(0).asString());
        }
    }

    @Test
    void primaryPasswordAloneShouldBeRefusedAtSignInOnceTotpIsOn() throws Exception {
        TotpUser user = TotpUser.create(james, "alone");

        assertThat(client().signIn(user.name, TotpUser.PRIMARY_PASSWORD).statusCode()).isEqualTo(401);
        assertThat(client().signIn(user.name, user.primaryWithCurrentCode()).statusCode()).isEqualTo(200);
    }

    @Test
    void codeSpentAtSignInShouldBeRefusedOverImap() throws Exception {
        TotpUser user = TotpUser.create(james, "shared");
        String presented = user.primaryWithCurrentCode();

        assertThat(client().signIn(user.name, presented).statusCode()).isEqualTo(200);

        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, presented)).isFalse();
        assertThat(client().signIn(user.name, presented).statusCode()).isEqualTo(401);
    }

    @Test
    void tokenAloneShouldNotCreateAnAppPassword() throws Exception {
        TotpUser user = TotpUser.create(james, "stolen");
        String token = client().token(user.name, user.primaryWithCurrentCode());

        Response refused = client().createAppPassword(token, "Thief", "not-the-primary-password");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.jsonPath().getString("type")).isEqualTo("Forbidden");
        assertThat(client().listAppPasswords(token).jsonPath().getList("id")).hasSize(2);
    }

    @Test
    void tokenAloneShouldNotReEnrol() throws Exception {
        TotpUser user = TotpUser.create(james, "reenrol");
        String token = client().token(user.name, user.primaryWithCurrentCode());

        Response refused = client().startEnrolment(token, TotpUser.PRIMARY_PASSWORD);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.asString()).doesNotContain("secret");
        assertThat(client().confirm(token, user.codeForStep(TotpUser.currentStep() + 1)).statusCode()).isEqualTo(409);
    }

    @Test
    void tokenAloneShouldNotDisableTotp() throws Exception {
        TotpUser user = TotpUser.create(james, "disable");
        long step = TotpUser.currentStep();
        String usedCode = user.codeForStep(step);
        String token = client().token(user.name, user.primaryWithCode(usedCode));

        assertThat(client().disable(token, usedCode).statusCode()).isEqualTo(403);
        assertThat(client().disable(token, wrongCode(user, step)).statusCode()).isEqualTo(403);
        assertThat(client().disable(token, "").statusCode()).isEqualTo(403);

        assertThat(client().signIn(user.name, TotpUser.PRIMARY_PASSWORD).statusCode()).isEqualTo(401);
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, user.appPassword.password().reveal())).isTrue();
    }

    /** A well-formed code that none of the steps around {@code step} accepts. */
    private static String wrongCode(TotpUser user, long step) {
        List<String> valid = List.of(user.codeForStep(step - 1), user.codeForStep(step), user.codeForStep(step + 1), user.codeForStep(step + 2));
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            if (!valid.contains(code)) {
                return code;
            }
        }
    }

    @Test
    void qrCodeShouldDecodeToTheOtpauthUri() throws Exception {
        String user = TotpUser.newUserName("qr");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        String token = client().token(user, TotpUser.PRIMARY_PASSWORD);

        JsonPath enrolment = client().startEnrolment(token, TotpUser.PRIMARY_PASSWORD).then().statusCode(200).extract().jsonPath();

        String uri = enrolment.getString("otpauthUri");
        assertThat(uri).isEqualTo("otpauth://totp/James:" + user.replace("@", "%40") + "?secret=" + enrolment.getString("secret")
            + "&issuer=James&algorithm=SHA1&digits=6&period=30");
        assertThat(QrCodes.decode(Base64.getDecoder().decode(enrolment.getString("qrCodePng")))).isEqualTo(uri);
    }

    @Test
    void startingAgainShouldReplaceThePendingSecret() throws Exception {
        String user = TotpUser.newUserName("restart");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        String token = client().token(user, TotpUser.PRIMARY_PASSWORD);
        String first = client().startEnrolment(token, TotpUser.PRIMARY_PASSWORD).jsonPath().getString("secret");
        String second = client().startEnrolment(token, TotpUser.PRIMARY_PASSWORD).jsonPath().getString("secret");

        assertThat(second).isNotEqualTo(first);
        assertThat(client().confirm(token, Oathtool.currentCode(first)).statusCode()).isEqualTo(403);
        assertThat(client().confirm(token, Oathtool.currentCode(second)).statusCode()).isEqualTo(200);
    }

    @Test
    void disableShouldAcceptAnUnusedRecoveryCodeOnce() throws Exception {
        TotpUser user = TotpUser.create(james, "lostphone");
        String recoveryCode = user.recoveryCodes.get(0).revealForDisplay();
        String token = client().token(user.name, user.primaryWithCode(user.recoveryCodes.get(1).reveal()));

        assertThat(client().disable(token, recoveryCode).statusCode()).isEqualTo(204);

        assertThat(client().disable(token, recoveryCode).statusCode()).as("TOTP is off now").isEqualTo(409);
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, TotpUser.PRIMARY_PASSWORD)).isTrue();
    }

    /** A client that sends the headers, holds the body back and sends it after the session ended. */
    @Test
    void confirmShouldBeRefusedWhenTheSessionEndedWhileTheBodyWasHeldBack() throws Exception {
        String user = TotpUser.newUserName("held");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        String token = client().token(user, TotpUser.PRIMARY_PASSWORD);
        String secret = client().startEnrolment(token, TotpUser.PRIMARY_PASSWORD).jsonPath().getString("secret");
        String body = "{\"code\":\"" + Oathtool.currentCode(secret) + "\"}";

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), james.ports().jmap)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /app-passwords-api/totp/confirm HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // A deliberate pause, not a wait for something: the body is held back while the session ends.
            Thread.sleep(500);
            assertThat(client().signOut(token).statusCode()).isEqualTo(204);
            out.write(body.getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertThat(statusLine).startsWith("HTTP/1.1 401");
        }
        String laterToken = client().token(user, TotpUser.PRIMARY_PASSWORD);
        assertThat(client().startEnrolment(laterToken, TotpUser.PRIMARY_PASSWORD).statusCode()).as("TOTP still off").isEqualTo(200);
    }

    @Test
    void codeThatConfirmedTheEnrolmentShouldBeSpent() throws Exception {
        String user = TotpUser.newUserName("spent");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        String token = client().token(user, TotpUser.PRIMARY_PASSWORD);
        String secret = client().startEnrolment(token, TotpUser.PRIMARY_PASSWORD).jsonPath().getString("secret");
        String code = Oathtool.currentCode(secret);
        assertThat(client().confirm(token, code).statusCode()).isEqualTo(200);

        String presented = TotpUser.PRIMARY_PASSWORD + "$" + code;
        SecretLeakDetector.register(presented);
        assertThat(client().signIn(user, presented).statusCode()).isEqualTo(401);
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user, presented)).isFalse();
    }

    @Test
    void sessionWithoutSecondFactorShouldNotManageAppPasswordsByDefault() throws Exception {
        String user = TotpUser.newUserName("nototp");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        String token = client().token(user, TotpUser.PRIMARY_PASSWORD);

        Response refused = client().createAppPassword(token, "Mail", TotpUser.PRIMARY_PASSWORD);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.jsonPath().getString("message")).contains("Enable TOTP first");
        assertThat(client().listAppPasswords(token).statusCode()).isEqualTo(403);
        assertThat(client().revokeAll(token).statusCode()).isEqualTo(403);
    }

    @Test
    void pendingEnrolmentShouldChangeNothing() throws Exception {
        String user = TotpUser.newUserName("pending");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        String token = client().token(user, TotpUser.PRIMARY_PASSWORD);

        assertThat(client().startEnrolment(token, TotpUser.PRIMARY_PASSWORD).statusCode()).isEqualTo(200);

        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user, TotpUser.PRIMARY_PASSWORD)).isTrue();
        assertThat(client().signIn(user, TotpUser.PRIMARY_PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void confirmShouldAnswer403WhenTheCodeIsWrong() throws Exception {
        String user = TotpUser.newUserName("wrongcode");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        String token = client().token(user, TotpUser.PRIMARY_PASSWORD);
        String secret = client().startEnrolment(token, TotpUser.PRIMARY_PASSWORD).jsonPath().getString("secret");
        String code = Oathtool.currentCode(secret);
        String wrong = String.format("%06d", (Integer.parseInt(code) + 500_000) % 1_000_000);

        assertThat(client().confirm(token, wrong).statusCode()).isEqualTo(403);
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user, TotpUser.PRIMARY_PASSWORD)).isTrue();
    }

    @Test
    void confirmShouldAnswer409WithoutAPendingEnrolment() throws Exception {
        String user = TotpUser.newUserName("nopending");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        String token = client().token(user, TotpUser.PRIMARY_PASSWORD);

        assertThat(client().confirm(token, "123456").statusCode()).isEqualTo(409);
    }

    @Test
    void disableShouldAnswer409WhenTotpIsOff() throws Exception {
        String user = TotpUser.newUserName("off");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        String token = client().token(user, TotpUser.PRIMARY_PASSWORD);

        assertThat(client().disable(token, "123456").statusCode()).isEqualTo(409);
    }

    @Test
    void signOutShouldEndTheSession() throws Exception {
        TotpUser user = TotpUser.create(james, "signout");
        String token = client().token(user.name, user.primaryWithCurrentCode());
        assertThat(client().listAppPasswords(token).statusCode()).isEqualTo(200);

        assertThat(client().signOut(token).statusCode()).isEqualTo(204);

        Response refused = client().listAppPasswords(token);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(client().signOut(token).statusCode()).isEqualTo(401);
    }

    @Test
    void primaryPasswordChangeThroughJamesShouldEndTheSessions() throws Exception {
        TotpUser user = TotpUser.create(james, "changed");
        String token = client().token(user.name, user.primaryWithCurrentCode());
        SecretLeakDetector.register(UserLifecycleThroughWebAdminTest.NEW_PRIMARY_PASSWORD);

        UserLifecycleThroughWebAdminTest.changePrimaryPassword(james, user.name, UserLifecycleThroughWebAdminTest.NEW_PRIMARY_PASSWORD);

        assertThat(client().listAppPasswords(token).statusCode()).isEqualTo(401);
    }

    @Test
    void routesShouldAnswer401WithoutAValidToken() {
        String forged = "A".repeat(43);
        for (Response refused : List.of(client().request().get("/app-passwords"), client().withToken(forged).get("/app-passwords"),
                client().withToken("short").post("/totp"), client().request().header("Authorization", "Basic YTpi").delete("/app-passwords"),
                client().withToken(forged).delete("/totp"), client().withToken(forged).delete("/app-passwords/abcde"),
                client().withToken(forged).contentType("application/json").body("{\"label\": \"x\", \"password\": \"y\"}").post("/app-passwords"),
                client().withToken(forged).contentType("application/json").body("{\"code\": \"123456\"}").post("/totp/confirm"))) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(refused.jsonPath().getString("type")).isEqualTo("Unauthorized");
        }
    }

    @Test
    void listShouldHaveTheAdminShape() throws Exception {
        TotpUser user = TotpUser.create(james, "list");
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, user.appPassword.password().reveal())).isTrue();
        james.appPasswords().flushLastUses();
        String token = client().token(user.name, user.primaryWithCurrentCode());

        JsonPath list = client().listAppPasswords(token).then().statusCode(200).extract().jsonPath();

        assertThat(list.getList("id")).containsExactly(user.appPassword.entry().id().asString(), user.secondAppPassword.entry().id().asString());
        assertThat(list.getList("label")).containsExactly("Thunderbird", "iPhone Mail");
        assertThat(list.getString("[0].createdAt")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(list.getString("[0].lastUsedAt")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(list.getMap("[1]")).containsEntry("lastUsedAt", null).containsOnlyKeys("id", "label", "createdAt", "lastUsedAt", "lastUsedProtocol", "lastUsedAddress", "protocols", "expired", "liveConnections");
    }

    @Test
    void revokeAllShouldEndEveryAppPassword() throws Exception {
        TotpUser user = TotpUser.create(james, "revokeall");
        String token = client().token(user.name, user.primaryWithCurrentCode());

        assertThat(client().revokeAll(token).statusCode()).isEqualTo(204);

        assertThat(client().listAppPasswords(token).jsonPath().getList("$")).isEmpty();
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, user.appPassword.password().reveal())).isFalse();
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, user.secondAppPassword.password().reveal())).isFalse();
    }

    @Test
    void routesShouldAlsoAnswerRequestsAskingForJmapRfc8621() throws Exception {
        TotpUser user = TotpUser.create(james, "accept");
        String token = client().token(user.name, user.primaryWithCurrentCode());

        assertThat(client().withToken(token).accept("application/json; jmapVersion=rfc-8621").get("/app-passwords").statusCode())
            .isEqualTo(200);
        assertThat(client().withToken(token).accept("application/json; jmapVersion=draft").get("/app-passwords").statusCode())
            .isEqualTo(200);
    }
}
