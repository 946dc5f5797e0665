package org.apppasswords.e2e;

import java.io.IOException;
import java.net.InetAddress;

/** An IMAP LOGIN from a chosen loopback source address, so that James sees several client addresses. */
final class ImapFrom {
    private ImapFrom() {
    }

    static boolean login(JamesConfDirectory.Ports ports, String source, String user, String password) throws IOException {
        Protocol.rememberSent("", user, password);
        try (LineConnection connection = new LineConnection(ports.imap, InetAddress.getByName(source))) {
            connection.readUntil("* OK");
            connection.writeLine("a1 LOGIN \"" + user + "\" \"" + password + "\"");
            String reply = connection.readUntil("a1 ");
            if (!reply.startsWith("a1 OK") && !reply.startsWith("a1 NO")) {
                throw new AssertionError("IMAP answered neither OK nor NO to LOGIN");
            }
            return reply.startsWith("a1 OK");
        }
    }
}
