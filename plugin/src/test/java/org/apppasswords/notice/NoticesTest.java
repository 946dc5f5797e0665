package org.apppasswords.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.apppasswords.scope.MailProtocol;
import org.apppasswords.scope.ProtocolScope;
import org.junit.jupiter.api.Test;

/** The notices' words ({@link Notices}) and their two renderings ({@link Notice}): what happened, the facts, nothing secret. */
class NoticesTest {
    private static final Instant AT = Instant.parse("2026-12-05T10:00:00Z");
    private static final Optional<String> ADDRESS = Optional.of("203.0.113.7");
    private static final Optional<String> IMAP = Optional.of("IMAP");
    private static final Optional<URI> PAGE = Optional.of(URI.create("https://mail.example.com/app-passwords-api/"));
    private static final String HOSTILE_LABEL = "<script>&\"'";

    /** One of each, with the subject words that must say what happened. */
    private static final Map<Notice, List<String>> EVERY_NOTICE = Map.of(
        Notices.totpEnabled(AT), List.of("Two-step verification", "turned on"),
        Notices.totpDisabled(AT), List.of("Two-step verification", "turned off"),
        Notices.appPasswordCreated("Phone", ProtocolScope.all(), AT, ADDRESS), List.of("New app password", "Phone"),
        Notices.appPasswordRevokedByAdmin("Phone", AT), List.of("revoked by an administrator", "Phone"),
        Notices.appPasswordsRevokedByAdmin(4, AT), List.of("All your app passwords", "revoked by an administrator"),
        Notices.secondFactorReset(AT), List.of("Two-step verification", "reset by an administrator"),
        Notices.recoveryCodeUsed(OptionalInt.of(3), AT, ADDRESS, IMAP), List.of("recovery code", "used"),
        Notices.primaryPasswordChanged(Optional.of(2), AT), List.of("password was changed"),
        Notices.codesLocked(AT, ADDRESS, IMAP), List.of("codes locked"),
        Notices.newAddress("Phone", "203.0.113.7", IMAP, AT), List.of("Phone", "new address"));

    @Test
    void everySubjectShouldSayWhatHappened() {
        assertThat(EVERY_NOTICE).allSatisfy((notice, words) -> assertThat(notice.subject()).contains(words));
    }

    @Test
    void subjectsShouldTellTheEventsApart() {
        assertThat(EVERY_NOTICE.keySet()).extracting(Notice::subject).doesNotHaveDuplicates();
    }

    @Test
    void everyNoticeShouldSayWhenInUtcAndCarryTheFooter() {
        assertThat(EVERY_NOTICE.keySet()).allSatisfy(notice -> {
            assertThat(notice.plainText(PAGE)).contains("Time: 2026-12-05 10:00:00 UTC").contains(Notices.FOOTER);
            assertThat(notice.html(PAGE)).contains("2026-12-05 10:00:00 UTC").contains("never contains a password or a code");
        });
    }

    @Test
    void aRecoveryCodeNoticeShouldTellTheOriginAndTheCodesLeft() {
        String text = Notices.recoveryCodeUsed(OptionalInt.of(3), AT, ADDRESS, IMAP).plainText(Optional.empty());

        assertThat(text).contains("From address: 203.0.113.7").contains("Over: IMAP").contains("Recovery codes left: 3");
    }

    @Test
    void aCountOfCodesLeftTheStoreCouldNotGiveShouldBeLeftOut() {
        String text = Notices.recoveryCodeUsed(OptionalInt.empty(), AT, ADDRESS, IMAP).plainText(Optional.empty());

        assertThat(text).doesNotContain("Recovery codes left").contains("From address: 203.0.113.7");
    }

    @Test
    void aNewAddressNoticeShouldTellTheLabelTheAddressAndTheProtocol() {
        String text = Notices.newAddress("Work laptop", "2001:db8::7", Optional.of("SMTP"), AT).plainText(Optional.empty());

        assertThat(text).contains("App password: Work laptop").contains("From address: 2001:db8::7").contains("Over: SMTP");
    }

    @Test
    void anOriginJamesDidNotGiveShouldBeLeftOut() {
        String text = Notices.codesLocked(AT, Optional.empty(), Optional.empty()).plainText(Optional.empty());

        assertThat(text).doesNotContain("From address").doesNotContain("Over:");
    }

