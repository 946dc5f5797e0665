package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Device setup against a real James whose {@code clients.*} point at its own IMAP and SMTP ports:
 * the Apple profile of the one-time link and the Thunderbird for Android QR code carry the
 * settings and an app password that logs in over both; the link works once, for 5 minutes of the
 * server's clock, never for a revoked password, and leaves no plaintext in the store's files.
 */
class DeviceProfileTest {
    private static final ShiftedClock CLOCK = new ShiftedClock();
    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withProperties("appPasswords.requireSecondFactor=false\n"
        + "clients.imap=127.0.0.1:{imapPort}:starttls\nclients.smtp=127.0.0.1:{smtpPort}:starttls\n").withTestModule(CLOCK.module());

    private final SelfServiceClient client = new SelfServiceClient(james.ports());

    @AfterEach
    void resetClock() {
        CLOCK.reset();
    }

    private String signedInUser(String prefix) throws Exception {
        String user = TotpUser.newUserName(prefix);
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        return user;
    }

    private JsonPath create(String user, String device) {
        String token = client.token(user, TotpUser.PRIMARY_PASSWORD);
        return client.createAppPasswordFor(token, "Phone", TotpUser.PRIMARY_PASSWORD, device).then().statusCode(201).extract().jsonPath();
    }

    private Response open(String profileUrl) {
        return client.request().basePath("").get(profileUrl);
    }

    private static Document plist(byte[] body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    private static String mailValue(Document profile, String key) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        return xpath.evaluate("/plist/dict/array/dict[key='PayloadType' and key/following-sibling::*[1]='com.apple.mail.managed']"
            + "/key[.='" + key + "']/following-sibling::*[1]", profile);
    }

