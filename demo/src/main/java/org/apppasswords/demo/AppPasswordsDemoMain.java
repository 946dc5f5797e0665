package org.apppasswords.demo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerMain;
import org.apache.james.core.Username;
import org.apache.james.utils.DataProbeImpl;
import org.apppasswords.apppassword.CreatedAppPassword;
import org.apppasswords.james.AppPasswordsMemoryJamesServerMain;
import org.apppasswords.james.AppPasswordsProbe;
import org.apppasswords.totp.RecoveryCode;
import org.apppasswords.totp.TotpSecret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For the demo only ({@code scripts/demo}): starts exactly the server the operator's
 * {@code org.apppasswords.james.AppPasswordsMemoryJamesServerMain} starts, seeds one user with
 * TOTP and an app password through the probes, and prints them with ready-to-paste {@code curl}
 * commands. It prints secrets on purpose, and seeds a well-known password: that is why it lives
 * outside the operator bundle, so that no production server can be started with it by mistake.
 */
public final class AppPasswordsDemoMain {
    private static final Logger LOGGER = LoggerFactory.getLogger(AppPasswordsDemoMain.class);

    private static final String DOMAIN = "demo.local";
    private static final String USER = "alice@" + DOMAIN;
    private static final String PRIMARY_PASSWORD = "Demo-Passw0rd";
    // The default of totp.issuer; the demo configuration does not change it.
    private static final String ISSUER = "James";
    private static final String IMAP_URL = "imap://127.0.0.1:1143/";
    // scripts/demo passes the helper's absolute path so that the commands work from any directory.
    private static final String TOTP_COMMAND_PROPERTY = "apppasswords.demo.totpCommand";

    private AppPasswordsDemoMain() {
    }

    public static void main(String[] args) throws Exception {
        GuiceJamesServer server = AppPasswordsMemoryJamesServerMain.createServerForCommandLine(args);

        // Starts and registers James's shutdown hook; James's non-daemon threads then keep the JVM
        // up until Ctrl-C, as with the stock main.
        JamesServerMain.main(server);
        try {
            seedAndPrint(server);
        } catch (Exception e) {
            LOGGER.error("Seeding the demo user failed; stopping", e);
            System.exit(1);
        }
    }

    private static void seedAndPrint(GuiceJamesServer server) throws Exception {
        DataProbeImpl data = server.getProbe(DataProbeImpl.class);
        data.addDomain(DOMAIN);
        data.addUser(USER, PRIMARY_PASSWORD);

        AppPasswordsProbe appPasswords = server.getProbe(AppPasswordsProbe.class);
        Username user = Username.of(USER);
        TotpSecret secret = TotpSecret.generate(new SecureRandom());
        // TOTP first, the order the self-service API will enforce (appPasswords.requireSecondFactor).
        List<RecoveryCode> recoveryCodes = appPasswords.enableTotp(user, secret);
        CreatedAppPassword appPassword = appPasswords.createAppPassword(user, "curl demo");

        String base32 = secret.revealBase32();
        String totpCommand = shellWord(System.getProperty(TOTP_COMMAND_PROPERTY, "scripts/totp-code"));
        String appPasswordDisplay = appPassword.password().revealForDisplay();

        // A demo's whole point is to show these secrets to the person at the terminal, not to a
        // log file, so this writes to System.out rather than through SLF4J.
        StringBuilder out = new StringBuilder()
            .append("\n=== James App Passwords demo is ready ===\n\n")
            .append("User:             ").append(USER).append('\n')
            .append("Primary password: ").append(PRIMARY_PASSWORD).append('\n')
            .append("App password:     ").append(appPasswordDisplay)
            .append("  (label \"curl demo\", id ").append(appPassword.entry().id().asString()).append(")\n")
            .append("TOTP secret:      ").append(base32).append('\n')
            .append("TOTP URI:         otpauth://totp/").append(ISSUER).append(':')
            .append(URLEncoder.encode(USER, StandardCharsets.UTF_8))
            .append("?secret=").append(base32).append("&issuer=").append(ISSUER).append('\n')
            .append("Recovery codes:  ");
        for (RecoveryCode code : recoveryCodes) {
            out.append(' ').append(code.revealForDisplay());
        }
        out.append("\n\n")
            .append("# 1. App password: accepted, lists the mailboxes\n")
            .append("curl --user '").append(USER).append(':').append(appPasswordDisplay).append("' ").append(IMAP_URL).append("\n\n")
            .append("# 2. Primary password + current TOTP code: accepted once per 30-second step\n")
            .append("#    (a second run within the same step is refused as a replay)\n")
            .append("curl --user \"").append(USER).append(':').append(PRIMARY_PASSWORD)
            .append("\\$$(").append(totpCommand).append(' ').append(base32).append(")\" ").append(IMAP_URL).append("\n\n")
            .append("# 3. Primary password alone: refused, curl exits 67 (Login denied)\n")
            .append("curl --user '").append(USER).append(':').append(PRIMARY_PASSWORD).append("' ").append(IMAP_URL).append("\n\n")
            .append("# 4. Admin, on WebAdmin (no JWT in the demo; see docs/webadmin.md): list, then revoke; 1. is refused after\n")
            .append("curl http://127.0.0.1:8000/users/").append(USER).append("/app-passwords\n")
            .append("curl -X DELETE http://127.0.0.1:8000/users/").append(USER).append("/app-passwords/")
            .append(appPassword.entry().id().asString()).append("\n\n")
            .append("The app password works the same way over POP3 (pop3://127.0.0.1:1110/), SMTP AUTH (1025),\n")
            .append("JMAP (http://127.0.0.1:1080) and ManageSieve (4190). Press Ctrl-C to stop James.\n");
        System.out.println(out);
        System.out.flush();
    }

    /** Single-quotes {@code word} for a POSIX shell unless it is plainly safe as it is. */
    private static String shellWord(String word) {
        if (word.matches("[A-Za-z0-9/._+-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