    @Test
    void countsShouldBeTold() {
        assertThat(Notices.appPasswordsRevokedByAdmin(4, AT).plainText(Optional.empty())).contains("App passwords revoked: 4");
        assertThat(Notices.primaryPasswordChanged(Optional.of(2), AT).plainText(Optional.empty())).contains("2 revoked");
        assertThat(Notices.primaryPasswordChanged(Optional.empty(), AT).plainText(Optional.empty())).contains("kept: they still work")
            .doesNotContain("revoked");
    }

    @Test
    void aCreatedNoticeShouldNameTheProtocolsOnlyWhenScoped() {
        Notice scoped = Notices.appPasswordCreated("Phone", ProtocolScope.of(List.of(MailProtocol.IMAP, MailProtocol.SMTP)), AT,
            Optional.empty());
        Notice unscoped = Notices.appPasswordCreated("Phone", ProtocolScope.all(), AT, Optional.empty());

        assertThat(scoped.plainText(Optional.empty())).contains("Allowed for: IMAP, SMTP");
        assertThat(unscoped.plainText(Optional.empty())).doesNotContain("Allowed for").doesNotContain("IMAP");
        assertThat(unscoped.plainText(Optional.empty())).doesNotContain("From address");
    }

    @Test
    void thePageShouldBeLinkedInBothPartsWhenKnown() {
        Notice notice = Notices.newAddress("Phone", "203.0.113.7", IMAP, AT);

        assertThat(notice.plainText(PAGE)).contains("https://mail.example.com/app-passwords-api/");
        assertThat(notice.html(PAGE)).contains("<a href=\"https://mail.example.com/app-passwords-api/\">");
    }

    @Test
    void noLinkShouldBeGivenWhenThePageIsNotKnown() {
        assertThat(EVERY_NOTICE.keySet()).allSatisfy(notice -> {
            assertThat(notice.plainText(Optional.empty())).doesNotContain("http");
            assertThat(notice.html(Optional.empty())).doesNotContain("<a ").doesNotContain("http");
        });
    }

    @Test
    void htmlShouldEscapeWhatTheUserTyped() {
        String html = Notices.appPasswordCreated(HOSTILE_LABEL, ProtocolScope.all(), AT, ADDRESS).html(PAGE);

        assertThat(html).doesNotContain("<script>").doesNotContain(HOSTILE_LABEL).contains("&lt;script&gt;&amp;&quot;&#39;");
    }

    @Test
    void htmlShouldEscapeThePageLink() {
        String html = Notices.totpEnabled(AT).html(Optional.of(URI.create("https://mail.example.com/app-passwords-api/?a=1&b='2'")));

        assertThat(html).contains("href=\"https://mail.example.com/app-passwords-api/?a=1&amp;b=&#39;2&#39;\"");
    }

    @Test
    void plainTextShouldKeepTheLabelAsTyped() {
        assertThat(Notices.appPasswordRevokedByAdmin(HOSTILE_LABEL, AT).plainText(Optional.empty())).contains(HOSTILE_LABEL);
    }

    @Test
    void noFactoryShouldTakeASecretTypeOrAnythingButWhatTheUserMayRead() {
        List<Class<?>> readable = List.of(String.class, Instant.class, Optional.class, OptionalInt.class, ProtocolScope.class, int.class);

        assertThat(Arrays.stream(Notices.class.getDeclaredMethods()).filter(method -> Modifier.isPublic(method.getModifiers())))
            .isNotEmpty()
            .allSatisfy(factory -> assertThat(readable).containsAll(List.of(factory.getParameterTypes())))
            .extracting(Method::getReturnType).containsOnly(Notice.class);
    }

    @Test
    void noNoticeShouldHoldAnythingShapedLikeATokenACodeOrAHash() {
        assertThat(EVERY_NOTICE.keySet()).allSatisfy(notice -> {
            String all = notice.subject() + notice.plainText(PAGE) + notice.html(PAGE);
            assertThat(all).doesNotContainPattern("jap[a-z0-9]{10,}").doesNotContainPattern("(?<!\\d)\\d{6,8}(?!\\d)").doesNotContain("$");
        });
    }

    @Test
    void toStringShouldGiveTheSubjectOnly() {
        Notice notice = Notices.newAddress("Phone", "203.0.113.7", IMAP, AT);

        assertThat(notice.toString()).contains(notice.subject()).doesNotContain("203.0.113.7");
    }
}
