package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.apppasswords.store.jdbc.TestPostgresql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * A profile link created on node A opens on node B, which shares A's PostgreSQL database and key,
 * once: node A then answers 410 too.
 */
class DeviceProfileTwoNodesTest {
    private static final String PROPERTIES = "jdbc.url=" + TestPostgresql.shared().createDatabase("devices") + "\n"
        + "jdbc.user=" + TestPostgresql.USER + "\n"
        + "encryption.keyFile=" + TestPostgresql.keyFile("devices") + "\n"
        + "appPasswords.requireSecondFactor=false\n"
        + "clients.imap=imap.example.com:993:tls\nclients.smtp=smtp.example.com:465:tls\n";

    @RegisterExtension
    static JamesWithAppPasswords nodeA = JamesWithAppPasswords.withProperties(PROPERTIES);

    private static Path nodeBDirectory;
    private static JamesNode nodeB;

    @BeforeAll
    static void startNodeB() throws Exception {
        nodeBDirectory = Files.createTempDirectory("james-node-b");
        nodeB = JamesNode.start(nodeBDirectory, PROPERTIES);
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

    @Test
    void aLinkCreatedOnOneNodeShouldOpenOnceOnAnother() throws Exception {
        String user = TotpUser.newUserName("twonodes");
        nodeA.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        SelfServiceClient onNodeA = new SelfServiceClient(nodeA.ports());
        String token = onNodeA.token(user, TotpUser.PRIMARY_PASSWORD);
        JsonPath created = onNodeA.createAppPasswordFor(token, "iPad", TotpUser.PRIMARY_PASSWORD, "apple")
            .then().statusCode(201).extract().jsonPath();
        String profileUrl = created.getString("device.profileUrl");

        String onNodeB = RestAssured.given().baseUri("http://" + Protocol.LOOPBACK).port(nodeB.ports.jmap).get(profileUrl)
            .then().statusCode(200).extract().asString();

        assertThat(onNodeB).contains("<string>" + created.getString("password").replace("-", "") + "</string>");
        assertThat(onNodeA.request().basePath("").get(profileUrl).statusCode()).isEqualTo(410);
        assertThat(RestAssured.given().baseUri("http://" + Protocol.LOOPBACK).port(nodeB.ports.jmap).get(profileUrl).statusCode())
            .isEqualTo(410);
    }
}
