package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.james.GuiceJamesServer;
import org.apache.james.MemoryJamesConfiguration;
import org.apache.james.core.Username;
import org.apache.james.modules.MailboxProbeImpl;
import org.apache.james.utils.DataProbeImpl;
import org.apppasswords.james.AppPasswordsMemoryJamesServerMain;
import org.apppasswords.james.AppPasswordsProbe;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.google.inject.Module;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * A real James 3.8.1 memory server started through the operator's launcher, on free loopback
 * ports, once per test class. {@code app-passwords.properties} is written into its {@code conf/}
 * when the test gives one, as an operator would; without one James uses the default store, an
 * embedded H2 file under this test's working directory.
 */
final class JamesWithAppPasswords implements BeforeAllCallback, AfterAllCallback {
    private static final int START_ATTEMPTS = 3;
    static final String DOMAIN = "demo.local";
    static final String ADMIN = "admin@" + DOMAIN;

    private final String appPasswordsProperties;
    private final List<Module> testModules = new ArrayList<>();
    private WebAdminJwt webAdminJwt;
    private Supplier<String> usersRepositoryXml;
    private Path workingDirectory;
    private GuiceJamesServer server;
    private JamesConfDirectory.Ports ports;

    private JamesWithAppPasswords(String appPasswordsProperties) {
        this.appPasswordsProperties = appPasswordsProperties;
    }

    static JamesWithAppPasswords withDefaults() {
        return new JamesWithAppPasswords(null);
    }

    static JamesWithAppPasswords withProperties(String appPasswordsProperties) {
        return new JamesWithAppPasswords(appPasswordsProperties);
    }

    /**
     * The defaults, but for the address-wide limit, for a class that refuses logins of many
     * accounts on every protocol: every test client comes from 127.0.0.1, which that limit (50
     * failures over all accounts, tested in {@code AddressWideThrottleTest}) would lock out of
     * every account part-way through the class.
     */
    static JamesWithAppPasswords withManyRefusalsFromLoopback() {
        return withManyRefusalsFromLoopback("");
    }

    /** {@link #withManyRefusalsFromLoopback()} with more keys of {@code app-passwords.properties}. */
    static JamesWithAppPasswords withManyRefusalsFromLoopback(String moreProperties) {
        return withProperties("throttle.addressWide.maxFailures=100000\n" + moreProperties);
    }

    /** Adds a test-only module (a probe reaching inside James); never one that changes a login rule. */
    JamesWithAppPasswords withTestModule(Module module) {
        testModules.add(module);
        return this;
    }

    /** Turns on James WebAdmin's JWT authentication, with a key pair generated for this server. */
    JamesWithAppPasswords withWebAdminJwt() {
        webAdminJwt = WebAdminJwt.generate();
        return this;
    }

    /**
     * Replaces the demo's {@code usersrepository.xml} with the one supplied (read when the server
     * starts), as an operator would; such a repository (LDAP) holds its own users, so no
     * {@link #ADMIN} is added to it.
     */
    JamesWithAppPasswords withUsersRepository(Supplier<String> xml) {
        usersRepositoryXml = xml;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        // The ports are found free, then bound by James a moment later: on a busy machine another
        // process can take one in between. Such a start is retried on new ports.
        for (int attempt = 1; ; attempt++) {
            try {
                start();
                return;
            } catch (Exception e) {
                if (attempt == START_ATTEMPTS || !causedByAPortTaken(e)) {
                    throw e;
                }
                discardFailedStart();
            }
        }
    }

    private void discardFailedStart() throws Exception {
        try {
            server.stop();
        } catch (RuntimeException e) {
            // A server that failed to start may fail to stop too; its ports and directory go anyway.
        }
        // A start that failed half-way leaves James's MBeans registered: the next start in this JVM
        // would fail on them (InstanceAlreadyExistsException) instead of binding its new ports.
        MBeanServer beans = ManagementFactory.getPlatformMBeanServer();
        for (ObjectName name : beans.queryNames(new ObjectName("org.apache.james:*"), null)) {
            beans.unregisterMBean(name);
        }
        deleteWorkingDirectory();
    }

