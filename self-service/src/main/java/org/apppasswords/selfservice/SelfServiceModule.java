package org.apppasswords.selfservice;

import java.time.Clock;

import javax.inject.Singleton;

import org.apache.james.jmap.JMAPRoutesHandler;
import org.apache.james.jmap.Version;
import org.apppasswords.login.LoginPipeline;
import org.apppasswords.selfservice.page.PageRoutes;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.multibindings.ProvidesIntoSet;

/**
 * Serves the self-service routes on James's JMAP HTTP port. James matches routes per JMAP
 * version, chosen from the {@code Accept} header and defaulting to the draft version; routes
 * added to James's {@code Set<JMAPRoutes>} would join only the RFC 8621 handler and answer 404 to
 * a plain request. So this module gives the routes a {@link JMAPRoutesHandler} of their own for
 * each version James 3.8.1 supports, and they answer whatever the {@code Accept} header says.
 */
public final class SelfServiceModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(SelfServiceRoutes.class).in(Scopes.SINGLETON);
        bind(Sessions.class).in(Scopes.SINGLETON);
        bind(PageRoutes.class).in(Scopes.SINGLETON);
        bind(AutoconfigRoutes.class).in(Scopes.SINGLETON);
    }

    @Provides
    @Singleton
    Checks checks(LoginPipeline logins, Clock clock) {
        return new Checks(logins, clock);
    }

    @ProvidesIntoSet
    JMAPRoutesHandler draftHandler(SelfServiceRoutes routes) {
        return new JMAPRoutesHandler(Version.DRAFT, routes);
    }

    @ProvidesIntoSet
    JMAPRoutesHandler rfc8621Handler(SelfServiceRoutes routes) {
        return new JMAPRoutesHandler(Version.RFC8621, routes);
    }

    /** Thunderbird asks for its settings without any JMAP {@code Accept} header: draft's handler answers it. */
    @ProvidesIntoSet
    JMAPRoutesHandler autoconfigDraftHandler(AutoconfigRoutes routes) {
        return new JMAPRoutesHandler(Version.DRAFT, routes);
    }

    @ProvidesIntoSet
    JMAPRoutesHandler autoconfigRfc8621Handler(AutoconfigRoutes routes) {
        return new JMAPRoutesHandler(Version.RFC8621, routes);
    }
}
