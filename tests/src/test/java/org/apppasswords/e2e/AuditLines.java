package org.apppasswords.e2e;

import java.util.List;
import java.util.stream.Collectors;

import org.apppasswords.audit.AuditLog;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * The audit log of the James that runs in this test JVM, as the lines it wrote since each test
 * began. Register it as a static extension.
 */
final class AuditLines implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        appender.start();
        auditLogger().addAppender(appender);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        auditLogger().detachAppender(appender);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        appender.list.clear();
    }

    /** The lines of {@code event} (such as {@code login-refused}) about {@code user}. */
    List<String> of(String event, String user) {
        return appender.list.stream()
            .map(ILoggingEvent::getFormattedMessage)
            .filter(line -> line.contains("event=" + event + " user=" + user + " "))
            .collect(Collectors.toList());
    }

    private static Logger auditLogger() {
        return (Logger) LoggerFactory.getLogger(AuditLog.LOGGER_NAME);
    }
}
