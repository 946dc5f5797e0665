package org.apppasswords.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ProtocolScopeTest {
    @Test
    void apiNamesShouldGiveTheirProtocolsAndAllFiveShouldBeAll() {
        assertThat(ProtocolScope.ofApiNames(List.of("smtp")).apiNames()).containsExactly("smtp");
        assertThat(ProtocolScope.ofApiNames(List.of("jmap", "imap", "imap")).apiNames()).containsExactly("imap", "jmap");
        assertThat(ProtocolScope.ofApiNames(List.of("managesieve", "smtp", "jmap", "pop3", "imap")).isAll()).isTrue();
    }

    @Test
    void anUnknownOrMissingProtocolShouldBeRefusedNamingTheField() {
        assertThatThrownBy(() -> ProtocolScope.ofApiNames(List.of("smtp", "IMAP")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("'protocols' may only hold [imap, pop3, smtp, jmap, managesieve]: not 'IMAP'");
        assertThatThrownBy(() -> ProtocolScope.ofApiNames(List.of()))
            .hasMessageStartingWith("'protocols' must name at least one of");
        assertThatThrownBy(() -> ProtocolScope.ofApiNames(List.of("x".repeat(500) + "\u0000")))
            .hasMessageEndingWith("not '" + "x".repeat(16) + "...'");
    }

    @Test
    void aLimitedScopeShouldAllowItsProtocolsOnlyByJamesName() {
        ProtocolScope filters = ProtocolScope.of(List.of(MailProtocol.MANAGESIEVE, MailProtocol.SMTP));

        assertThat(filters.allows(Optional.of("MANAGE-SIEVE"))).isTrue();
        assertThat(filters.allows(Optional.of("SMTP"))).isTrue();
        assertThat(filters.allows(Optional.of("IMAP"))).isFalse();
        assertThat(filters.allows(Optional.of("managesieve"))).as("an API name is not James's").isFalse();
        assertThat(filters.allows(Optional.empty())).as("fail closed").isFalse();
    }

    @Test
    void allShouldAllowEvenALoginWhoseProtocolCannotBeTold() {
        assertThat(ProtocolScope.all().allows(Optional.empty())).isTrue();
        assertThat(ProtocolScope.all().allows(Optional.of("LMTP"))).isTrue();
    }

    @Test
    void theStoredFormShouldRoundTripAndNeverWiden() {
        ProtocolScope reading = ProtocolScope.of(List.of(MailProtocol.IMAP, MailProtocol.POP3, MailProtocol.JMAP));

        assertThat(reading.stored()).contains("imap,pop3,jmap");
        assertThat(ProtocolScope.fromStored(reading.stored())).isEqualTo(reading);
        assertThat(ProtocolScope.all().stored()).isEmpty();
        assertThat(ProtocolScope.fromStored(Optional.empty())).isEqualTo(ProtocolScope.all());
        assertThat(ProtocolScope.fromStored(Optional.of("smtp,carrier-pigeon")).apiNames()).containsExactly("smtp");
        ProtocolScope nothingKnown = ProtocolScope.fromStored(Optional.of("carrier-pigeon"));
        assertThat(nothingKnown.isAll()).isFalse();
        assertThat(nothingKnown.allows(Optional.of("IMAP"))).isFalse();
    }
}
