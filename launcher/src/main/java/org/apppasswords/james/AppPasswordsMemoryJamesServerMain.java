package org.apppasswords.james;

import org.apache.james.ExtraProperties;
import org.apache.james.FakeSearchMailboxModule;
import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerMain;
import org.apache.james.MemoryJamesConfiguration;
import org.apache.james.MemoryJamesServerMain;
import org.apache.james.modules.RunArgumentsModule;
import org.apache.james.modules.server.JMXServerModule;
import org.apache.james.user.api.UsernameChangeTaskStep;
import org.apache.james.utils.GuiceProbe;
import org.apppasswords.lifecycle.AppPasswordsUsernameChangeTaskStep;
import org.apppasswords.modules.AppPasswordsModule;
import org.apppasswords.notice.NoticeSender;
import org.apppasswords.selfservice.SelfServiceModule;
import org.apppasswords.webadmin.AppPasswordsRoutesModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

/**
 * Starts James's memory server exactly as {@link MemoryJamesServerMain} does, with app passwords
 * and TOTP governing every login. Operators run this class instead of
 * {@code org.apache.james.MemoryJamesServerMain}; going back to the stock main silently
 * re-enables the bare primary password.
 *
 * <p>Why a main and not a {@code guice.extension.module}: extension modules live in a child
 * injector, which cannot replace James's {@code UsersRepository} binding.
 */
public final class AppPasswordsMemoryJamesServerMain implements JamesServerMain {
    private static final Logger LOGGER = LoggerFactory.getLogger(AppPasswordsMemoryJamesServerMain.class);

    private AppPasswordsMemoryJamesServerMain() {
    }

    public static void main(String[] args) throws Exception {
        JamesServerMain.main(createServerForCommandLine(args));
    }

    /** What {@link #main} starts: configuration from the working directory James was given, as James's own main reads it. */
    public static GuiceJamesServer createServerForCommandLine(String[] args) {
        ExtraProperties.initialize();

        MemoryJamesConfiguration configuration = MemoryJamesConfiguration.builder()
            .useWorkingDirectoryEnvProperty()
            .build();

        LOGGER.info("Loading configuration {}", configuration);
        return createServer(configuration)
            .overrideWith(new RunArgumentsModule(args));
    }

    /**
     * The server {@link #main} starts, also built by embedders (the tests, the demo): James's memory server with the
     * modules its main adds, plus ours: the admin WebAdmin routes, the self-service routes on the
     * JMAP port and a username-change step. Overridden: the {@code UsersRepository} binding, the
     * draft-JMAP authentication endpoint, and, so that every login says where it comes from, the
     * IMAP and SMTP server factories and the JMAP Basic strategy ({@link LoginOriginModule}).
     */
    public static GuiceJamesServer createServer(MemoryJamesConfiguration configuration) {
        return MemoryJamesServerMain.createServer(configuration)
            .combineWith(new FakeSearchMailboxModule(), new JMXServerModule(), new AppPasswordsModule(configuration),
                binder -> Multibinder.newSetBinder(binder, GuiceProbe.class).addBinding().to(AppPasswordsProbe.class),
                // Admin routes on WebAdmin, and James's username change (rename task) moving our secrets.
                new AppPasswordsRoutesModule(),
                binder -> Multibinder.newSetBinder(binder, UsernameChangeTaskStep.class).addBinding().to(AppPasswordsUsernameChangeTaskStep.class),
                new SelfServiceModule())
            .overrideWith(UsersRepositoryDecoratorModule.forImplementation(configuration.getUsersRepositoryImplementation()),
                new DraftJmapAuthenticationModule(), new LoginOriginModule(),
                // Security notices through James's mail pipeline (the plugin alone sends none).
                binder -> binder.bind(NoticeSender.class).to(MailedNotices.class).in(Scopes.SINGLETON));
    }
}
