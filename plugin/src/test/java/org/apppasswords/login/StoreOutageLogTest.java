package org.apppasswords.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.apppasswords.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** The outage log says once a minute, not once a login, that logins are refused because the store is down, and once that it is back. */
class StoreOutageLogTest {
    private static final String OUTAGE = "App passwords store: find failed: refused";

    private final MutableClock clock = new MutableClock(LoginFixture.START);
    private final StoreOutageLog log = new StoreOutageLog(clock, Duration.ofMinutes(1));
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(StoreOutageLog.class);

    @BeforeEach
    void capture() {
        events.start();
        logger.addAppender(events);
    }

    @AfterEach
    void release() {
        logger.detachAppender(events);
    }

    @Test
    void firstRefusalShouldBeLoggedAtOnceWithItsCause() {
        log.refused(OUTAGE);

        assertThat(errors()).singleElement().asString().contains("fail closed").contains(OUTAGE);
    }

    @Test
    void theDefaultIntervalShouldBeAMinute() {
        StoreOutageLog defaults = new StoreOutageLog(clock);
        defaults.refused(OUTAGE);
        clock.advance(StoreOutageLog.INTERVAL.minusSeconds(1));
        defaults.refused(OUTAGE);
        clock.advance(Duration.ofSeconds(1));
        defaults.refused(OUTAGE);

        assertThat(errors()).hasSize(2);
    }

    @Test
    void refusalsWithinTheIntervalShouldNotBeLoggedAgain() {
        for (int i = 0; i < 100; i++) {
            log.refused(OUTAGE);
            clock.advance(Duration.ofMillis(500));
        }

        assertThat(errors()).hasSize(1);
    }

    @Test
    void refusalAfterTheIntervalShouldBeLoggedWithTheCountSinceTheLastReport() {
        log.refused(OUTAGE);
        log.refused(OUTAGE);
        log.refused(OUTAGE);
        clock.advance(Duration.ofMinutes(1));
        log.refused(OUTAGE);

        assertThat(errors()).hasSize(2);
        assertThat(errors().get(1)).contains("3 refused since the last report");
    }

    @Test
    void reachingTheStoreShouldBeLoggedOnceAfterAnOutage() {
        log.refused(OUTAGE);
        log.reached();
        log.reached();

        assertThat(messagesAt(Level.WARN)).singleElement().asString().contains("reachable again");
    }

    @Test
    void reachingTheStoreWithoutAnOutageShouldLogNothing() {
        log.reached();

        assertThat(events.list).isEmpty();
    }

    @Test
    void aNewOutageAfterRecoveryShouldBeLoggedAtOnce() {
        log.refused(OUTAGE);
        log.reached();
        log.refused(OUTAGE);

        assertThat(errors()).hasSize(2);
    }

    private List<String> errors() {
        return messagesAt(Level.ERROR);
    }

    private List<String> messagesAt(Level level) {
        return events.list.stream().filter(event -> event.getLevel() == level).map(ILoggingEvent::getFormattedMessage)
            .collect(Collectors.toList());
    }
}
