package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * JMAP push stays open as long as the client wants, so a revocation ends it as it ends IMAP's
 * connections: a WebSocket (RFC 8887) is closed with 1008, an EventSource stream (RFC 8620) ends;
 * those of another app password stay.
 */
class RevocationSignsOutJmapPushTest {
    private static final Duration SIGN_OUT_WITHIN = Duration.ofSeconds(5);
    // James 3.8.1 routes a request without it to draft JMAP, which has no push.
    private static final String RFC_8621 = "application/json; jmapVersion=rfc-8621";
    private static final String ECHO = "{\"@type\":\"Request\",\"id\":\"r1\",\"using\":[\"urn:ietf:params:jmap:core\"],"
        + "\"methodCalls\":[[\"Core/echo\",{\"hello\":true},\"c1\"]]}";

    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withDefaults();

    @Test
    void revokingAnAppPasswordShouldCloseItsWebSocketOnly() throws Exception {
        TotpUser user = TotpUser.create(james, "signout-ws");
        PushSocket phone = PushSocket.open(user.name, user.appPassword.password().reveal());
        PushSocket laptop = PushSocket.open(user.name, user.secondAppPassword.password().reveal());
        assertThat(phone.echoes()).as("the WebSocket serves JMAP requests").isTrue();

        revoke(user, user.appPassword.password().id().asString());

        assertThat(phone.closed.get(SIGN_OUT_WITHIN.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(1008);
        assertThat(laptop.echoes()).isTrue();
        laptop.socket.abort();
    }

    @Test
    void revokingAllShouldEndTheEventSourceStream() throws Exception {
        TotpUser user = TotpUser.create(james, "signout-sse");
        try (LineConnection stream = eventSource(user.name, user.appPassword.password().reveal())) {
            james.webAdmin().delete("/users/" + user.name + "/app-passwords").then().statusCode(204);

            long start = System.nanoTime();
            assertThat(readsUntilTheEnd(stream)).as("ended by the server, not timed out").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SIGN_OUT_WITHIN);
        }
    }

    @Test
    void anAdminShouldSeeJmapPushConnections() throws Exception {
        TotpUser user = TotpUser.create(james, "signout-push-list");
        PushSocket phone = PushSocket.open(user.name, user.appPassword.password().reveal());
        try (LineConnection stream = eventSource(user.name, user.secondAppPassword.password().reveal())) {
            assertThat(james.webAdmin().get("/users/" + user.name + "/connections").jsonPath().getList("protocol"))
                .containsExactly("JMAP", "JMAP");
        } finally {
            phone.socket.abort();
        }
    }

    private static void revoke(TotpUser user, String appPasswordId) {
        james.webAdmin().delete("/users/" + user.name + "/app-passwords/" + appPasswordId).then().statusCode(204);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static LineConnection eventSource(String user, String password) throws IOException {
        LineConnection stream = new LineConnection(james.ports().jmap);
        stream.writeLine("GET /eventSource?types=*&closeAfter=no&ping=0 HTTP/1.1");
        stream.writeLine("Host: 127.0.0.1:" + james.ports().jmap);
        stream.writeLine("Authorization: " + basic(user, password));
        stream.writeLine("Accept: " + RFC_8621);
        stream.writeLine("");
        assertThat(stream.readLine()).startsWith("HTTP/1.1 200");
        return stream;
    }

    /** True when the server closed the stream; false when it stayed silent (the socket's read timeout). */
    private static boolean readsUntilTheEnd(LineConnection stream) throws IOException {
        try {
            while (true) {
                stream.readLine();
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** An RFC 8887 JMAP WebSocket, as a mail client keeps one open for push and requests. */
    private static final class PushSocket implements WebSocket.Listener {
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder received = new StringBuilder();
        private volatile CompletableFuture<String> answer = new CompletableFuture<>();
        WebSocket socket;

        static PushSocket open(String user, String password) throws Exception {
            PushSocket listener = new PushSocket();
            listener.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", basic(user, password))
                .header("Accept", RFC_8621)
                .subprotocols("jmap")
                .buildAsync(URI.create("ws://127.0.0.1:" + james.ports().jmap + "/jmap/ws"), listener)
                .get(10, TimeUnit.SECONDS);
            return listener;
        }

        boolean echoes() throws Exception {
            answer = new CompletableFuture<>();
            socket.sendText(ECHO, true).get(10, TimeUnit.SECONDS);
            return answer.get(10, TimeUnit.SECONDS).contains("\"hello\":true");
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            received.append(data);
            if (last) {
                answer.complete(received.toString());
                received.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
