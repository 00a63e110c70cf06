package fr.rentree.activation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import fr.rentree.activation.domain.PasswordCheck;
import org.junit.jupiter.api.Test;

class PasswordRulesTest {

    private final PasswordRules rules = new PasswordRules();
    private final List<String> zoe = List.of("zoe.martin-dupont", "Zoé", "MARTIN--DUPONT");

    @Test
    void twelve_varied_characters_hard_to_guess_pass() {
        assertThat(rules.check("Cartable-Vert-2026!", zoe)).isEqualTo(new PasswordCheck(true, true, true));
    }

    @Test
    void fourteen_characters_need_no_symbol_and_a_long_phrase_needs_no_variety() {
        assertThat(rules.check("Tournesol8Brioche4", zoe).accepted()).isTrue();
        assertThat(rules.check("la girafe mange des tartines au soleil", zoe).accepted()).isTrue();
    }

    @Test
    void short_plain_common_or_personal_passwords_fail_the_rule_they_break() {
        assertThat(rules.check("Zo2026!", zoe)).isEqualTo(new PasswordCheck(false, true, false));
        assertThat(rules.check("tournesolbrioche", zoe).varied()).isFalse();
        assertThat(rules.check("Password1234!", zoe).hardToGuess()).isFalse();
        assertThat(rules.check("zoe.martin-dupont2026!Z", zoe).hardToGuess()).isFalse();
        assertThat(rules.check("", zoe)).isEqualTo(new PasswordCheck(false, false, false));
    }
}
