package org.apppasswords.modules;

import org.apppasswords.store.memory.MemoryActivity;
import org.apppasswords.device.ProfileLinkStore;
import org.apppasswords.store.memory.MemoryAppPasswordStore;
import org.apppasswords.store.memory.MemoryConnectionDirectory;
import org.apppasswords.store.memory.MemoryGenerations;
import org.apppasswords.store.memory.MemoryLoginFailureStore;
import org.apppasswords.store.memory.MemoryProfileLinkStore;
import org.apppasswords.store.memory.MemorySecondFactorStore;
import org.apppasswords.store.memory.MemorySelfServiceSessionStore;
import org.apppasswords.store.memory.MemorySignOutNotices;

import com.google.inject.AbstractModule;

/** {@code store=memory}: everything in this JVM, lost when James stops: for trials on one node. */
final class MemoryStoreModule extends AbstractModule {
    @Override
    protected void configure() {
        MemoryGenerations generations = new MemoryGenerations();
        MemoryActivity activity = new MemoryActivity();
        bind(Backend.class).toInstance(new Backend(new MemoryAppPasswordStore(generations), new MemorySecondFactorStore(generations),
            new MemorySelfServiceSessionStore(generations), new MemoryLoginFailureStore(), generations, new MemorySignOutNotices(), new MemoryConnectionDirectory(),
            activity, activity, false,
            () -> { }, () -> { }));
        bind(ProfileLinkStore.class).toInstance(new MemoryProfileLinkStore());
    }
}
