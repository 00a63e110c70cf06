package fr.rentree.activation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import fr.rentree.activation.domain.PasswordCheck;
import fr.rentree.activation.domain.PasswordOwner;
import org.junit.jupiter.api.Test;

class PasswordRulesTest {

    private static final List<String> SCHOOL = List.of("École élémentaire Louis Pasteur", "Saint-Denis-sur-Sarthe");

    private final PasswordRules rules = new PasswordRules();
    private final PasswordOwner zoe = PasswordOwner.adult(List.of("zoe.martin-dupont", "Zoé", "MARTIN--DUPONT"));
    /** Adam Ziani's mother, whose son is at the école Louis Pasteur */
    private final PasswordOwner parent = new PasswordOwner(
            List.of("nadia.ziani", "Nadia", "ZIANI", "Adam", "ZIANI"), SCHOOL, false);
    private final PasswordOwner youngPupil = new PasswordOwner(List.of("adam.ziani", "Adam", "ZIANI"), SCHOOL, true);

    @Test
    void twelve_varied_characters_hard_to_guess_pass() {
        assertThat(rules.check("Cartable-Vert-2026!", zoe)).isEqualTo(new PasswordCheck(true, true, true));
        assertThat(rules.check("Cartable-Vert-2026!", parent).accepted()).isTrue();
        assertThat(List.of("Tournesol-Bleu-2027?", "Cahier-de-textes-2026!", "Rentrée-des-classes-2026!"))
                .allMatch(password -> rules.check(password, parent).accepted());
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

    @Test
    void common_french_passwords_azerty_walks_and_the_familys_own_words_are_refused() {
        assertThat(List.of("Azerty123456!", "Motdepasse2026!", "Bonjour123456!", "Soleil2026!!", "Doudou123456!",
                "Marseille1313!", "Qsdfghjklm12!", "Wxcvbn123456!"))
                .allSatisfy(password -> assertThat(rules.check(password, parent).hardToGuess()).as(password).isFalse());
        // the child on the account, the school, the commune
        assertThat(List.of("Adam-Ziani-2019", "Ecole-Louis-Pasteur-2026", "Sarthe-Soleil-Vert-77"))
                .allSatisfy(password -> assertThat(rules.check(password, parent).hardToGuess()).as(password).isFalse());
    }

    @Test
    void the_short_words_of_a_place_are_the_languages_not_the_place() {
        // "sur" is in the commune's name, "Surprise" is not
        assertThat(rules.check("Surprise-Kayak-Violet-41", parent).accepted()).isTrue();
    }

    @Test
    void a_young_pupils_bar_is_lower_but_keeps_the_words_and_the_dictionaries() {
        assertThat(rules.check("Soleil2026!!", youngPupil).accepted()).isTrue();
        assertThat(rules.check("Soleil2026!!", parent).accepted()).isFalse();
        assertThat(rules.check("Motdepasse2026!", youngPupil).accepted()).isFalse();
        assertThat(rules.check("Adam-Soleil-2026", youngPupil).accepted()).isFalse();
    }
}
