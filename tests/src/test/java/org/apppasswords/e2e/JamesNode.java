package org.apppasswords.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A James node in a separate JVM ({@link NodeMain}) started through the operator's launcher on a
 * working directory laid out like {@link JamesWithAppPasswords}'s: the second node of multi-node
 * tests, and the James a test can kill with SIGKILL. James's memory users live in each JVM only,
 * so tests add their users on every node, and again after a restart.
 */
final class JamesNode implements AutoCloseable {
    private static final long START_TIMEOUT_SECONDS = 180;

    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    final JamesConfDirectory.Ports ports;

    private JamesNode(Process process, JamesConfDirectory.Ports ports) {
        this.process = process;
        this.ports = ports;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readReplies, "james-node-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Lays out {@code workingDirectory} (unless it already holds a conf/) and starts a node on it. */
    static JamesNode start(Path workingDirectory, String appPasswordsProperties) throws Exception {
        return start(workingDirectory, appPasswordsProperties, null);
    }

    /** As {@link #start(Path, String)}, with {@code usersrepository.xml} replaced when {@code usersRepositoryXml} is not null. */
    static JamesNode start(Path workingDirectory, String appPasswordsProperties, Supplier<String> usersRepositoryXml) throws Exception {
        JamesConfDirectory.Ports ports = JamesConfDirectory.create(workingDirectory, appPasswordsProperties);
        if (usersRepositoryXml != null) {
            Files.writeString(workingDirectory.resolve("conf").resolve("usersrepository.xml"), usersRepositoryXml.get());
        }
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Path errors = Files.createTempFile("james-node", ".err");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
            "-Djames.exit.on.startup.error=true", NodeMain.class.getName(), workingDirectory.toString())
            .redirectError(errors.toFile())
            .start();
        JamesNode node = new JamesNode(process, ports);
        node.awaitReply("READY", START_TIMEOUT_SECONDS);
        return node;
    }

    void addUser(String name, String password) throws Exception {
        command("user " + name + " " + password);
    }

    /** @return the recovery codes */
    List<String> enableTotp(String name, String base32Secret) throws Exception {
        send("totp " + name + " " + base32Secret);
        List<String> recoveryCodes = new ArrayList<>();
        for (String reply = awaitAnyReply(60); !reply.equals("DONE"); reply = awaitAnyReply(60)) {
            if (!reply.startsWith("CODE ")) {
                throw new IllegalStateException("James node answered '" + reply + "' to totp");
            }
            recoveryCodes.add(reply.substring("CODE ".length()));
        }
        return recoveryCodes;
    }

    /** Sends a create burst and returns at once; read its outcome with {@link #nextCreate}. */
    void startCreates(String name, int count, int threads) throws IOException {
        send("create " + name + " " + count + " " + threads);
    }

    /** The next create outcome: "CREATED id password", "LIMIT", or "DONE" when the burst is over. */
    String nextCreate() throws Exception {
        return awaitAnyReply(120);
    }

    /** Every create outcome until the burst is over. */
    List<String> awaitCreates() throws Exception {
        List<String> outcomes = new ArrayList<>();
        for (String reply = nextCreate(); !reply.equals("DONE"); reply = nextCreate()) {
            outcomes.add(reply);
        }
        return outcomes;
    }

    /** SIGKILL: no shutdown hook, no flush, as a crash or the OOM killer would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops the node cleanly and fails when its log held a secret it minted or was given (see {@link SecretLeakDetector}). */
    @Override
    public void close() throws Exception {
        if (!process.isAlive()) {
            return;
        }
        send("stop");
        String reply = awaitAnyReply(120);
        while (!reply.startsWith("LEAKS ") && !reply.equals("EXITED")) {
            reply = awaitAnyReply(120);
        }
        process.waitFor(60, TimeUnit.SECONDS);
        kill();
        if (!reply.equals("LEAKS 0")) {
            throw new AssertionError("James node stopped with: " + reply + " (log events holding a secret)");
        }
    }

    private void command(String line) throws Exception {
        send(line);
        awaitReply("DONE", 60);
    }

    private synchronized void send(String line) throws IOException {
        commands.write(line + "\n");
        commands.flush();
    }

    private void awaitReply(String expected, long timeoutSeconds) throws Exception {
        String reply = awaitAnyReply(timeoutSeconds);
        if (!reply.equals(expected)) {
            throw new IllegalStateException("James node answered '" + reply + "' instead of " + expected);
        }
    }

    private String awaitAnyReply(long timeoutSeconds) throws InterruptedException {
        String reply = replies.poll(timeoutSeconds, TimeUnit.SECONDS);
        if (reply == null) {
            throw new IllegalStateException("James node did not answer within " + timeoutSeconds + " s (alive: " + process.isAlive() + ")");
        }
        return reply;
    }

    private void readReplies() {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                if (line.startsWith(NodeMain.PREFIX)) {
                    replies.add(line.substring(NodeMain.PREFIX.length()));
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        replies.add("EXITED");
    }
}
