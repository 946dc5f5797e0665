package org.apppasswords.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * A James working directory for one benchmark server: the demo's loopback configuration
 * (packaged from {@code demo/james-conf}) with free ports, a generated draft-JMAP keystore, and
 * logging at WARN into a file (the same for stock and extension, so neither pays for the other's
 * log lines). The extension's store is chosen by {@code appPasswordsProperties}.
 */
final class BenchConf {
    private static final String[] FILES = {"dnsservice.xml", "domainlist.xml", "imapserver.xml", "jmap.properties", "jmx.properties",
        "lmtpserver.xml", "mailetcontainer.xml", "mailrepositorystore.xml", "managesieveserver.xml", "pop3server.xml",
        "smtpserver.xml", "usersrepository.xml", "webadmin.properties"};
    private static final String KEYSTORE_SECRET = "james-demo-keystore";

    final int imapPort;
    final int jmapPort;

    private BenchConf(int imapPort, int jmapPort) {
        this.imapPort = imapPort;
        this.jmapPort = jmapPort;
    }

    static BenchConf create(Path workingDirectory, String appPasswordsProperties) throws IOException, InterruptedException {
        Path conf = Files.createDirectories(workingDirectory.resolve("conf"));
        for (String file : FILES) {
            try (InputStream in = BenchConf.class.getResourceAsStream("/bench-james-conf/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("Missing packaged configuration file " + file);
                }
                Files.write(conf.resolve(file), in.readAllBytes());
            }
        }
        List<Integer> ports = freePorts(6);
        rewrite(conf.resolve("imapserver.xml"), "<bind>127.0.0.1:\\d+</bind>", "<bind>127.0.0.1:" + ports.get(0) + "</bind>");
        rewrite(conf.resolve("pop3server.xml"), "<bind>127.0.0.1:\\d+</bind>", "<bind>127.0.0.1:" + ports.get(1) + "</bind>");
        rewrite(conf.resolve("smtpserver.xml"), "<bind>127.0.0.1:\\d+</bind>", "<bind>127.0.0.1:" + ports.get(2) + "</bind>");
        rewrite(conf.resolve("managesieveserver.xml"), "<bind>127.0.0.1:\\d+</bind>", "<bind>127.0.0.1:" + ports.get(3) + "</bind>");
        rewrite(conf.resolve("jmap.properties"), "jmap.port=\\d+", "jmap.port=" + ports.get(4));
        rewrite(conf.resolve("webadmin.properties"), "(?m)^port=\\d+", "port=" + ports.get(5));
        generateKeystore(conf.resolve("keystore"));
        if (appPasswordsProperties != null) {
            Files.writeString(conf.resolve("app-passwords.properties"), appPasswordsProperties);
        }
        Files.writeString(conf.resolve("logback.xml"), "<configuration>\n"
            + "  <appender name=\"FILE\" class=\"ch.qos.logback.core.FileAppender\">\n"
            + "    <file>" + workingDirectory.resolve("james.log") + "</file>\n"
            + "    <encoder><pattern>%d %-5level %logger{36} - %msg%n</pattern></encoder>\n"
            + "  </appender>\n"
            + "  <root level=\"WARN\"><appender-ref ref=\"FILE\"/></root>\n"
            + "</configuration>\n");
        return new BenchConf(ports.get(0), ports.get(4));
    }

    private static void rewrite(Path file, String regex, String replacement) throws IOException {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        String rewritten = content.replaceAll(regex, replacement);
        if (rewritten.equals(content)) {
            throw new IllegalStateException("No port to rewrite in " + file);
        }
        Files.writeString(file, rewritten, StandardCharsets.UTF_8);
    }

    private static List<Integer> freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            List<Integer> free = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                free.add(socket.getLocalPort());
            }
            return free;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    private static void generateKeystore(Path keystore) throws IOException, InterruptedException {
        Path keytool = Paths.get(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "james", "-keyalg", "RSA", "-keysize", "2048",
            "-dname", "CN=localhost", "-validity", "3650", "-keystore", keystore.toString(), "-storepass", KEYSTORE_SECRET,
            "-keypass", KEYSTORE_SECRET)
            .redirectErrorStream(true)
            .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }
}
