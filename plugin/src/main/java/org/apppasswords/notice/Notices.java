package org.apppasswords.notice;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import org.apppasswords.scope.ProtocolScope;

/** The notices, in short English: one factory per event, each taking only what the user may read. */
public final class Notices {
    static final String FOOTER = "Sent by your mail server to tell you of a change to your account's security."
        + " It never contains a password or a code.";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final String NOT_YOU = "If this was not you, someone may know your password: change it, revoke the app passwords you"
        + " do not recognise, and tell your administrator.";
    private static final String BY_ADMIN = "An administrator did this. If you did not ask for it, contact your administrator.";

    private Notices() {
    }

    public static Notice totpEnabled(Instant at) {
        return new Notice("Two-step verification was turned on", "Two-step verification (TOTP codes) was turned on for your account.",
            facts(at), NOT_YOU);
    }

    public static Notice totpDisabled(Instant at) {
        return new Notice("Two-step verification was turned off",
            "Two-step verification (TOTP codes) was turned off for your account: your password alone signs in again.", facts(at), NOT_YOU);
    }

    /** {@code protocols}: named only when the app password is limited to some. */
    public static Notice appPasswordCreated(String label, ProtocolScope protocols, Instant at, Optional<String> address) {
        List<Notice.Fact> facts = facts(at);
        facts.add(0, new Notice.Fact("App password", label));
        if (!protocols.isAll()) {
            facts.add(1, new Notice.Fact("Allowed for", String.join(", ", protocols.apiNames()).toUpperCase(Locale.ROOT)));
        }
        address.ifPresent(text -> facts.add(new Notice.Fact("From address", text)));
        return new Notice("New app password: " + label, "An app password named \"" + label + "\" was created for your account.", facts,
            "If this was not you, revoke it now on your app passwords page, change your password, and tell your administrator.");
    }

    public static Notice appPasswordRevokedByAdmin(String label, Instant at) {
        List<Notice.Fact> facts = facts(at);
        facts.add(0, new Notice.Fact("App password", label));
        return new Notice("App password revoked by an administrator: " + label,
            "An administrator revoked your app password \"" + label + "\": the devices using it are signed out.", facts, BY_ADMIN);
    }

    public static Notice appPasswordsRevokedByAdmin(int count, Instant at) {
        List<Notice.Fact> facts = facts(at);
        facts.add(0, new Notice.Fact("App passwords revoked", Integer.toString(count)));
        return new Notice("All your app passwords were revoked by an administrator",
            "An administrator revoked all your app passwords: the devices using them are signed out.", facts, BY_ADMIN);
    }

    public static Notice secondFactorReset(Instant at) {
        return new Notice("Two-step verification was reset by an administrator",
            "An administrator turned off two-step verification for your account and ended your sessions on the app passwords page."
                + " Your app passwords still work.", facts(at), BY_ADMIN);
    }

    /** {@code codesLeft}: empty when the store could not tell. */
    public static Notice recoveryCodeUsed(OptionalInt codesLeft, Instant at, Optional<String> address, Optional<String> protocol) {
        List<Notice.Fact> facts = origin(at, address, protocol);
        codesLeft.ifPresent(left -> facts.add(new Notice.Fact("Recovery codes left", Integer.toString(left))));
        return new Notice("A recovery code was used to sign in", "Someone signed in to your account with your password and a recovery code."
            + " That code cannot be used again.", facts, NOT_YOU);
    }

    /** {@code appPasswordsRevoked}: empty when the app passwords were kept ({@code onPrimaryPasswordChange=keep}). */
    public static Notice primaryPasswordChanged(Optional<Integer> appPasswordsRevoked, Instant at) {
        List<Notice.Fact> facts = facts(at);
        facts.add(new Notice.Fact("App passwords", appPasswordsRevoked
            .map(count -> count + " revoked; the devices using them are signed out and need a new one")
            .orElse("kept: they still work")));
        return new Notice("Your password was changed", "The password of your account was changed.", facts,
            "If this was not you, contact your administrator now.");
    }

    public static Notice codesLocked(Instant at, Optional<String> address, Optional<String> protocol) {
        return new Notice("Two-step verification codes locked after wrong codes",
            "Someone who knows your password entered too many wrong two-step verification codes: codes are refused for a while.",
            origin(at, address, protocol), "If this was not you, someone knows your password: change it now, and tell your administrator.");
    }

    public static Notice newAddress(String label, String address, Optional<String> protocol, Instant at) {
        List<Notice.Fact> facts = origin(at, Optional.of(address), protocol);
        facts.add(0, new Notice.Fact("App password", label));
        return new Notice("App password \"" + label + "\" used from a new address",
            "Your app password \"" + label + "\" signed in from an address it was never used from.", facts,
            "If this was not you, revoke it now on your app passwords page and tell your administrator.");
    }

    private static List<Notice.Fact> facts(Instant at) {
        List<Notice.Fact> facts = new ArrayList<>();
        facts.add(new Notice.Fact("Time", TIME.format(at)));
        return facts;
    }

    private static List<Notice.Fact> origin(Instant at, Optional<String> address, Optional<String> protocol) {
        List<Notice.Fact> facts = facts(at);
        address.ifPresent(text -> facts.add(new Notice.Fact("From address", text)));
        protocol.ifPresent(text -> facts.add(new Notice.Fact("Over", text)));
        return facts;
    }
}
