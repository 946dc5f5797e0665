package org.apppasswords.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apache.james.metrics.api.Metric;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.metrics.api.TimeMetric;
import org.apppasswords.apppassword.AppPasswordId;
import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.apppassword.StoredAppPassword;
import org.apppasswords.store.memory.MemoryAppPasswordStore;
import org.apppasswords.store.memory.MemoryGenerations;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;

class TimedStoreTest {
    private static final Username ALICE = Username.of("alice@example.org");
    private static final AppPasswordId ID = AppPasswordId.parse("abcde").orElseThrow();
    /** The generation of a user whose secrets no revocation ever touched: this test revokes nothing. */
    private static final long NEVER_REVOKED = 0;

    private final RecordingMetrics metrics = new RecordingMetrics();

    @Test
    void everyStoreCallShouldBeTimedUnderItsStoreAndMethodName() {
        AppPasswordStore timed = TimedStore.wrap(AppPasswordStore.class, new MemoryAppPasswordStore(new MemoryGenerations()), "appPasswords",
            metrics);

        timed.add(ALICE, StoredAppPassword.created(ID, "label", "$sha256$x$y", Instant.EPOCH), 25, NEVER_REVOKED);
        Optional<StoredAppPassword> found = timed.find(ALICE, ID);

        assertThat(found).isPresent();
        assertThat(metrics.published).containsExactly("appPasswords.store.appPasswords.add", "appPasswords.store.appPasswords.find");
    }

    @Test
    void aFailingCallShouldBeTimedAndRethrowTheStoresOwnException() {
        AppPasswordStore down = mock(AppPasswordStore.class);
        when(down.find(ALICE, ID)).thenThrow(new StoreUnavailableException("down", new RuntimeException()));
        AppPasswordStore failing = TimedStore.wrap(AppPasswordStore.class, down, "appPasswords", metrics);

        assertThatThrownBy(() -> failing.find(ALICE, ID)).isInstanceOf(StoreUnavailableException.class);
        assertThat(metrics.published).containsExactly("appPasswords.store.appPasswords.find");
    }

    @Test
    void objectMethodsShouldNotBeTimed() {
        AppPasswordStore timed = TimedStore.wrap(AppPasswordStore.class, new MemoryAppPasswordStore(new MemoryGenerations()), "appPasswords",
            metrics);

        assertThat(timed.toString()).isNotEmpty();
        assertThat(metrics.published).isEmpty();
    }

    /** Records the names of published timers; nothing else of the factory is used. */
    private static final class RecordingMetrics implements MetricFactory {
        final List<String> published = new ArrayList<>();

        @Override
        public TimeMetric timer(String name) {
            return new TimeMetric() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public ExecutionResult stopAndPublish() {
                    published.add(name);
                    return null;
                }
            };
        }

        @Override
        public Metric generate(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> Publisher<T> decoratePublisherWithTimerMetric(String name, Publisher<T> publisher) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> Publisher<T> decoratePublisherWithTimerMetricLogP99(String name, Publisher<T> publisher) {
            throw new UnsupportedOperationException();
        }
    }
}
