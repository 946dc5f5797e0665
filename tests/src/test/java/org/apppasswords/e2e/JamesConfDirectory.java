package org.apppasswords.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lays out a James working directory the way an operator's looks: {@code conf/} holds the demo's
 * loopback configuration (copied from {@code demo/james-conf}) with every port replaced by a free
 * one, the generated draft-JMAP keystore, and our {@code app-passwords.properties} when given.
 */
final class JamesConfDirectory {
    static final String KEYSTORE_SECRET = "james-demo-keystore";

    private JamesConfDirectory() {
    }

    static Ports create(Path workingDirectory, String appPasswordsProperties) throws IOException {
        Path conf = Files.createDirectories(workingDirectory.resolve("conf"));
        copyTemplate(conf);
        Ports ports = Ports.allocate();
        rewrite(conf.resolve("imapserver.xml"), "<bind>127.0.0.1:\\d+</bind>", "<bind>127.0.0.1:" + ports.imap + "</bind>");
        rewrite(conf.resolve("pop3server.xml"), "<bind>127.0.0.1:\\d+</bind>", "<bind>127.0.0.1:" + ports.pop3 + "</bind>");
        rewrite(conf.resolve("smtpserver.xml"), "<bind>127.0.0.1:\\d+</bind>", "<bind>127.0.0.1:" + ports.smtp + "</bind>");
        rewrite(conf.resolve("managesieveserver.xml"), "<bind>127.0.0.1:\\d+</bind>", "<bind>127.0.0.1:" + ports.manageSieve + "</bind>");
        rewrite(conf.resolve("jmap.properties"), "jmap.port=\\d+", "jmap.port=" + ports.jmap);
        rewrite(conf.resolve("webadmin.properties"), "(?m)^port=\\d+", "port=" + ports.webAdmin);
        Files.copy(Keystore.path(), conf.resolve("keystore"), StandardCopyOption.REPLACE_EXISTING);
        if (appPasswordsProperties != null) {
            // Keys that name this server's own ports (clients.* pointing at it) say {imapPort}, {smtpPort}.
            Files.writeString(conf.resolve("app-passwords.properties"), appPasswordsProperties
                .replace("{imapPort}", Integer.toString(ports.imap)).replace("{smtpPort}", Integer.toString(ports.smtp)));
        }
        return ports;
    }

    /** Adds JWT authentication to {@code webadmin.properties}, with the public key next to it. */
    static void enableWebAdminJwt(Path workingDirectory, WebAdminJwt jwt) throws IOException {
        Path conf = workingDirectory.resolve("conf");
        Files.writeString(conf.resolve(WebAdminJwt.PUBLIC_KEY_FILE), jwt.publicKeyPem(), StandardCharsets.US_ASCII);
        Path properties = conf.resolve("webadmin.properties");
        Files.writeString(properties, Files.readString(properties, StandardCharsets.UTF_8) + WebAdminJwt.properties(), StandardCharsets.UTF_8);
    }

    private static void copyTemplate(Path conf) throws IOException {
        Path template;
        try {
            template = Paths.get(JamesConfDirectory.class.getResource("/james-conf").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.list(template)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, conf.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void rewrite(Path file, String regex, String replacement) throws IOException {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        String rewritten = content.replaceAll(regex, replacement);
        if (rewritten.equals(content)) {
            throw new IllegalStateException("No port to rewrite in " + file);
        }
        Files.writeString(file, rewritten, StandardCharsets.UTF_8);
    }

    /** Free loopback ports, all held open together while chosen so that they differ. */
    static final class Ports {
        final int imap;
        final int pop3;
        final int smtp;
        final int manageSieve;
        final int jmap;
        final int webAdmin;

        private Ports(List<Integer> free) {
            this.imap = free.get(0);
            this.pop3 = free.get(1);
            this.smtp = free.get(2);
            this.manageSieve = free.get(3);
            this.jmap = free.get(4);
            this.webAdmin = free.get(5);
        }

        static Ports allocate() throws IOException {
            List<ServerSocket> sockets = new ArrayList<>();
            try {
                List<Integer> free = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                    sockets.add(socket);
                    free.add(socket.getLocalPort());
                }
                return new Ports(free);
            } finally {
                for (ServerSocket socket : sockets) {
                    socket.close();
                }
            }
        }
    }

    /** One keytool-generated RSA keystore per test JVM, never committed. */
    private static final class Keystore {
        private static Path generated;

        static synchronized Path path() {
            if (generated == null) {
                generated = generate();
            }
            return generated;
        }

        private static Path generate() {
            try {
                Path directory = Files.createTempDirectory("james-keystore");
                Path keystore = directory.resolve("keystore");
                Path keytool = Paths.get(System.getProperty("java.home"), "bin", "keytool");
                Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "james", "-keyalg", "RSA",
                    "-keysize", "2048", "-dname", "CN=localhost", "-validity", "3650", "-keystore", keystore.toString(),
                    "-storepass", KEYSTORE_SECRET, "-keypass", KEYSTORE_SECRET)
                    .redirectErrorStream(true)
                    .start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (process.waitFor() != 0) {
                    throw new IllegalStateException("keytool failed: " + output);
                }
                return keystore;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
