package org.apppasswords.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One IMAP session as a mail client opens it: connect, greeting, {@code LOGIN}, {@code LOGOUT},
 * close. A raw-socket client (RFC 3501 commands written by hand), so that the client's own cost
 * stays small and equal for both servers.
 */
final class ImapLogin {
    /** LOGOUTs the server answered by closing the connection without the tagged answer. */
    static final AtomicLong CUT_LOGOUTS = new AtomicLong();

    private ImapLogin() {
    }

    /** @return whether the server answered OK to LOGIN */
    static boolean login(int port, String user, String password) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            String greeting = in.readLine();
            if (greeting == null || !greeting.startsWith("* OK")) {
                throw new IOException("Unexpected IMAP greeting: " + greeting);
            }
            out.write(("a1 LOGIN \"" + user + "\" \"" + password + "\"\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            boolean ok = tagged(in, "a1 ").startsWith("a1 OK");
            out.write("a2 LOGOUT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            awaitLogout(in);
            return ok;
        }
    }

    /**
     * James 3.8.1 (stock too) now and then closes the connection after LOGOUT before its answer
     * arrives: the session is over either way, so that is counted, not failed.
     */
    private static void awaitLogout(BufferedReader in) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith("a2 ")) {
                return;
            }
        }
        CUT_LOGOUTS.incrementAndGet();
    }

    private static String tagged(BufferedReader in, String tag) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith(tag)) {
                return line;
            }
        }
        throw new IOException("The IMAP server closed the connection before answering " + tag.trim());
    }
}
