package org.apppasswords.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Keeps the load harness working without benchmarking anything: a few seconds of every case
 * against both servers (stock James and the launcher, each in its own JVM). The figures of
 * docs/benchmarks.md come from scripts/bench, never from the test suite.
 */
class LoadHarnessSmokeTest {
    @Test
    void everyCaseShouldGetTheAnswerItExpectsFromARealServer() throws Exception {
        LoadHarness.LoadOptions options = LoadHarness.LoadOptions.parse(new String[] {"--rounds", "1", "--seconds", "2",
            "--warmup-seconds", "1", "--clients", "2", "--code-users", "1000", "--store", "memory", "--heap", "512m"});

        List<LoadCase> cases = LoadHarness.run(options);

        assertThat(cases).extracting(c -> c.name).containsExactly("IMAP stock, primary password", "IMAP ours, app password",
            "IMAP stock, primary password, as many users", "IMAP ours, primary$CODE", "IMAP ours, wrong app password",
            "IMAP stock, wrong primary password", "IMAP ours, wrong primary password", "JMAP Basic stock, primary password",
            "JMAP Basic ours, app password");
        assertThat(cases).allSatisfy(c -> {
            assertThat(c.attempts).as(c.name + " attempts").isPositive();
            assertThat(c.unexpected.get()).as(c.name + " answers other than expected").isZero();
            assertThat(c.errors.get()).as(c.name + " errors").isZero();
        });
        assertThat(cases).filteredOn(c -> c.name.equals("IMAP ours, primary$CODE")).extracting(c -> c.baseline)
            .containsExactly(LoadHarness.STOCK_MANY_USERS);
        assertThat(LoadReport.markdown(cases, options)).contains("| IMAP ours, app password |")
            .contains("security notices off");
    }

    @Test
    void optionsShouldRefuseAnUnknownStore() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LoadHarness.LoadOptions.parse(new String[] {"--store", "cassandra"}))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("--store");
    }

    @Test
    void optionsShouldRefuseAnUnknownOption() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LoadHarness.LoadOptions.parse(new String[] {"--threads", "4"}))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("--threads");
    }

    @Test
    void aCaseOptionShouldKeepTheCasesItNamesWithTheirBaselines() {
        LoadHarness.LoadOptions options = LoadHarness.LoadOptions.parse(new String[] {"--case", "primary$CODE"});
        LoadCase stock = new LoadCase("IMAP stock, primary password", null, true, (client, n) -> true);
        LoadCase manyUsers = new LoadCase(LoadHarness.STOCK_MANY_USERS, null, true, (client, n) -> true);
        LoadCase code = new LoadCase("IMAP ours, primary$CODE", LoadHarness.STOCK_MANY_USERS, true, (client, n) -> true);

        assertThat(options.selected(List.of(stock, manyUsers, code))).containsExactly(manyUsers, code);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LoadHarness.LoadOptions.parse(new String[] {"--case", "POP3"})
                .selected(List.of(stock, manyUsers, code)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("POP3");
    }
}
