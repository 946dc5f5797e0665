package org.apppasswords.e2e;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.net.InetAddress;

import org.apache.commons.net.pop3.POP3Client;
import org.apache.commons.net.smtp.AuthenticatingSMTPClient;
import org.apache.james.utils.TestIMAPClient;

/**
 * Every way a mail client logs in to James, each through a real client on loopback. A login
 * answers true or false; anything else (an error, a 500) fails the test instead of passing as a
 * refusal.
 */
enum Protocol {
    IMAP_LOGIN {
        @Override
        boolean login(JamesConfDirectory.Ports ports, String user, String password) throws Exception {
            rememberSent("", user, password);
            try (TestIMAPClient client = new TestIMAPClient()) {
                client.connect(LOOPBACK, ports.imap);
                String reply = client.sendCommand("LOGIN " + imapQuoted(user) + " " + imapQuoted(password));
                return taggedOutcome(reply);
            }
        }
    },
    IMAP_AUTHENTICATE_PLAIN {
        @Override
        boolean login(JamesConfDirectory.Ports ports, String user, String password) throws Exception {
            return imapAuthenticatePlain(ports, "", user, password);
        }
    },
    POP3 {
        @Override
        boolean login(JamesConfDirectory.Ports ports, String user, String password) throws Exception {
            rememberSent("", user, password);
            POP3Client client = new POP3Client();
            client.connect(LOOPBACK, ports.pop3);
            try {
                if (client.login(user, password)) {
                    return true;
                }
                return refusal(client.getReplyString(), "-ERR Authentication failed");
            } finally {
                client.disconnect();
            }
        }
    },
    SMTP_AUTH {
        @Override
        boolean login(JamesConfDirectory.Ports ports, String user, String password) throws Exception {
            rememberSent("", user, password);
            AuthenticatingSMTPClient client = new AuthenticatingSMTPClient();
            client.connect(LOOPBACK, ports.smtp);
            try {
                client.elogin("client.test");
                if (client.auth(AuthenticatingSMTPClient.AUTH_METHOD.PLAIN, user, password)) {
                    return true;
                }
                return refusal(client.getReplyString(), "535");
            } finally {
                client.disconnect();
            }
        }
    },
    JMAP_BASIC {
        @Override
        boolean login(JamesConfDirectory.Ports ports, String user, String password) {
            rememberSent("", user, password);
            int status = given()
                .baseUri("http://" + LOOPBACK).port(ports.jmap)
                .auth().preemptive().basic(user, password)
                .accept("application/json; jmapVersion=rfc-8621")
            .when()
                .get("/jmap/session")
            .then()
                .extract().statusCode();
            if (status != 200 && status != 401) {
                throw new AssertionError("JMAP answered " + status + ", neither success nor refusal");
            }
            return status == 200;
        }
    },
    MANAGESIEVE {
        @Override
        boolean login(JamesConfDirectory.Ports ports, String user, String password) throws Exception {
            rememberSent("", user, password);
            try (LineConnection connection = new LineConnection(ports.manageSieve)) {
                connection.readUntil("OK");
                connection.writeLine("AUTHENTICATE \"PLAIN\" \"" + LineConnection.saslPlain("", user, password) + "\"");
                return outcome(connection.readUntil("OK", "NO", "BYE"), "OK");
            }
        }
    };

    static final String LOOPBACK = InetAddress.getLoopbackAddress().getHostAddress();

    abstract boolean login(JamesConfDirectory.Ports ports, String user, String password) throws Exception;

    /**
     * Tells the leak detector about a password the tests send and the base64 forms it travels in
     * (SASL PLAIN, HTTP Basic). Short strings (empty, a bare code) cannot be searched for reliably.
     */
    static void rememberSent(String authorizationId, String user, String password) {
        if (password.length() >= 8) {
            SecretLeakDetector.register(password);
            SecretLeakDetector.registerEncoded(authorizationId + '\0' + user + '\0' + password);
            SecretLeakDetector.registerEncoded(user + ':' + password);
        }
    }

    /**
     * IMAP AUTHENTICATE PLAIN with an authorization identity, empty for none (RFC 4616), the
     * response on the command line (SASL-IR, RFC 4959, which James 3.8.1 announces). The form that
     * waits for a "+" first reaches the same check, but James 3.8.1 answers it through a line
     * handler that can race with its own flush (fixed after 3.8.1, apache/james-project#2304): in
     * one run of the suite a refusal never came and the test failed on a read timeout.
     */
    static boolean imapAuthenticatePlain(JamesConfDirectory.Ports ports, String authorizationId, String user, String password) throws IOException {
        rememberSent(authorizationId, user, password);
        try (LineConnection connection = new LineConnection(ports.imap)) {
            connection.readUntil("* OK");
            connection.writeLine("a1 AUTHENTICATE PLAIN " + LineConnection.saslPlain(authorizationId, user, password));
            return outcome(connection.readUntil("a1 "), "a1 OK");
        }
    }

    /** IMAP AUTHENTICATE PLAIN that waits for the server's "+" before sending the response: see {@link #imapAuthenticatePlain}. */
    static boolean imapAuthenticatePlainAfterContinuation(JamesConfDirectory.Ports ports, String user, String password) throws IOException {
        rememberSent("", user, password);
        try (LineConnection connection = new LineConnection(ports.imap)) {
            connection.readUntil("* OK");
            connection.writeLine("a1 AUTHENTICATE PLAIN");
            connection.readUntil("+");
            connection.writeLine(LineConnection.saslPlain("", user, password));
            return outcome(connection.readUntil("a1 "), "a1 OK");
        }
    }

    /** False when the server's answer is the protocol's refusal of credentials; any other error fails the test. */
    private static boolean refusal(String reply, String expectedPrefix) {
        if (reply.startsWith(expectedPrefix)) {
            return false;
        }
        throw new AssertionError("Neither success nor a refusal of credentials: " + reply.trim());
    }

    private static boolean taggedOutcome(String reply) {
        String[] lines = reply.trim().split("\r?\n");
        String tagged = lines[lines.length - 1];
        String[] words = tagged.split(" ", 3);
        return outcome(words.length > 1 ? words[1] : tagged, "OK");
    }

    private static boolean outcome(String line, String successPrefix) {
        if (line.startsWith(successPrefix)) {
            return true;
        }
        if (line.contains("NO") || line.startsWith("BYE")) {
            return false;
        }
        throw new AssertionError("Neither success nor refusal: " + line);
    }

    private static String imapQuoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
