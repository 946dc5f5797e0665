package org.apppasswords.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apppasswords.apppassword.AppPasswordGenerator;
import org.apppasswords.totp.TotpSecret;

/**
 * Stock James 3.8.1 against James through the launcher, in one run: both servers run in child
 * JVMs for the whole run, and each round gives every case the same number of seconds in turn
 * (stock, then ours; the order reverses every other round), so machine noise falls on both. N
 * client threads loop over one login each (IMAP: connect, LOGIN, LOGOUT, close; JMAP: one Basic
 * {@code GET /jmap/session}). Prints and writes a Markdown table: logins/s, p50 and p99, and
 * the ratio to the stock case of the same protocol.
 *
 * <p>Options: {@code --rounds 3 --seconds 10 --warmup-seconds 5 --clients 8 --code-users 4000
 * --store h2|memory|JDBC_URL --heap 1g --work DIR --out FILE}.
 */
public final class LoadHarness {
    static final String PRIMARY = "Bench-Passw0rd";
    static final String WRONG_PRIMARY = "Bench-Passw0rd-of-last-year";
    static final int USERS = 50;
    /** Stock over as many users as the TOTP users, each logging in in turn: what {@code primary$CODE} is compared with. */
    static final String STOCK_MANY_USERS = "IMAP stock, primary password, as many users";
    /**
     * Seeding turns TOTP on for thousands of users at once, and each would be mailed a notice. The
     * in-memory mailbox of James 3.8.1 delivers them slowly (JMAP's listeners look each new message
     * up by id across every mailbox), so their delivery would run through the whole measurement, on
     * the cores both servers share, and slow both down: measured, stock's IMAP logins fell from about
     * 1,500/s to 820/s. No measured login sends a notice; what the notices cost a login is the
     * address check of an app password's use, in {@code LoginBenchmark}.
     */
    static final String NO_SEEDING_MAIL = "notifications.enabled=false\n";

