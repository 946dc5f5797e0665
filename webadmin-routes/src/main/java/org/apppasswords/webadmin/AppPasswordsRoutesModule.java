package org.apppasswords.webadmin;

import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.mdc.RequestLogger;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;

/**
 * Adds the admin routes to James WebAdmin's {@code Routes} set, so operators need no
 * {@code extensions.routes} setting. WebAdmin's authentication filter covers them like James's own.
 * Also keeps the password of James's own {@code POST /users/{user}/verify} out of WebAdmin's request
 * log ({@link PasswordCheckRequestLogger}).
 */
public final class AppPasswordsRoutesModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder<Routes> routes = Multibinder.newSetBinder(binder(), Routes.class);
        routes.addBinding().to(AppPasswordsRoutes.class);
        routes.addBinding().to(SecondFactorRoutes.class);
        routes.addBinding().to(ConnectionsRoutes.class);
        routes.addBinding().to(ActivityRoutes.class);
        Multibinder.newSetBinder(binder(), RequestLogger.class).addBinding().to(PasswordCheckRequestLogger.class);
    }
}