    private static boolean causedByAPortTaken(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.BindException || cause.getClass().getSimpleName().equals("ChannelBindException")) {
                return true;
            }
        }
        return false;
    }

    private void start() throws Exception {
        workingDirectory = Files.createTempDirectory("james-app-passwords");
        ports = JamesConfDirectory.create(workingDirectory, appPasswordsProperties);
        if (webAdminJwt != null) {
            JamesConfDirectory.enableWebAdminJwt(workingDirectory, webAdminJwt);
        }
        if (usersRepositoryXml != null) {
            Files.writeString(workingDirectory.resolve("conf").resolve("usersrepository.xml"), usersRepositoryXml.get());
        }
        server = build(workingDirectory, testModules);
        server.start();
        DataProbeImpl data = server.getProbe(DataProbeImpl.class);
        data.addDomain(DOMAIN);
        if (usersRepositoryXml == null) {
            data.addUser(ADMIN, "admin-primary-password");
        }
    }

    /** The launcher's server for a prepared working directory, not started. */
    static GuiceJamesServer build(Path workingDirectory, List<Module> testModules) {
        MemoryJamesConfiguration configuration = MemoryJamesConfiguration.builder()
            .workingDirectory(workingDirectory.toFile())
            .build();
        return AppPasswordsMemoryJamesServerMain.createServer(configuration).overrideWith(testModules);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (server != null) {
            server.stop();
        }
        assertThat(SecretLeakDetector.leaks())
            .as("log events (level and logger) that contained a secret minted by the tests")
            .isEmpty();
        deleteWorkingDirectory();
    }

    private void deleteWorkingDirectory() throws IOException {
        if (workingDirectory != null) {
            try (Stream<Path> files = Files.walk(workingDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    GuiceJamesServer server() {
        return server;
    }

    JamesConfDirectory.Ports ports() {
        return ports;
    }

    /** James's working directory ({@code conf/}, and {@code var/} where the default store keeps its H2 file). */
    Path workingDirectory() {
        return workingDirectory;
    }

    /**
     * Waits until {@code user}'s INBOX exists, when this server mails security notices and James
     * knows the user (an app password created then mails one, which James delivers in the
     * background). Why: James 3.8.1's POP3 creates the INBOX at a user's first login and answers
     * {@code -ERR Unexpected error accessing mailbox} when a delivery created it meanwhile
     * ({@code InboxAlreadyCreated}), a race of James's own that a test logging in just after such an
     * action would otherwise lose now and then.
     */
    void awaitInboxOfNotices(Username user) {
        if (!mailsNotices() || !knownToJames(user)) {
            return;
        }
        MailboxProbeImpl mailboxes = server.getProbe(MailboxProbeImpl.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> mailboxes.listUserMailboxes(user.asString()).contains("INBOX"));
    }

    /** {@code notifications.enabled}, read from this server's {@code app-passwords.properties} as a properties file. */
    private boolean mailsNotices() {
        if (appPasswordsProperties == null) {
            return true;
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(appPasswordsProperties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return !"false".equals(properties.getProperty("notifications.enabled", "true").trim());
    }

    private boolean knownToJames(Username user) {
        try {
            return List.of(data().listUsers()).contains(user.asString());
        } catch (Exception e) {
            throw new IllegalStateException("James's users could not be listed", e);
        }
    }

    AppPasswordsProbe appPasswords() {
        return server.getProbe(AppPasswordsProbe.class);
    }

    /** The JWT setup given by {@link #withWebAdminJwt()}. */
    WebAdminJwt webAdminJwt() {
        if (webAdminJwt == null) {
            throw new IllegalStateException("This server was started without WebAdmin JWT");
        }
        return webAdminJwt;
    }

    /** A request to this server's WebAdmin, as an admin: with an admin token when JWT is on. */
    RequestSpecification webAdmin() {
        RequestSpecification request = anonymousWebAdmin();
        return webAdminJwt == null ? request : request.header("Authorization", "Bearer " + webAdminJwt.adminToken());
    }

    /** A request to this server's WebAdmin without any credentials. */
    RequestSpecification anonymousWebAdmin() {
        return RestAssured.given()
            .baseUri("http://" + Protocol.LOOPBACK)
            .port(ports.webAdmin)
            .urlEncodingEnabled(false);
    }

    DataProbeImpl data() {
        return server.getProbe(DataProbeImpl.class);
    }
}
