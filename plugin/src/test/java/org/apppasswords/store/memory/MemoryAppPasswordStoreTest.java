package org.apppasswords.store.memory;

import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.apppassword.AppPasswordStoreContract;
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
