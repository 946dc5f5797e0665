package org.apppasswords.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The load harness's Markdown table. */
final class LoadReport {
    private LoadReport() {
    }

    static String markdown(List<LoadCase> cases, LoadHarness.LoadOptions options) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Load: %d rounds x %d s per case, %d clients, %d TOTP users, extension store %s, "
            + "security notices off (seeding would mail every TOTP user), server heap %s, %d cores, Java %s%n%n",
            options.rounds, options.seconds, options.clients, options.codeUsers, options.store,
            options.heap, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        out.append("| case | logins/s | p50 ms | p99 ms | ratio to stock (all rounds) | per-round ratios | unexpected answers | errors | no user left |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |\n");
        for (LoadCase loadCase : cases) {
            Optional<LoadCase> baseline = cases.stream().filter(c -> c.name.equals(loadCase.baseline)).findFirst();
            // Waiting for a user with an unspent TOTP step is the harness's limit, not James's.
            String limited = loadCase.skipped.get() > 0 ? " (harness-limited: ran out of TOTP users)" : "";
            String ratio = baseline.map(b -> String.format(Locale.ROOT, "%.2f%s", loadCase.rate() / b.rate(), limited))
                .orElse("1 (baseline)");
            StringBuilder rounds = new StringBuilder();
            for (int r = 0; r < loadCase.roundRates.size(); r++) {
                if (baseline.isPresent()) {
                    rounds.append(r == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f",
                        loadCase.roundRates.get(r) / baseline.get().roundRates.get(r)));
                }
            }
            out.append(String.format(Locale.ROOT, "| %s | %.1f | %.2f | %.2f | %s | %s | %d | %d | %d |%n", loadCase.name, loadCase.rate(),
                loadCase.latencies.millis(0.50), loadCase.latencies.millis(0.99), ratio, rounds, loadCase.unexpected.get(),
                loadCase.errors.get(), loadCase.skipped.get()));
        }
        out.append(String.format(Locale.ROOT, "%nIMAP LOGOUTs answered by a closed connection (James 3.8.1, stock and ours alike; "
            + "the login had been answered): %d%n", ImapLogin.CUT_LOGOUTS.get()));
        for (LoadCase loadCase : cases) {
            for (String sample : loadCase.errorSamples) {
                out.append(String.format(Locale.ROOT, "%nError in %s: %s", loadCase.name, sample));
            }
        }
        return out.toString();
    }
}
