package org.apppasswords.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerMain;
import org.apache.james.utils.DataProbeImpl;
import org.apppasswords.james.AppPasswordsMemoryJamesServerMain;
import org.apppasswords.totp.TotpSecret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * For the demo only ({@code scripts/demo}): starts exactly the server the operator's
 * {@code org.apppasswords.james.AppPasswordsMemoryJamesServerMain} starts, seeds one user with
 * TOTP and an app password through the self-service HTTP API, as any user would, and prints them
 * with ready-to-paste {@code curl} commands. It prints secrets on purpose, and seeds a well-known
 * password: that is why it lives outside the operator bundle, so that no production server can be
 * started with it by mistake.
 */
public final class AppPasswordsDemoMain {
    private static final Logger LOGGER = LoggerFactory.getLogger(AppPasswordsDemoMain.class);

    private static final String DOMAIN = "demo.local";
    private static final String USER = "alice@" + DOMAIN;
    private static final String PRIMARY_PASSWORD = "Demo-Passw0rd";
    private static final String IMAP_URL = "imap://127.0.0.1:1143/";
    // The demo's jmap.properties: the self-service API lives on James's JMAP port.
    private static final String SELF_SERVICE_URL = "http://127.0.0.1:1080/app-passwords-api";
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
        // The administrator's part: a domain and a user with a primary password.
        DataProbeImpl data = server.getProbe(DataProbeImpl.class);
        data.addDomain(DOMAIN);
        data.addUser(USER, PRIMARY_PASSWORD);

        // The user's part, through the self-service API over HTTP (docs/self-service.md): sign in,
        // enrol TOTP (the primary password asked again; the code an authenticator app would show is
        // computed here), mint an app password.
        SelfServiceHttpClient selfService = new SelfServiceHttpClient(SELF_SERVICE_URL);
        selfService.signIn(USER, PRIMARY_PASSWORD);
        JsonNode enrolment = selfService.post("/totp", Map.of("password", PRIMARY_PASSWORD), 200);
        String base32 = enrolment.get("secret").asText();
        String otpauthUri = enrolment.get("otpauthUri").asText();
        String code = CurrentTotpCode.of(TotpSecret.fromBase32(base32), Instant.now());
        JsonNode confirmation = selfService.post("/totp/confirm", Map.of("code", code), 200);
        List<String> recoveryCodes = new ArrayList<>();
        confirmation.get("recoveryCodes").forEach(recoveryCode -> recoveryCodes.add(recoveryCode.asText()));
        JsonNode appPassword = selfService.post("/app-passwords", Map.of("label", "curl demo", "password", PRIMARY_PASSWORD), 201);

        String totpCommand = shellWord(System.getProperty(TOTP_COMMAND_PROPERTY, "scripts/totp-code"));
        String appPasswordDisplay = appPassword.get("password").asText();

        // A demo's whole point is to show these secrets to the person at the terminal, not to a
        // log file, so this writes to System.out rather than through SLF4J.
        StringBuilder out = new StringBuilder()
            .append("\n=== James App Passwords demo is ready ===\n\n")
            .append("User:             ").append(USER).append('\n')
            .append("Primary password: ").append(PRIMARY_PASSWORD).append('\n')
            .append("App password:     ").append(appPasswordDisplay)
            .append("  (label \"curl demo\", id ").append(appPassword.get("id").asText()).append(")\n")
            .append("TOTP secret:      ").append(base32).append('\n')
            .append("TOTP URI:         ").append(otpauthUri).append('\n')
            .append("Recovery codes:  ");
        for (String recoveryCode : recoveryCodes) {
            out.append(' ').append(recoveryCode);
        }
        out.append("\n\n")
            .append("# 1. App password: accepted, lists the mailboxes\n")
            .append("curl --user '").append(USER).append(':').append(appPasswordDisplay).append("' ").append(IMAP_URL).append("\n\n")
            .append("# 2. Primary password + current TOTP code: accepted once per 30-second step\n")
            .append("#    (a second run within the same step is refused as a replay; the demo spent the\n")
            .append("#    code of the step it enrolled in)\n")
            .append("curl --user \"").append(USER).append(':').append(PRIMARY_PASSWORD)
            .append("\\$$(").append(totpCommand).append(' ').append(base32).append(")\" ").append(IMAP_URL).append("\n\n")
            .append("# 3. Primary password alone: refused, curl exits 67 (Login denied)\n")
            .append("curl --user '").append(USER).append(':').append(PRIMARY_PASSWORD).append("' ").append(IMAP_URL).append("\n\n")
            .append("# 4. The self-service API (docs/self-service.md): sign in with the password and a code not\n")
            .append("#    used yet, then list the app passwords\n")
            .append("TOKEN=$(curl -s -X POST --user \"").append(USER).append(':').append(PRIMARY_PASSWORD)
            .append("\\$$(").append(totpCommand).append(' ').append(base32).append(")\" ").append(SELF_SERVICE_URL)
            .append("/session | grep -o '\"token\":\"[^\"]*\"' | cut -d'\"' -f4)\n")
            .append("curl -H \"Authorization: Bearer $TOKEN\" ").append(SELF_SERVICE_URL).append("/app-passwords\n\n")
            .append("# 5. Admin, on WebAdmin (no JWT in the demo; see docs/webadmin.md): list, then revoke; 1. is refused after\n")
            .append("curl http://127.0.0.1:8000/users/").append(USER).append("/app-passwords\n")
            .append("curl -X DELETE http://127.0.0.1:8000/users/").append(USER).append("/app-passwords/")
            .append(appPassword.get("id").asText()).append("\n\n")
            .append("# 6. The self-service page in a browser: ").append(SELF_SERVICE_URL).append("/ui/ (the code goes in its own field)\n\n")
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
