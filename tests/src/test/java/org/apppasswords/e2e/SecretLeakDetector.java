package org.apppasswords.e2e;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.function.Supplier;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;

/**
 * A logback appender (see logback-test.xml: it receives every event, at every level, from James
 * and from us) that remembers any event containing a secret the tests know: app passwords and
 * recovery codes in both forms, TOTP secrets, primary passwords and {@code primary$CODE} strings,
 * and the base64 payloads that carry them on the wire (SASL PLAIN, HTTP Basic). Matching ignores
 * case. The James extension asserts after each test class that none was seen.
 *
 * <p>Secrets minted inside James are known only once the call that mints them returns, so
 * {@link #whileMinting} keeps the events logged meanwhile and checks them against what it returns.
 */
public final class SecretLeakDetector extends AppenderBase<ILoggingEvent> {
    // Every secret is at least this long; events are scanned by lookups of their substrings of
    // this length, so the cost does not grow with the number of secrets.
    private static final int KEY_LENGTH = 8;
    private static final Map<String, Set<String>> SECRETS_BY_KEY = new ConcurrentHashMap<>();
    private static final List<String> LEAKS = new ArrayList<>();
    // Not null while a secret is being minted inside James: events are kept for a second look.
    private static volatile Queue<Event> mintingEvents;

    private static final class Event {
        final String where;
        final String text;

        Event(String where, String text) {
            this.where = where;
            this.text = text;
        }
    }

    static void register(String secret) {
        String lowerCase = secret.toLowerCase(Locale.ROOT);
        if (lowerCase.length() < KEY_LENGTH) {
            throw new IllegalArgumentException("Too short to be searched for reliably");
        }
        SECRETS_BY_KEY.computeIfAbsent(lowerCase.substring(0, KEY_LENGTH), key -> ConcurrentHashMap.newKeySet()).add(lowerCase);
    }

    /** Registers the base64 form {@code onTheWire} takes in SASL PLAIN or HTTP Basic. */
    static void registerEncoded(String onTheWire) {
        register(Base64.getEncoder().encodeToString(onTheWire.getBytes(StandardCharsets.UTF_8)));
    }

    /** Runs {@code mint}, registers the secrets it returned, and checks what was logged meanwhile. */
    static <T> T whileMinting(Supplier<T> mint, Function<T, List<String>> secretsOf) {
        Queue<Event> logged = new ConcurrentLinkedQueue<>();
        mintingEvents = logged;
        try {
            T minted = mint.get();
            secretsOf.apply(minted).forEach(SecretLeakDetector::register);
            return minted;
        } finally {
            mintingEvents = null;
            logged.forEach(event -> inspect(event.where, event.text));
        }
    }

    static synchronized List<String> leaks() {
        return List.copyOf(LEAKS);
    }

    @Override
    protected void append(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(String.valueOf(event.getFormattedMessage()));
        event.getMDCPropertyMap().values().forEach(value -> text.append(' ').append(value));
        for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            text.append(' ').append(cause.getMessage());
        }
        // Where, never what: a report must not repeat the secret.
        String where = event.getLevel() + " " + event.getLoggerName();
        String lowerCase = text.toString().toLowerCase(Locale.ROOT);
        Queue<Event> minting = mintingEvents;
        if (minting != null) {
            minting.add(new Event(where, lowerCase));
        }
        inspect(where, lowerCase);
    }

    private static void inspect(String where, String lowerCaseText) {
        if (holdsSecret(lowerCaseText)) {
            synchronized (SecretLeakDetector.class) {
                LEAKS.add(where);
            }
        }
    }

    /** Whether {@code text} (a mail, an answer) holds a secret the tests minted; never says which. */
    static boolean containsSecret(String text) {
        return holdsSecret(text.toLowerCase(Locale.ROOT));
    }

    private static boolean holdsSecret(String lowerCaseText) {
        for (int start = 0; start + KEY_LENGTH <= lowerCaseText.length(); start++) {
            Set<String> candidates = SECRETS_BY_KEY.get(lowerCaseText.substring(start, start + KEY_LENGTH));
            if (candidates != null && candidates.stream().anyMatch(lowerCaseText::contains)) {
                return true;
            }
        }
        return false;
    }
}
