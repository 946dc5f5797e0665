package org.apppasswords.e2e;

import static io.restassured.RestAssured.given;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apppasswords.store.jdbc.TestPostgresql;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.specification.RequestSpecification;

/**
 * {@link CreateRacingPasswordChangeTest} across two nodes sharing one PostgreSQL database (as
 * {@link TwoNodesSharingPostgresqlTest} runs them): {@value #LOOPS} loops create app passwords
 * through node B's self-service API while the admin changes the primary password through node A's
 * WebAdmin. Once the change has settled, the admin list is empty and none of the app passwords node
 * B returned (201) logs in over IMAP on node A. James's memory users live in each node only, so
 * after each round's checks node B's user gets the new password too, through node B's WebAdmin, as
 * a shared users repository would give it.
 */
class CreateRacingPasswordChangeTwoNodesTest {
    private static final int LOOPS = 8;
    private static final int ROUNDS = 4;
    private static final String PROPERTIES = "jdbc.url=" + TestPostgresql.shared().createDatabase("racing") + "\n"
        + "jdbc.user=" + TestPostgresql.USER + "\n"
        + "encryption.keyFile=" + TestPostgresql.keyFile("racing") + "\n"
        + "appPasswords.maxPerUser=100000\n";

    @RegisterExtension
    static JamesWithAppPasswords nodeA = JamesWithAppPasswords.withProperties(PROPERTIES).withUsersRepository(RacingCreates.EXPENSIVE_HASH);

    private static Path nodeBDirectory;
    private static JamesNode nodeB;

    @BeforeAll
    static void startNodeB() throws Exception {
        nodeBDirectory = Files.createTempDirectory("james-node-b");
        nodeB = JamesNode.start(nodeBDirectory, PROPERTIES, RacingCreates.EXPENSIVE_HASH);
    }

    @AfterAll
    static void stopNodeB() throws Exception {
        try {
            if (nodeB != null) {
                nodeB.close();
            }
        } finally {
            try (Stream<Path> files = Files.walk(nodeBDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static RequestSpecification nodeBWebAdmin() {
        return given().baseUri("http://" + Protocol.LOOPBACK).port(nodeB.ports.webAdmin).urlEncodingEnabled(false);
    }

    private static void changePassword(RequestSpecification webAdmin, String user, String password) {
        webAdmin.contentType("application/json").body(Map.of("password", password))
            .put("/users/" + user + "?force").then().statusCode(204);
    }

    @Test
    void noAppPasswordCreatedOnNodeBWhileThePasswordChangesOnNodeAShouldSurviveTheChange() throws Exception {
        String name = TotpUser.newUserName("racing");
        nodeA.data().addUser(name, TotpUser.PRIMARY_PASSWORD);
        nodeB.addUser(name, TotpUser.PRIMARY_PASSWORD);
        TotpUser user = TotpUser.enrol(nodeA, name);
        SelfServiceClient onNodeB = new SelfServiceClient(nodeB.ports);
        String password = TotpUser.PRIMARY_PASSWORD;
        SoftAssertions softly = new SoftAssertions();
        for (int round = 0; round < ROUNDS; round++) {
            String token = onNodeB.token(name, password + "$" + user.recoveryCodes.get(round).reveal());
            String newPassword = "Round-" + round + "-Passw0rd";
            SecretLeakDetector.register(newPassword);

            Map<String, String> returned = RacingCreates.around(() -> changePassword(nodeA.webAdmin(), name, newPassword),
                onNodeB, token, password, "race-" + round, LOOPS);

            List<Object> listed = nodeA.webAdmin().get("/users/" + name + "/app-passwords")
                .then().statusCode(200).extract().jsonPath().getList("id");
            List<String> stillLoggingIn = new ArrayList<>();
            for (Map.Entry<String, String> created : returned.entrySet()) {
                if (Protocol.IMAP_LOGIN.login(nodeA.ports(), name, created.getValue())) {
                    stillLoggingIn.add(created.getKey());
                }
            }
            softly.assertThat(listed).as("round %d: app passwords listed after the change (%d were created)", round, returned.size())
                .isEmpty();
            softly.assertThat(stillLoggingIn)
                .as("round %d: ids of app passwords logging in over IMAP on node A after the change, out of %d created on node B",
                    round, returned.size())
                .isEmpty();
            changePassword(nodeBWebAdmin(), name, newPassword);
            password = newPassword;
        }
        softly.assertAll();
    }
}