    private LoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options = LoadOptions.parse(args);
        String report = LoadReport.markdown(run(options), options);
        System.out.println(report);
        if (options.out != null) {
            Files.createDirectories(options.out.toAbsolutePath().getParent());
            Files.writeString(options.out, report);
        }
        System.exit(0);
    }

    /** Both servers started, seeded, warmed up and measured; they are stopped before this returns. */
    static List<LoadCase> run(LoadOptions options) throws Exception {
        Path work = options.work != null ? Files.createDirectories(options.work) : Files.createTempDirectory("bench-load");
        String properties = NO_SEEDING_MAIL + (options.store.equals("memory") ? "store=memory\n"
            : options.store.startsWith("jdbc:") ? "jdbc.url=" + options.store + "\n" : "");
        log("starting stock and extension James in " + work);
        try (BenchServer stock = BenchServer.start("stock", Files.createDirectories(work.resolve("stock")), null, options.heap);
             BenchServer ours = BenchServer.start("ours", Files.createDirectories(work.resolve("ours")), properties, options.heap)) {
            stock.awaitReady();
            ours.awaitReady();
            List<LoadCase> cases = seed(stock, ours, options);
            log("warm-up: " + options.warmupSeconds + " s per case");
            for (LoadCase loadCase : cases) {
                runCase(loadCase, options.clients, options.warmupSeconds, false);
            }
            for (int round = 0; round < options.rounds; round++) {
                List<LoadCase> order = new ArrayList<>(cases);
                if (round % 2 == 1) {
                    Collections.reverse(order);
                }
                log("round " + (round + 1) + "/" + options.rounds);
                for (LoadCase loadCase : order) {
                    runCase(loadCase, options.clients, options.seconds, true);
                }
            }
            return cases;
        }
    }

    private static List<LoadCase> seed(BenchServer stock, BenchServer ours, LoadOptions options) throws Exception {
        log("seeding: " + USERS + " users on each server, " + options.codeUsers + " TOTP users on the extension");
        TotpSecret secret = TotpSecret.generate(new SecureRandom());
        stock.addUsers("s", USERS, PRIMARY);
        ours.addUsers("a", USERS, PRIMARY);
        ours.enableTotp("a", USERS, secret.revealBase32());
        List<String> appPasswords = ours.createAppPasswords("a", USERS);
        ours.addUsers("w", 1, PRIMARY);
        ours.addUsers("c", options.codeUsers, PRIMARY);
        ours.enableTotp("c", options.codeUsers, secret.revealBase32());
        CodeUsers codeUsers = new CodeUsers("c", options.codeUsers, PRIMARY, secret);
        prime(codeUsers, options.codeUsers, ours.conf.imapPort, options.clients);
        // As many users on stock, each logged in once too, so that primary$CODE is compared with
        // stock over the same number of users, each with their mailboxes, taken in turn.
        stock.addUsers("c", options.codeUsers, PRIMARY);
        int codeUserCount = options.codeUsers;
        everyUserOnce("each of as many users on stock", codeUserCount, options.clients,
            i -> ImapLogin.login(stock.conf.imapPort, BenchServerMain.userName("c", i), PRIMARY));
        List<String> wrong = new ArrayList<>();
        AppPasswordGenerator generator = new AppPasswordGenerator(new SecureRandom());
        for (int i = 0; i < USERS; i++) {
            wrong.add(generator.generate().reveal());
        }
        int stockImap = stock.conf.imapPort;
        int oursImap = ours.conf.imapPort;
        JmapBasic stockJmap = new JmapBasic(stock.conf.jmapPort);
        JmapBasic oursJmap = new JmapBasic(ours.conf.jmapPort);
        List<LoadCase> cases = new ArrayList<>();
        cases.add(new LoadCase("IMAP stock, primary password", null, true,
            (client, n) -> ImapLogin.login(stockImap, user("s", n), PRIMARY)));
        cases.add(new LoadCase("IMAP ours, app password", "IMAP stock, primary password", true,
            (client, n) -> ImapLogin.login(oursImap, user("a", n), appPasswords.get(index(n)))));
        cases.add(new LoadCase(STOCK_MANY_USERS, null, true,
            (client, n) -> ImapLogin.login(stockImap, BenchServerMain.userName("c", (int) (n % codeUserCount)), PRIMARY)));
        cases.add(new LoadCase("IMAP ours, primary$CODE", STOCK_MANY_USERS, true,
            (client, n) -> codeUsers.login((user, password) -> ImapLogin.login(oursImap, user, password))));
        cases.add(new LoadCase("IMAP ours, wrong app password", "IMAP stock, primary password", false,
            (client, n) -> ImapLogin.login(oursImap, user("a", n), wrong.get(index(n)))));
        // The same wrong primary password again and again, as a mail client left with an old one
        // sends it: one user, one value, so that no lockout ends the case (new values from one
        // address are locked out after a few, and a locked attempt costs what this one costs).
        cases.add(new LoadCase("IMAP stock, wrong primary password", null, false,
            (client, n) -> ImapLogin.login(stockImap, BenchServerMain.userName("s", 0), WRONG_PRIMARY)));
        cases.add(new LoadCase("IMAP ours, wrong primary password", "IMAP stock, wrong primary password", false,
            (client, n) -> ImapLogin.login(oursImap, BenchServerMain.userName("w", 0), WRONG_PRIMARY)));
        cases.add(new LoadCase("JMAP Basic stock, primary password", null, true,
            (client, n) -> stockJmap.session(user("s", n), PRIMARY)));
        cases.add(new LoadCase("JMAP Basic ours, app password", "JMAP Basic stock, primary password", true,
            (client, n) -> oursJmap.session(user("a", n), appPasswords.get(index(n)))));
        return options.selected(cases);
    }

    /**
     * Logs every TOTP user in once before anything is measured, as their mail client would have
     * within the hour: a user's first success from an address notes it as trusted (one more store
     * write, at most once an hour per user and address, docs/throttling.md), which is not the
     * steady state the ratio is about.
     */
    private static void prime(CodeUsers codeUsers, int count, int imapPort, int clients) throws InterruptedException {
        everyUserOnce("each TOTP user", count, clients,
            i -> !Boolean.FALSE.equals(codeUsers.prime((user, password) -> ImapLogin.login(imapPort, user, password))));
    }

    /** Runs {@code login} once for each of {@code count} users, {@code clients} at a time; says how many were refused. */
    private static void everyUserOnce(String who, int count, int clients, IntLogin login) throws InterruptedException {
        log("priming: " + who + " logs in once");
        AtomicLong next = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    try {
                        if (!login.run((int) i)) {
                            refused.incrementAndGet();
                        }
                    } catch (Exception e) {
                        log("priming login failed: " + e.getMessage());
                    }
                }
            }, "bench-prime-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (refused.get() > 0) {
            log("priming: " + refused.get() + " logins refused, although every one should succeed");
        }
    }

    private interface IntLogin {
        boolean run(int index) throws Exception;
    }

    private static String user(String prefix, long sequence) {
        return BenchServerMain.userName(prefix, index(sequence));
    }

    private static int index(long sequence) {
        return (int) (sequence % USERS);
    }

    /** N clients loop over the case's attempt for {@code seconds}; recorded only when {@code measure}. */
    static void runCase(LoadCase loadCase, int clients, int seconds, boolean measure) throws InterruptedException {
        AtomicLong sequence = new AtomicLong();
        AtomicLong attempts = new AtomicLong();
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                Latencies mine = new Latencies();
                try {
                    while (System.nanoTime() < deadline) {
                        long before = System.nanoTime();
                        Boolean answer;
                        try {
                            answer = loadCase.attempt.run(client, sequence.getAndIncrement());
                        } catch (Exception e) {
                            if (measure) {
                                loadCase.error(e);
                            }
                            continue;
                        }
                        if (answer == null) {
                            if (measure) {
                                loadCase.skipped.incrementAndGet();
                            }
                            Thread.sleep(5);
                            continue;
                        }
                        mine.add(System.nanoTime() - before);
                        attempts.incrementAndGet();
                        if (measure && answer != loadCase.expected) {
                            loadCase.unexpected.incrementAndGet();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    if (measure) {
                        loadCase.latencies.addAll(mine);
                    }
                    done.countDown();
                }
            }, "bench-client-" + c);
            thread.start();
        }
        done.await();
        long elapsed = System.nanoTime() - start;
        if (measure) {
            loadCase.attempts += attempts.get();
            loadCase.nanos += elapsed;
            loadCase.roundRates.add(attempts.get() * 1e9 / elapsed);
            log(String.format(Locale.ROOT, "  %-38s %8.1f /s", loadCase.name, attempts.get() * 1e9 / elapsed));
        }
    }

    static void log(String line) {
        System.err.println("[bench] " + line);
    }

    /** Command-line options, with the defaults of the full run. */
    static final class LoadOptions {
        int rounds = 3;
        int seconds = 10;
        int warmupSeconds = 5;
        int clients = 8;
        int codeUsers = 4000;
        String store = "h2";
        String heap = "1g";
        /** Only the cases whose name contains this, with their baselines; every case when null. */
        String only;
        Path work;
        Path out;

        List<LoadCase> selected(List<LoadCase> cases) {
            if (only == null) {
                return cases;
            }
            Set<String> kept = cases.stream().filter(c -> c.name.contains(only))
                .flatMap(c -> Stream.of(c.name, c.baseline)).filter(Objects::nonNull).collect(Collectors.toSet());
            if (kept.isEmpty()) {
                throw new IllegalArgumentException("--case " + only + " is part of no case's name");
            }
            return cases.stream().filter(c -> kept.contains(c.name)).collect(Collectors.toList());
        }

        static LoadOptions parse(String[] args) {
            LoadOptions options = new LoadOptions();
            for (int i = 0; i < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--rounds": options.rounds = Integer.parseInt(value); break;
                    case "--seconds": options.seconds = Integer.parseInt(value); break;
                    case "--warmup-seconds": options.warmupSeconds = Integer.parseInt(value); break;
                    case "--clients": options.clients = Integer.parseInt(value); break;
                    case "--code-users": options.codeUsers = Integer.parseInt(value); break;
                    case "--store": options.store = value; break;
                    case "--heap": options.heap = value; break;
                    case "--case": options.only = value; break;
                    case "--work": options.work = Paths.get(value); break;
                    case "--out": options.out = Paths.get(value); break;
                    default: throw new IllegalArgumentException("Unknown option " + args[i]);
                }
            }
            if (!options.store.equals("h2") && !options.store.equals("memory") && !options.store.startsWith("jdbc:")) {
                throw new IllegalArgumentException("--store is h2 (the default embedded file), memory, or a jdbc.url");
            }
            return options;
        }
    }
}
