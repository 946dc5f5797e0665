package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throwaway OpenLDAP {@code slapd} (Debian package, installed by {@code scripts/ensure-slapd},
 * which {@code scripts/test-all} runs) for one test class: its own {@code slapd.conf} and mdb
 * database in a temporary directory, listening on a free 127.0.0.1 port, run as the current user,
 * stopped after the class. The suffix holds {@code ou=people} (users: {@code inetOrgPerson} whose
 * {@code uid} is the full mail address, password stored as {@code {SSHA}}) and James's bind account,
 * which may read entries but no password. The tests change the directory with the OpenLDAP client
 * tools ({@code ldapadd}, {@code ldapmodify}, {@code ldapdelete}) as the root DN, behind James's back.
 */
final class TestSlapd implements BeforeAllCallback, AfterAllCallback {
    static final String SUFFIX = "dc=james,dc=local";
    static final String PEOPLE = "ou=people," + SUFFIX;
    static final String ROOT_DN = "cn=admin," + SUFFIX;
    static final String JAMES_DN = "cn=james," + SUFFIX;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String rootPassword = randomSecret();
    private final String jamesPassword = randomSecret();
    private Path directory;
    private Process slapd;
    private int port;

    TestSlapd() {
        SecretLeakDetector.register(rootPassword);
        SecretLeakDetector.register(jamesPassword);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        directory = Files.createTempDirectory("app-passwords-slapd");
        Path database = Files.createDirectory(directory.resolve("db"));
        Path configuration = directory.resolve("slapd.conf");
        Files.writeString(configuration, slapdConf(database), StandardCharsets.US_ASCII);
        Files.writeString(directory.resolve("root.secret"), rootPassword, StandardCharsets.US_ASCII);
        Path base = directory.resolve("base.ldif");
        Files.writeString(base, baseEntries(), StandardCharsets.UTF_8);
        run(List.of(sbin("slapadd"), "-f", configuration.toString(), "-l", base.toString()), "");
        startOnAFreePort();
    }

