package org.apppasswords.store.memory;

import org.apppasswords.store.AppPasswordStore;
import org.apppasswords.store.AppPasswordStoreContract;
import org.junit.jupiter.api.BeforeEach;

class MemoryAppPasswordStoreTest implements AppPasswordStoreContract {
    private MemoryAppPasswordStore store;

    @BeforeEach
    void setUp() {
        store = new MemoryAppPasswordStore();
    }

    @Override
    public AppPasswordStore testee() {
        return store;
    }
}
