package org.apppasswords.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPasswordId;
import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.apppassword.IdleExpiry;
import org.apppasswords.apppassword.StoredAppPassword;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.signout.LocalConnections;
import org.apppasswords.signout.OpenedWith;
import org.apppasswords.signout.SignedInConnection;
import org.apppasswords.signout.SignedInConnections;
import org.apppasswords.store.StoreUnavailableException;
import org.apppasswords.testing.MutableClock;
import org.junit.jupiter.api.Test;

class IdleExpirySignOutTest {
    static final Username ALICE = Username.of("alice@example.org");
    static final Instant CREATED = Instant.parse("2026-12-05T10:00:00Z");
    static final Duration LIMIT = Duration.ofDays(30);
    static final AppPasswordId PHONE = AppPasswordId.parse("qd3k7").orElseThrow();
    static final StoredAppPassword ENTRY = StoredAppPassword.created(PHONE, "Phone", "$sha256$salt$hash", CREATED);

    final MutableClock clock = new MutableClock(CREATED);
    final AppPasswordStore store = mock(AppPasswordStore.class);
    final SignedInConnections signedIn = new SignedInConnections();
    final List<String> ended = new ArrayList<>();
    final LocalConnections local = new LocalConnections() {
        @Override
        public void end(Username user, OpenedWith openedWith, Instant loggedInBefore) {
            ended.add(user.asString() + " " + openedWith);
        }

        @Override
        public boolean keeps(String protocol) {
            return true;
        }
    };
    final IdleExpirySignOut sweep = new IdleExpirySignOut(store,
        new IdleExpiry(AppPasswordsConfiguration.defaults().withAppPasswordIdleExpiry(Optional.of(LIMIT)), clock), signedIn, local, clock);

    IdleExpirySignOutTest() {
        signedIn.loggedIn("s1", new SignedInConnection(ALICE, "IMAP", Optional.empty(), CREATED, Optional.of(PHONE.asString())));
        signedIn.loggedIn("s2", new SignedInConnection(ALICE, "IMAP", Optional.empty(), CREATED, Optional.empty()));
    }

    @Test
    void anAppPasswordShouldBeReadOnceThenAgainOnlyWhenItMayHaveExpired() {
        when(store.find(ALICE, PHONE)).thenReturn(Optional.of(ENTRY));

        sweep.look();
        clock.advance(LIMIT.minusSeconds(1));
        sweep.look();

        verify(store, times(1)).find(any(), any());
        assertThat(ended).isEmpty();
    }

    @Test
    void theConnectionsOfAnExpiredAppPasswordShouldEnd() {
        when(store.find(ALICE, PHONE)).thenReturn(Optional.of(ENTRY));
        sweep.look();

        clock.advance(LIMIT);
        sweep.look();

        assertThat(ended).containsExactly("alice@example.org app password qd3k7");
    }

    @Test
    void aUseMeanwhileShouldPostponeTheEnd() {
        when(store.find(ALICE, PHONE)).thenReturn(Optional.of(ENTRY));
        sweep.look();
        when(store.find(ALICE, PHONE)).thenReturn(Optional.of(ENTRY.usedAt(CREATED.plus(Duration.ofDays(10)))));

        clock.advance(LIMIT);
        sweep.look();

        assertThat(ended).isEmpty();
    }

    @Test
    void theConnectionsOfAnAppPasswordGoneShouldEnd() {
        when(store.find(ALICE, PHONE)).thenReturn(Optional.empty());

        sweep.look();

        assertThat(ended).containsExactly("alice@example.org app password qd3k7");
    }

    @Test
    void aStoreThatDoesNotAnswerShouldBeAskedAgainNextTime() {
        when(store.find(ALICE, PHONE)).thenThrow(new StoreUnavailableException("App passwords store: find failed", null));
        sweep.look();
        doReturn(Optional.empty()).when(store).find(ALICE, PHONE);

        sweep.look();

        assertThat(ended).hasSize(1);
    }
}
