package fr.rentree.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The directory's door: no control character in a name, an e-mail or a login, whatever the importer let through.
 * "Cocœ" written in windows-1252 and read as Latin-9 is "Coc" + U+009C.
 */
class HolderTextsTest {

    @ParameterizedTest
    @ValueSource(strings = {"Coc\u009C", "\u0080Zoé", "Mou\u0001ssa", "Anne\tSophie"})
    void an_imported_name_with_a_control_character_is_refused(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> entry(name, "Cojaune", null));
        assertThatIllegalArgumentException().isThrownBy(() -> entry("Cojaune", name, null));
    }

    @Test
    void an_imported_e_mail_with_a_control_character_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> entry("Cocœ", "Cojaune", "coc\u009C@exemple.fr"))
                .withMessageContaining("U+009C");
    }

    @Test
    void names_of_every_script_and_typography_pass() {
        RosterEntry entry = entry("Cocœ D’Œ-Ÿvonne", "MARTIN--DUPONT Š", "coco@exemple.fr");
        assertThat(entry.firstName()).isEqualTo("Cocœ D’Œ-Ÿvonne");
    }

    @Test
    void a_login_never_holds_a_control_character() {
        assertThat(Login.base("Coc\u009C", "COJAUNE")).isEqualTo("coc.cojaune");
        assertThat(Login.base("Cocœ", "COJAUNE")).isEqualTo("cocoe.cojaune");
    }

    private static RosterEntry entry(String firstName, String lastName, String email) {
        return new RosterEntry("E:1", Origin.SIECLE, Profile.STUDENT, lastName, firstName, null, null, email, Set.of(),
                Set.of(), Set.of());
    }
}
