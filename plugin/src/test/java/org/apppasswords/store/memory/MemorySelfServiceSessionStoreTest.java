package org.apppasswords.store.memory;

import org.apppasswords.session.SelfServiceSessionStore;
import org.apppasswords.session.SelfServiceSessionStoreContract;
import org.junit.jupiter.api.BeforeEach;

class MemorySelfServiceSessionStoreTest implements SelfServiceSessionStoreContract {
    private MemorySelfServiceSessionStore store;

    @BeforeEach
    void setUp() {
        store = new MemorySelfServiceSessionStore();
    }

    @Override
    public SelfServiceSessionStore testee() {
        return store;
    }
}
