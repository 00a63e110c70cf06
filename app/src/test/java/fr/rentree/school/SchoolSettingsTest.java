package fr.rentree.school;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rentree.school.domain.School;
import fr.rentree.school.domain.SchoolKind;
import fr.rentree.school.domain.SchoolSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of "Paramètres de l’établissement", as the form and the service both apply them. */
class SchoolSettingsTest {

    @ParameterizedTest
    @ValueSource(strings = {"ce.0930001a@ac-creteil.fr", "secrétariat.cœur@ac-versailles.fr", "a.b@c.d.e"})
    void a_whole_address_is_accepted(String email) {
        assertThat(SchoolSettings.contactEmailProblem(email)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"secretariat", "secretariat@rosa-parks", "a b@c.fr", "a@@c.fr", "@ac-creteil.fr"})
    void a_partial_address_is_refused(String email) {
        assertThat(SchoolSettings.contactEmailProblem(email)).contains("settings.error.email");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://ent.exemple.fr", "http://ent.exemple.fr/connexion?etab=0930001W",
            "HTTPS://ENT.EXEMPLE.FR"})
    void a_web_address_is_accepted(String url) {
        assertThat(SchoolSettings.entUrlProblem(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ent.exemple.fr", "ftp://ent.exemple.fr", "https://", "https://ent exemple.fr",
            "javascript:alert(1)", "mailto:ce@ac-creteil.fr"})
    void anything_but_a_web_address_is_refused(String url) {
        assertThat(SchoolSettings.entUrlProblem(url)).contains("settings.error.ent-url");
    }

    @Test
    void empty_addresses_mean_none_and_a_name_is_required_within_its_column() {
        SchoolSettings settings = new SchoolSettings("  École Louise-Michel ", "  ", "");

        assertThat(settings).isEqualTo(new SchoolSettings("École Louise-Michel", null, null));
        assertThat(settings.problems()).isEmpty();
        assertThat(new SchoolSettings(" ", null, null).problems()).containsOnlyKeys("name")
                .containsValue("settings.error.name-blank");
        assertThat(new SchoolSettings("É".repeat(201), null, null).problems())
                .containsValue("settings.error.name-long");
        assertThat(new SchoolSettings("É".repeat(200), null, null).problems()).isEmpty();
        assertThat(SchoolSettings.entUrlProblem("https://ent.exemple.fr/" + "a".repeat(300)))
                .contains("settings.error.ent-url-long");
    }

    @Test
    void accounts_are_created_by_hand_once_the_name_and_the_contact_address_are_there() {
        School school = new School("0930001W", "Collège Rosa-Parks", SchoolKind.COLLEGE, null, null, null);

        assertThat(school.readyForManualAccounts()).isFalse();
        assertThat(new School("0930001W", "Collège Rosa-Parks", SchoolKind.COLLEGE, null, "ce@ac-creteil.fr", null)
                .readyForManualAccounts()).isTrue();
    }
}
