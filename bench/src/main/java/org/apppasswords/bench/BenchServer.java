package org.apppasswords.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The harness's handle on a {@link BenchServerMain} child process. */
final class BenchServer implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 600;

    final String kind;
    final BenchConf conf;
    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();

    private BenchServer(String kind, BenchConf conf, Process process) {
        this.kind = kind;
        this.conf = conf;
        this.process = process;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readReplies, "bench-" + kind + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts without waiting: call {@link #awaitReady} before use, so that both servers start together. */
    static BenchServer start(String kind, Path workingDirectory, String appPasswordsProperties, String heap) throws Exception {
        BenchConf conf = BenchConf.create(workingDirectory, appPasswordsProperties);
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xms" + heap, "-Xmx" + heap, "-XX:+UseG1GC",
            "-Dlogback.configurationFile=" + workingDirectory.resolve("conf").resolve("logback.xml"),
            "-cp", System.getProperty("java.class.path"), BenchServerMain.class.getName(), kind, workingDirectory.toString())
            .redirectError(workingDirectory.resolve("stderr.log").toFile())
            .start();
        return new BenchServer(kind, conf, process);
    }

    void awaitReady() throws Exception {
        expect("READY");
    }

    void addUsers(String prefix, int count, String password) throws Exception {
        send("users " + prefix + " " + count + " " + password);
        expect("DONE");
    }

    void enableTotp(String prefix, int count, String base32Secret) throws Exception {
        send("totp " + prefix + " " + count + " " + base32Secret);
        expect("DONE");
    }

    /** One new app password per user, in user order. Secret. */
    List<String> createAppPasswords(String prefix, int count) throws Exception {
        send("apppw " + prefix + " " + count);
        List<String> passwords = new ArrayList<>();
        for (String reply = next(); !reply.equals("DONE"); reply = next()) {
            if (!reply.startsWith("APP ")) {
                throw new IllegalStateException(kind + " answered '" + reply + "' to apppw");
            }
            passwords.add(reply.split(" ")[2]);
        }
        return passwords;
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            send("stop");
            process.waitFor(60, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
    }

    private void expect(String expected) throws Exception {
        String reply = next();
        if (!reply.equals(expected)) {
            throw new IllegalStateException(kind + " James answered '" + reply + "' instead of " + expected
                + " (see its stderr.log and james.log)");
        }
    }

    private synchronized void send(String line) throws IOException {
        commands.write(line + "\n");
        commands.flush();
    }

    private String next() throws InterruptedException {
        String reply = replies.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (reply == null) {
            throw new IllegalStateException(kind + " James did not answer within " + TIMEOUT_SECONDS + " s");
        }
        return reply;
    }

    private void readReplies() {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                if (line.startsWith(BenchServerMain.PREFIX)) {
                    replies.add(line.substring(BenchServerMain.PREFIX.length()));
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        replies.add("EXITED");
    }
}
