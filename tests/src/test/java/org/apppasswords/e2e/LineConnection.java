package org.apppasswords.e2e;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A CRLF line protocol over a loopback socket, for the SASL exchanges no library client here offers. */
final class LineConnection implements Closeable {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final Socket socket;
    private final BufferedReader reader;
    private final Writer writer;

    LineConnection(int port) throws IOException {
        this(port, null);
    }

    /** From {@code source}, a loopback address such as 127.0.0.2 (Linux routes all of 127.0.0.0/8 to the loopback), or James's default when null. */
    LineConnection(int port, InetAddress source) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port, source, 0);
        socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
        reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        writer = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
    }

    static String saslPlain(String authorizationId, String user, String password) {
        String message = authorizationId + '\0' + user + '\0' + password;
        return Base64.getEncoder().encodeToString(message.getBytes(StandardCharsets.UTF_8));
    }

    String readLine() throws IOException {
        String line = reader.readLine();
        if (line == null) {
            throw new IOException("Connection closed by the server");
        }
        return line;
    }

    /** Reads lines until one starts with {@code prefix}, and returns it. */
    String readUntil(String... prefixes) throws IOException {
        while (true) {
            String line = readLine();
            for (String prefix : prefixes) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
        }
    }

    void writeLine(String line) throws IOException {
        writer.write(line + "\r\n");
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