    /** A port found free may be taken by another process before slapd binds it: then another port. */
    private void startOnAFreePort() throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            port = freePort();
            try {
                start();
                return;
            } catch (SlapdStartFailure e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Starts slapd (again, after {@link #stop()}: same port, same data). */
    void start() throws IOException, InterruptedException {
        slapd = new ProcessBuilder(sbin("slapd"), "-f", directory.resolve("slapd.conf").toString(), "-h", url(), "-d", "0")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("slapd.log").toFile()))
            .start();
        awaitListening();
    }

    /** Stops slapd, as a directory outage would; its data stays for {@link #start()}. */
    void stop() throws InterruptedException {
        if (slapd != null) {
            slapd.destroy();
            if (!slapd.waitFor(10, TimeUnit.SECONDS)) {
                slapd.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            slapd = null;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    String url() {
        return "ldap://127.0.0.1:" + port;
    }

    /** The {@code usersrepository.xml} of a James whose users live in this directory (the sample of docs/ldap.md). */
    String usersRepositoryXml() {
        return "<?xml version=\"1.0\"?>\n"
            + "<usersrepository name=\"LocalUsers\"\n"
            + "    ldapHost=\"" + url() + "\"\n"
            + "    principal=\"" + JAMES_DN + "\"\n"
            + "    credentials=\"" + jamesPassword + "\"\n"
            + "    userBase=\"" + PEOPLE + "\"\n"
            + "    userIdAttribute=\"uid\"\n"
            + "    userObjectClass=\"inetOrgPerson\"\n"
            + "    administratorId=\"" + JamesWithAppPasswords.ADMIN + "\"\n"
            + "    connectionTimeout=\"2000\"\n"
            + "    readTimeout=\"2000\">\n"
            + "    <supportsVirtualHosting>true</supportsVirtualHosting>\n"
            + "</usersrepository>\n";
    }

    /** Adds a person whose {@code uid} is {@code address}, with {@code password} stored as {@code {SSHA}}. */
    void addUser(String address, String password) throws IOException, InterruptedException {
        ldap("ldapadd", "dn: " + dn(address) + "\n"
            + "objectClass: inetOrgPerson\n"
            + "uid: " + address + "\n"
            + "cn: " + address + "\n"
            + "sn: Tester\n"
            + "mail: " + address + "\n"
            + "userPassword: " + ssha(password) + "\n");
    }

    /** Replaces the password directly in the directory, as an LDAP admin tool would: James is not told. */
    void changePassword(String address, String newPassword) throws IOException, InterruptedException {
        ldap("ldapmodify", "dn: " + dn(address) + "\n"
            + "changetype: modify\n"
            + "replace: userPassword\n"
            + "userPassword: " + ssha(newPassword) + "\n");
    }

    /** Deletes the person from the directory: James is not told. */
    void deleteUser(String address) throws IOException, InterruptedException {
        run(List.of("ldapdelete", "-x", "-H", url(), "-D", ROOT_DN, "-y", rootSecretFile(), dn(address)), "");
    }

    static String dn(String address) {
        return "uid=" + address + "," + PEOPLE;
    }

    private void ldap(String tool, String ldif) throws IOException, InterruptedException {
        run(List.of(tool, "-x", "-H", url(), "-D", ROOT_DN, "-y", rootSecretFile()), ldif);
    }

    private String rootSecretFile() {
        return directory.resolve("root.secret").toString();
    }

    private String slapdConf(Path database) {
        return "include /etc/ldap/schema/core.schema\n"
            + "include /etc/ldap/schema/cosine.schema\n"
            + "include /etc/ldap/schema/inetorgperson.schema\n"
            + "pidfile " + directory.resolve("slapd.pid") + "\n"
            + "modulepath /usr/lib/ldap\n"
            + "moduleload back_mdb\n"
            + "database mdb\n"
            + "suffix \"" + SUFFIX + "\"\n"
            + "rootdn \"" + ROOT_DN + "\"\n"
            + "rootpw " + ssha(rootPassword) + "\n"
            + "directory " + database + "\n"
            // Passwords serve binds only; James's account reads entries, never a password.
            + "access to attrs=userPassword by anonymous auth by * none\n"
            + "access to * by dn.exact=\"" + JAMES_DN + "\" read by users read by * none\n";
    }

    private String baseEntries() {
        return "dn: " + SUFFIX + "\n"
            + "objectClass: dcObject\nobjectClass: organization\no: James\ndc: james\n\n"
            + "dn: " + PEOPLE + "\n"
            + "objectClass: organizationalUnit\nou: people\n\n"
            + "dn: " + JAMES_DN + "\n"
            + "objectClass: organizationalRole\nobjectClass: simpleSecurityObject\ncn: james\n"
            + "userPassword: " + ssha(jamesPassword) + "\n";
    }

    private void awaitListening() {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
            .alias("slapd listening on " + url())
            .until(() -> {
                if (!slapd.isAlive()) {
                    throw new SlapdStartFailure("slapd stopped at start: " + Files.readString(directory.resolve("slapd.log")));
                }
                return accepts(port);
            });
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static void run(List<String> command, String input) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException(command.get(0) + " is not installed: run scripts/ensure-slapd (scripts/test-all does)", e);
        }
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as(command.get(0) + " finished").isTrue();
        assertThat(process.exitValue()).as(command.get(0) + " exit code, output: " + output).isZero();
    }

    /** slapd and slapadd live in /usr/sbin, which a non-root PATH may lack. */
    private static String sbin(String tool) {
        Path path = Paths.get("/usr/sbin", tool);
        return Files.isExecutable(path) ? path.toString() : tool;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** RFC 2307 style salted SHA-1, as {@code slappasswd} writes it. */
    private static String ssha(String password) {
        try {
            byte[] salt = new byte[8];
            RANDOM.nextBytes(salt);
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            sha1.update(salt);
            byte[] digest = sha1.digest();
            byte[] digestAndSalt = new byte[digest.length + salt.length];
            System.arraycopy(digest, 0, digestAndSalt, 0, digest.length);
            System.arraycopy(salt, 0, digestAndSalt, digest.length, salt.length);
            return "{SSHA}" + Base64.getEncoder().encodeToString(digestAndSalt);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class SlapdStartFailure extends IllegalStateException {
        SlapdStartFailure(String message) {
            super(message);
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "ldap-" + new BigInteger(1, bytes).toString(36);
    }
}
