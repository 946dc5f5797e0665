package org.apppasswords.store.memory;

import org.apppasswords.session.SelfServiceSessionStore;
import org.apppasswords.session.SelfServiceSessionStoreContract;
import org.apppasswords.store.UserGenerations;
import org.junit.jupiter.api.BeforeEach;

class MemorySelfServiceSessionStoreTest implements SelfServiceSessionStoreContract {
    private MemoryGenerations generations;
    private MemorySelfServiceSessionStore store;

    @BeforeEach
    void setUp() {
        generations = new MemoryGenerations();
        store = new MemorySelfServiceSessionStore(generations);
    }

    @Override
    public SelfServiceSessionStore testee() {
        return store;
    }

    @Override
    public UserGenerations generations() {
        return generations;
    }
}
