package org.apppasswords.throttle;

import java.time.Instant;

import org.apache.james.core.Username;
import org.apppasswords.store.StoreUnavailableException;

/**
 * A failure store that still answers reads but refuses the writes a test turns off, as one failing
 * over to a read-only standby or out of disk does; everything else goes to the real store.
 */
final class FailingWrites implements LoginFailureStore {
    private final LoginFailureStore store;
    volatile boolean refuseRecords;
    volatile boolean refuseSuccesses;
    volatile boolean refuseReads;
    volatile boolean refuseRemovals;

    FailingWrites(LoginFailureStore store) {
        this.store = store;
    }

    @Override
    public History read(Username user, ClientAddress address, Instant since) {
        refuseIf(refuseReads);
        return store.read(user, address, since);
    }

    @Override
    public void record(LoginFailure failure) {
        refuseIf(refuseRecords);
        store.record(failure);
    }

    @Override
    public void succeeded(Username user, ClientAddress address, Instant at, boolean forgetFailures, boolean noteSuccess) {
        refuseIf(refuseSuccesses);
        store.succeeded(user, address, at, forgetFailures, noteSuccess);
    }

    @Override
    public void forget(Username user) {
        store.forget(user);
    }

    @Override
    public long removeBefore(Instant before) {
        refuseIf(refuseRemovals);
        return store.removeBefore(before);
    }

    private static void refuseIf(boolean refused) {
        if (refused) {
            throw new StoreUnavailableException("test: the store refuses this", null);
        }
    }
}