    private static String mailElement(Document profile, String key) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate("name(/plist/dict/array/dict/key[.='" + key + "']/following-sibling::*[1])", profile);
    }

    @Test
    void theProfileOfTheLinkShouldCarryTheSettingsAndAPasswordThatLogsIn() throws Exception {
        String user = signedInUser("apple");
        JsonPath created = create(user, "apple");
        String profileUrl = created.getString("device.profileUrl");
        assertThat(created.getString("device.type")).isEqualTo("apple");
        assertThat(profileUrl).matches("/app-passwords-api/device-profiles/[A-Za-z0-9_-]{43}");

        Response answer = open(profileUrl);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/x-apple-aspen-config");
        assertThat(answer.header("Content-Disposition")).startsWith("attachment; filename=").endsWith(".mobileconfig\"");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        Document profile = plist(answer.asByteArray());
        assertThat(mailValue(profile, "EmailAccountType")).isEqualTo("EmailTypeIMAP");
        assertThat(mailValue(profile, "IncomingMailServerHostName")).isEqualTo("127.0.0.1");
        assertThat(mailValue(profile, "IncomingMailServerPortNumber")).isEqualTo(Integer.toString(james.ports().imap));
        assertThat(mailElement(profile, "IncomingMailServerUseSSL")).isEqualTo("true");
        assertThat(mailValue(profile, "IncomingMailServerUsername")).isEqualTo(user);
        assertThat(mailValue(profile, "OutgoingMailServerHostName")).isEqualTo("127.0.0.1");
        assertThat(mailValue(profile, "OutgoingMailServerPortNumber")).isEqualTo(Integer.toString(james.ports().smtp));
        assertThat(mailElement(profile, "OutgoingMailServerUseSSL")).isEqualTo("true");
        assertThat(mailValue(profile, "OutgoingMailServerUsername")).isEqualTo(user);
        String password = mailValue(profile, "IncomingPassword");
        assertThat(password).isEqualTo(created.getString("password").replace("-", ""));
        assertThat(mailValue(profile, "OutgoingPassword")).isEqualTo(password);
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user, password)).as("IMAP").isTrue();
        assertThat(Protocol.SMTP_AUTH.login(james.ports(), user, password)).as("SMTP").isTrue();

        Response again = open(profileUrl);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.asString()).doesNotContain(password);
    }

    @Test
    void theLinkShouldBeGoneFiveMinutesLater() throws Exception {
        String profileUrl = create(signedInUser("late"), "apple").getString("device.profileUrl");

        CLOCK.shift(Duration.ofMinutes(5));

        assertThat(open(profileUrl).statusCode()).isEqualTo(410);
        CLOCK.reset();
        assertThat(open(profileUrl).statusCode()).as("deleted, not only refused").isEqualTo(410);
    }

    @Test
    void theLinkShouldStillWorkJustBeforeFiveMinutes() throws Exception {
        String profileUrl = create(signedInUser("intime"), "apple").getString("device.profileUrl");

        CLOCK.shift(Duration.ofMinutes(4).plusSeconds(50));

        assertThat(open(profileUrl).statusCode()).isEqualTo(200);
    }

    @Test
    void twoRacingOpeningsShouldHandTheProfileOutOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            String profileUrl = create(signedInUser("race"), "apple").getString("device.profileUrl");
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService executor = Executors.newFixedThreadPool(2);
            try {
                Callable<Integer> opening = () -> {
                    start.await();
                    return open(profileUrl).statusCode();
                };
                List<Future<Integer>> statuses = List.of(executor.submit(opening), executor.submit(opening));
                start.countDown();
                List<Integer> answered = new ArrayList<>();
                for (Future<Integer> status : statuses) {
                    answered.add(status.get());
                }
                assertThat(answered).containsExactlyInAnyOrder(200, 410);
            } finally {
                executor.shutdownNow();
            }
        }
    }

    @Test
    void oddTokensShouldAllAnswerTheSame410() throws Exception {
        String profileUrl = create(signedInUser("odd"), "apple").getString("device.profileUrl");
        String token = profileUrl.substring(profileUrl.lastIndexOf('/') + 1);
        String base = "/app-passwords-api/device-profiles/";

        for (String odd : List.of("A".repeat(43), token.substring(1), token + "A", token.toUpperCase(), "x".repeat(4000), "%00" + token.substring(3),
                "..%2F..%2Fsession", token.substring(0, 42) + "%3D")) {
            Response answer = client.request().basePath("").urlEncodingEnabled(false).get(base + odd);
            assertThat(answer.statusCode()).as(odd.length() > 60 ? "a long token" : odd).isIn(404, 410);
            if (!odd.contains("%2F")) {
                assertThat(answer.statusCode()).as(odd.length() > 60 ? "a long token" : odd).isEqualTo(410);
                assertThat(answer.jsonPath().getString("type")).isEqualTo("Gone");
            }
        }
        assertThat(client.request().basePath("").post(profileUrl).statusCode()).as("another method").isEqualTo(405);
        assertThat(open(profileUrl).statusCode()).as("the real link, untouched by the odd ones").isEqualTo(200);
    }

    @Test
    void theLinkOfARevokedAppPasswordShouldHandNothingOut() throws Exception {
        String user = signedInUser("revoked");
        String token = client.token(user, TotpUser.PRIMARY_PASSWORD);
        JsonPath created = client.createAppPasswordFor(token, "Phone", TotpUser.PRIMARY_PASSWORD, "apple")
            .then().statusCode(201).extract().jsonPath();
        client.revoke(token, created.getString("id")).then().statusCode(204);

        Response answer = open(created.getString("device.profileUrl"));

        assertThat(answer.statusCode()).isEqualTo(410);
        assertThat(answer.asString()).doesNotContain(created.getString("password").replace("-", ""));
    }

    @Test
    void theQrCodeShouldDecodeToThunderbirdsFormatWithAPasswordThatLogsIn() throws Exception {
        String user = signedInUser("android");
        JsonPath created = create(user, "thunderbird-android");
        assertThat(created.getString("device.type")).isEqualTo("thunderbird-android");

        JsonNode payload = new ObjectMapper().readTree(QrCodes.decode(Base64.getDecoder().decode(created.getString("device.qrCodePng"))));

        assertThat(payload.get(0).intValue()).as("format version").isEqualTo(1);
        assertThat(payload.get(1).toString()).isEqualTo("[1,1]");
        JsonNode imap = payload.get(2);
        JsonNode smtp = payload.get(3).get(0).get(0);
        assertThat(imap.toString()).startsWith("[0,\"127.0.0.1\"," + james.ports().imap + ",2,1,\"" + user + "\",\"Phone\",");
        assertThat(smtp.toString()).startsWith("[0,\"127.0.0.1\"," + james.ports().smtp + ",2,1,\"" + user + "\",");
        assertThat(payload.get(3).get(0).get(1).get(0).textValue()).isEqualTo(user);
        String password = imap.get(7).textValue();
        assertThat(smtp.get(6).textValue()).isEqualTo(password);
        assertThat(password).isEqualTo(created.getString("password").replace("-", ""));
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user, password)).as("IMAP").isTrue();
        assertThat(Protocol.SMTP_AUTH.login(james.ports(), user, password)).as("SMTP").isTrue();
    }

    @Test
    void badDeviceRequestsShouldBeRefusedNamingTheField() throws Exception {
        String user = signedInUser("baddevice");
        String token = client.token(user, TotpUser.PRIMARY_PASSWORD);

        Response unknown = client.createAppPasswordFor(token, "Phone", TotpUser.PRIMARY_PASSWORD, "blackberry");
        Response notImap = client.createAppPassword(token, java.util.Map.of("label", "Phone", "password", TotpUser.PRIMARY_PASSWORD,
            "device", "apple", "protocols", List.of("smtp")));
        Response notAString = client.createAppPassword(token, java.util.Map.of("label", "Phone", "password", TotpUser.PRIMARY_PASSWORD,
            "device", List.of("apple")));

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.jsonPath().getString("message")).contains("'device'", "apple, thunderbird-android, other");
        assertThat(notImap.statusCode()).isEqualTo(400);
        assertThat(notImap.jsonPath().getString("message")).contains("'device'", "'protocols'", "imap");
        assertThat(notAString.statusCode()).isEqualTo(400);
        assertThat(notAString.jsonPath().getString("message")).contains("'device'");
        assertThat(client.listAppPasswords(token).jsonPath().getList("")).as("nothing created").isEmpty();
    }

    @Test
    void noPlaintextShouldRemainInTheStoreFilesNorInLaterAnswers() throws Exception {
        String user = signedInUser("scan");
        String token = client.token(user, TotpUser.PRIMARY_PASSWORD);
        JsonPath used = client.createAppPasswordFor(token, "Used", TotpUser.PRIMARY_PASSWORD, "apple").then().statusCode(201).extract().jsonPath();
        JsonPath expired = client.createAppPasswordFor(token, "Expired", TotpUser.PRIMARY_PASSWORD, "apple").then().statusCode(201).extract().jsonPath();
        JsonPath android = client.createAppPasswordFor(token, "Android", TotpUser.PRIMARY_PASSWORD, "thunderbird-android")
            .then().statusCode(201).extract().jsonPath();
        open(used.getString("device.profileUrl")).then().statusCode(200);
        CLOCK.shift(Duration.ofMinutes(6));
        open(expired.getString("device.profileUrl")).then().statusCode(410);
        CLOCK.reset();
        StoredSecretsScan scan = new StoredSecretsScan();
        for (JsonPath created : List.of(used, expired, android)) {
            String password = created.getString("password");
            scan.text(created.getString("label") + " app password", password.replace("-", "")).text(created.getString("label") + " displayed", password);
        }

        String later = client.listAppPasswords(token).asString() + client.request().get("/device-setup").asString();
        List<String> found = new ArrayList<>(scan.foundIn(later.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try (Stream<Path> files = Files.walk(james.workingDirectory().resolve("var"))) {
            for (Path file : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                scan.foundIn(Files.readAllBytes(file)).forEach(label -> found.add(label + " in " + file.getFileName()));
            }
        }

        assertThat(found).isEmpty();
    }
}
