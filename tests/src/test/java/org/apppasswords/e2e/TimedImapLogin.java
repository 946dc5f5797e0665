package org.apppasswords.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;

/**
 * One IMAP LOGIN from a chosen loopback source address, timed from the command to its tagged
 * answer: the connection and the greeting are not part of the time. For lower bounds on the time a
 * refusal takes, and for comparing the medians of two kinds of refusal.
 */
final class TimedImapLogin {
    final boolean accepted;
    final Duration took;

    private TimedImapLogin(boolean accepted, Duration took) {
        this.accepted = accepted;
        this.took = took;
    }

    static TimedImapLogin from(JamesConfDirectory.Ports ports, String source, String user, String password) throws IOException {
        Protocol.rememberSent("", user, password);
        try (LineConnection connection = new LineConnection(ports.imap, InetAddress.getByName(source))) {
            connection.readUntil("* OK");
            long start = System.nanoTime();
            connection.writeLine("a1 LOGIN \"" + user + "\" \"" + password + "\"");
            String reply = connection.readUntil("a1 ");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (!reply.startsWith("a1 OK") && !reply.startsWith("a1 NO")) {
                throw new AssertionError("IMAP answered neither OK nor NO to LOGIN");
            }
            return new TimedImapLogin(reply.startsWith("a1 OK"), took);
        }
    }

    @Override
    public String toString() {
        return (accepted ? "accepted" : "refused") + " after " + took.toMillis() + " ms";
    }
}
