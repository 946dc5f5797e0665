package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;

/** A mail client logged in over IMAP, its INBOX selected, in IDLE: what a revocation must sign out. */
final class IdlingImapClient implements Closeable {
    private final LineConnection connection;

    private IdlingImapClient(LineConnection connection) {
        this.connection = connection;
    }

    static IdlingImapClient login(JamesConfDirectory.Ports ports, String user, String password) throws IOException {
        LineConnection connection = new LineConnection(ports.imap);
        connection.readLine();
        connection.writeLine("a1 LOGIN \"" + user + "\" \"" + password + "\"");
        assertThat(connection.readUntil("a1 ")).startsWith("a1 OK");
        connection.writeLine("a2 SELECT INBOX");
        assertThat(connection.readUntil("a2 ")).startsWith("a2 OK");
        connection.writeLine("a3 IDLE");
        connection.readUntil("+");
        return new IdlingImapClient(connection);
    }

    /** How long until the server said BYE, after which it must have closed the connection. */
    Duration signedOutWithin() throws IOException {
        long start = System.nanoTime();
        connection.readUntil("* BYE");
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertThatThrownBy(connection::readLine).as("the connection closed after BYE").isInstanceOf(IOException.class);
        return waited;
    }

    boolean stillAnswers() throws IOException {
        connection.writeLine("DONE");
        connection.writeLine("a4 NOOP");
        return connection.readUntil("a3 ").startsWith("a3 OK") && connection.readUntil("a4 ").startsWith("a4 OK");
    }

    void logOut() throws IOException {
        connection.writeLine("DONE");
        connection.writeLine("a5 LOGOUT");
        connection.readUntil("a5 ");
        connection.close();
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
