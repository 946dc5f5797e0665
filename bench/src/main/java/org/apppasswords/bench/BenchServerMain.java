package org.apppasswords.bench;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.james.FakeSearchMailboxModule;
import org.apache.james.GuiceJamesServer;
import org.apache.james.MemoryJamesConfiguration;
import org.apache.james.MemoryJamesServerMain;
import org.apache.james.core.Username;
import org.apache.james.modules.server.JMXServerModule;
import org.apache.james.utils.DataProbeImpl;
import org.apppasswords.james.AppPasswordsMemoryJamesServerMain;
import org.apppasswords.james.AppPasswordsProbe;
import org.apppasswords.totp.TotpSecret;

/**
 * One benchmark James in a JVM of its own (James's JMX MBeans allow one server per JVM), kept
 * alive for the whole run: {@code stock} is {@code MemoryJamesServerMain} composed exactly as its
 * {@code main} composes it, {@code ours} is {@code AppPasswordsMemoryJamesServerMain}'s server.
 * Arguments: {@code stock|ours WORKING_DIRECTORY} (laid out by {@link BenchConf}). It obeys one
 * command per line on standard input and answers lines prefixed {@value #PREFIX}:
 * {@code users PREFIX COUNT PASSWORD} (adds PREFIX0..@bench.local), {@code totp PREFIX COUNT BASE32}
 * (enables TOTP with that secret), {@code apppw PREFIX COUNT} (one app password each, printed as
 * {@code APP NAME PASSWORD}), each ended by {@code DONE}; {@code stop}. Benchmarks only.
 */
public final class BenchServerMain {
    static final String PREFIX = "bench> ";
    static final String DOMAIN = "bench.local";

    private BenchServerMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        boolean stock = args[0].equals("stock");
        Path workingDirectory = Paths.get(args[1]);
        MemoryJamesConfiguration configuration = MemoryJamesConfiguration.builder()
            .workingDirectory(workingDirectory.toFile())
            .build();
        GuiceJamesServer server = stock
            ? MemoryJamesServerMain.createServer(configuration).combineWith(new FakeSearchMailboxModule(), new JMXServerModule())
            : AppPasswordsMemoryJamesServerMain.createServer(configuration);
        server.start();
        DataProbeImpl data = server.getProbe(DataProbeImpl.class);
        data.addDomain(DOMAIN);
        out.println(PREFIX + "READY");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] words = line.trim().split(" ");
            switch (words[0]) {
                case "users":
                    // One by one: James's memory users repository keeps its users in a plain HashMap, which parallel adds
                    // corrupt (a few users went missing, and each of their logins was refused).
                    for (int i = 0; i < Integer.parseInt(words[2]); i++) {
                        data.addUser(userName(words[1], i), words[3]);
                    }
                    break;
                case "totp":
                    TotpSecret secret = TotpSecret.fromBase32(words[3]);
                    AppPasswordsProbe probe = server.getProbe(AppPasswordsProbe.class);
                    inParallel(Integer.parseInt(words[2]), i -> probe.enableTotp(Username.of(userName(words[1], i)), secret));
                    break;
                case "apppw":
                    for (int i = 0; i < Integer.parseInt(words[2]); i++) {
                        String name = userName(words[1], i);
                        String password = server.getProbe(AppPasswordsProbe.class).createAppPassword(Username.of(name), "bench")
                            .password().reveal();
                        out.println(PREFIX + "APP " + name + " " + password);
                    }
                    break;
                case "stop":
                    server.stop();
                    out.println(PREFIX + "STOPPED");
                    System.exit(0);
                    return;
                default:
                    out.println(PREFIX + "UNKNOWN " + words[0]);
                    continue;
            }
            out.println(PREFIX + "DONE");
        }
        server.stop();
        System.exit(0);
    }

    interface Seed {
        void user(int index) throws Exception;
    }

    /** Enabling TOTP for thousands of users one by one (a committed store write each) would take minutes; the stores are thread-safe. */
    private static void inParallel(int count, Seed seed) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                results.add(executor.submit(() -> {
                    seed.user(index);
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get();
            }
        } finally {
            executor.shutdown();
        }
    }

    static String userName(String prefix, int index) {
        return prefix + index + "@" + DOMAIN;
    }
}
