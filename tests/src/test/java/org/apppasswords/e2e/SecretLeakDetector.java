package org.apppasswords.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;

/**
 * A logback appender (see logback-test.xml: it receives every event, at every level, from James
 * and from us) that remembers any event containing a secret the tests minted: app passwords in
 * both forms, TOTP secrets, recovery codes and {@code primary$CODE} strings. The James extension
 * asserts after each test class that none was seen.
 */
public final class SecretLeakDetector extends AppenderBase<ILoggingEvent> {
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static final List<String> LEAKS = new ArrayList<>();

    static void register(String secret) {
        SECRETS.add(secret);
    }

    static synchronized List<String> leaks() {
        return List.copyOf(LEAKS);
    }

    @Override
    protected void append(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(String.valueOf(event.getFormattedMessage()));
        event.getMDCPropertyMap().values().forEach(text::append);
        for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            text.append(cause.getMessage());
        }
        for (String secret : SECRETS) {
            if (text.indexOf(secret) >= 0) {
                synchronized (SecretLeakDetector.class) {
                    // Where, never what: the report must not repeat the secret.
                    LEAKS.add(event.getLevel() + " " + event.getLoggerName());
                }
            }
        }
    }
}
