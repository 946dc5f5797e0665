package org.apppasswords.e2e;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.james.GuiceJamesServer;
import org.apache.james.core.Username;
import org.apache.james.utils.DataProbeImpl;
import org.apppasswords.apppassword.AppPasswordLimitException;
import org.apppasswords.apppassword.CreatedAppPassword;
import org.apppasswords.james.AppPasswordsProbe;
import org.apppasswords.totp.TotpSecret;

/**
 * A second James node for end-to-end tests, in a JVM of its own (James's JMX MBeans allow one
 * server per JVM): it starts the operator's launcher on a prepared working directory and obeys
 * one command per line on standard input, answering on standard output with lines prefixed
 * {@value #PREFIX}. The commands drive the same Java API ({@link AppPasswordsProbe}) the
 * in-process tests use: {@code user NAME PASSWORD}, {@code totp NAME BASE32} (prints {@code CODE RECOVERYCODE} ten times),
 * {@code create NAME COUNT THREADS} (prints {@code CREATED ID PASSWORD} the moment each create
 * returns, or {@code LIMIT}, then {@code DONE}) and {@code stop} (answers {@code LEAKS n}: log
 * events of this node that held a secret it minted or was given). Test code only, never shipped.
 */
public final class NodeMain {
    static final String PREFIX = "node> ";

    private NodeMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        Path workingDirectory = Paths.get(args[0]);
        GuiceJamesServer server = JamesWithAppPasswords.build(workingDirectory, List.of());
        server.start();
        DataProbeImpl data = server.getProbe(DataProbeImpl.class);
        AppPasswordsProbe appPasswords = server.getProbe(AppPasswordsProbe.class);
        data.addDomain(JamesWithAppPasswords.DOMAIN);
        out.println(PREFIX + "READY");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] words = line.trim().split(" ");
            switch (words[0]) {
                case "user":
                    SecretLeakDetector.register(words[2]);
                    data.addUser(words[1], words[2]);
                    break;
                case "totp":
                    SecretLeakDetector.register(words[2]);
                    appPasswords.enableTotp(Username.of(words[1]), TotpSecret.fromBase32(words[2])).forEach(code -> {
                        SecretLeakDetector.register(code.reveal());
                        out.println(PREFIX + "CODE " + code.reveal());
                    });
                    break;
                case "create":
                    create(appPasswords, Username.of(words[1]), Integer.parseInt(words[2]), Integer.parseInt(words[3]), out);
                    break;
                case "stop":
                    server.stop();
                    out.println(PREFIX + "LEAKS " + SecretLeakDetector.leaks().size());
                    out.println(PREFIX + "STOPPED");
                    System.exit(0);
                    return;
                default:
                    out.println(PREFIX + "UNKNOWN " + words[0]);
                    continue;
            }
            out.println(PREFIX + "DONE");
        }
    }

    private static void create(AppPasswordsProbe appPasswords, Username user, int count, int threads, PrintStream out) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < count; i++) {
            int index = i;
            executor.submit(() -> {
                start.await();
                try {
                    CreatedAppPassword created = appPasswords.createAppPassword(user, "node " + index);
                    SecretLeakDetector.register(created.password().reveal());
                    SecretLeakDetector.register(created.password().revealForDisplay());
                    synchronized (out) {
                        out.println(PREFIX + "CREATED " + created.entry().id().asString() + " " + created.password().reveal());
                    }
                } catch (AppPasswordLimitException e) {
                    out.println(PREFIX + "LIMIT");
                }
                return null;
            });
        }
        start.countDown();
        executor.shutdown();
        executor.awaitTermination(2, TimeUnit.MINUTES);
    }
}
