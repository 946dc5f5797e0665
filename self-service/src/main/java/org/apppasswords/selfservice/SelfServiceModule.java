package org.apppasswords.selfservice;

import org.apache.james.jmap.JMAPRoutesHandler;
import org.apache.james.jmap.Version;
import org.apppasswords.selfservice.page.PageRoutes;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.ProvidesIntoSet;

/**
 * Serves the self-service routes on James's JMAP HTTP port. James matches routes per JMAP
 * version, chosen from the {@code Accept} header and defaulting to the draft version; routes
 * added to James's {@code Set<JMAPRoutes>} would join only the RFC 8621 handler and answer 404 to
 * a plain request. So this module gives the routes a {@link JMAPRoutesHandler} of their own for
 * each version James 3.8.1 supports, and they answer whatever the {@code Accept} header says.
 *
 * <p>Needs a {@link org.apppasswords.auth.SelfServiceSignIn} binding: the launcher provides it,
 * since only the launcher knows which repository James configured.
 */
public final class SelfServiceModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(SelfServiceRoutes.class).in(Scopes.SINGLETON);
        bind(Sessions.class).in(Scopes.SINGLETON);
        bind(PageRoutes.class).in(Scopes.SINGLETON);
    }

    @ProvidesIntoSet
    JMAPRoutesHandler draftHandler(SelfServiceRoutes routes) {
        return new JMAPRoutesHandler(Version.DRAFT, routes);
    }

    @ProvidesIntoSet
    JMAPRoutesHandler rfc8621Handler(SelfServiceRoutes routes) {
        return new JMAPRoutesHandler(Version.RFC8621, routes);
    }
}
