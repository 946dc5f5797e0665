package org.apppasswords.modules;

import javax.inject.Singleton;

import org.apache.james.metrics.api.MetricFactory;
import org.apppasswords.activity.SignInHistory;
import org.apppasswords.activity.SignInRecorder;
import org.apppasswords.notice.SecurityNotices;
import org.apppasswords.store.TimedStore;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;

/**
 * What the extension tells users of their account: the security notices (mailed when
 * {@code notifications.enabled}, the default) and the sign-in history, both run in the background
 * by {@link Stores}.
 */
final class ActivityModule extends AbstractModule {
    @Provides
    @Singleton
    SecurityNotices securityNotices(Stores stores) {
        return stores.notices;
    }

    @Provides
    @Singleton
    SignInRecorder signInRecorder(Stores stores) {
        return stores.signIns;
    }

    /** Each user's recent sign-ins, for the activity routes. */
    @Provides
    @Singleton
    SignInHistory signInHistory(Stores stores, MetricFactory metrics) {
        return TimedStore.wrap(SignInHistory.class, stores.backend.history, "signIns", metrics);
    }
}
