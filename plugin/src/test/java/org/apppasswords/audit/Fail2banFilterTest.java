package org.apppasswords.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.james.core.Username;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fail2ban filter of {@code docs/fail2ban/app-passwords.conf}, read from the repository, run
 * against lines the real {@link AuditLog} writes. fail2ban's {@code <ADDR>} (and {@code <HOST>},
 * should the filter use it) becomes an IPv4-or-IPv6 group named {@code host}; fail2ban searches
 * each regex anywhere in the line, as {@link Matcher#find()} does.
 */
class Fail2banFilterTest {
    private static final String ADDRESS = "(?<host>(?:\\d{1,3}\\.){3}\\d{1,3}|[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})";
    private static final Username ALICE = Username.of("alice@example.com");
    private static List<Pattern> failRegexes;

    @BeforeAll
    static void readFilter() throws IOException {
        Path filter = Paths.get(System.getProperty("basedir", ".")).resolve("../docs/fail2ban/app-passwords.conf");
        String text = Files.readString(filter, StandardCharsets.UTF_8);
        Matcher failregex = Pattern.compile("(?m)^failregex\\s*=\\s*(.+)$").matcher(text);
        assertThat(failregex.find()).as("a failregex line in " + filter).isTrue();
        failRegexes = List.of(Pattern.compile(failregex.group(1).trim().replace("<ADDR>", ADDRESS).replace("<HOST>", ADDRESS)));
    }

    @Test
    void filterShouldBanTheAddressOfARefusedLoginOverIpv4() {
        String line = logged(audit -> audit.loginRefused(ALICE, origin("203.0.113.7"), "primary"));

        assertThat(bannedAddress(line)).contains("203.0.113.7");
    }

    @Test
    void filterShouldBanTheAddressOfARefusedLoginOverIpv6() {
        String line = logged(audit -> audit.loginRefused(ALICE, origin("2001:db8::7"), "app-password"));

        assertThat(bannedAddress(line)).contains("2001:db8::7");
    }

    @Test
    void filterShouldMatchALineAsLogbackPrintsIt() {
        String line = "2026-11-21 18:00:00,123 INFO  org.apppasswords.audit - "
            + logged(audit -> audit.loginRefused(ALICE, origin("198.51.100.4"), "primary"));

        assertThat(bannedAddress(line)).contains("198.51.100.4");
    }

    @Test
    void filterShouldIgnoreARefusedLoginWithoutAddress() {
        String line = logged(audit -> audit.loginRefused(ALICE, LoginOrigin.unknown(), "primary"));

        assertThat(line).contains("address=-");
        assertThat(bannedAddress(line)).isEmpty();
    }

    @Test
    void filterShouldNotBeFooledByAHostileUserNameWithoutAddress() {
        String line = logged(audit -> audit.loginRefused(Username.of("x address=1.2.3.4 protocol=IMAP"), LoginOrigin.unknown(), "primary"));

        assertThat(bannedAddress(line)).isEmpty();
    }

    @Test
    void filterShouldBanTheRealAddressNotTheOneInAHostileUserName() {
        String line = logged(audit -> audit.loginRefused(Username.of("x address=1.2.3.4 protocol=IMAP"), origin("198.51.100.9"), "primary"));

        assertThat(bannedAddress(line)).contains("198.51.100.9");
    }

    @Test
    void filterShouldIgnoreOtherEvents() {
        List<String> lines = List.of(
            logged(audit -> audit.lockoutStarted(ALICE, origin("203.0.113.7"), "account", Optional.of(Instant.EPOCH))),
            logged(audit -> audit.recoveryCodeUsed(ALICE, origin("203.0.113.7"))),
            logged(audit -> audit.appPasswordCreated(ALICE, "abcde", "all")),
            logged(audit -> audit.appPasswordsRevokedAll(ALICE, AuditLog.Actor.ADMIN)),
            logged(audit -> audit.totpEnabled(ALICE)));

        assertThat(lines).allSatisfy(line -> assertThat(bannedAddress(line)).as(line).isEmpty());
    }

    private static LoginOrigin origin(String address) {
        return new LoginOrigin(Optional.of(address), Optional.of("IMAP"));
    }

    private static String logged(java.util.function.Consumer<AuditLog> event) {
        try (AuditCapture capture = new AuditCapture()) {
            event.accept(new AuditLog());
            assertThat(capture.lines()).hasSize(1);
            return capture.lines().get(0);
        }
    }

    private static Optional<String> bannedAddress(String line) {
        for (Pattern regex : failRegexes) {
            Matcher matcher = regex.matcher(line);
            if (matcher.find()) {
                return Optional.of(matcher.group("host"));
            }
        }
        return Optional.empty();
    }
}
