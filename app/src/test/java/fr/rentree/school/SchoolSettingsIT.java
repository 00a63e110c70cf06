package fr.rentree.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Set;

import fr.rentree.school.domain.School;
import fr.rentree.school.domain.SchoolSettings;
import fr.rentree.school.service.SchoolService;
import fr.rentree.base.FieldsRefused;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** "Paramètres de l’établissement" against MariaDB: only the school's directors save, and only what is valid. */
@RentreeIntegrationTest
class SchoolSettingsIT {

    @Autowired
    SchoolService schools;
    @Autowired
    Fixtures fixtures;

    School school;
    String director;

    @BeforeEach
    void aSchoolAndItsDirector() {
        var created = fixtures.schoolWithDirector("Collège Rosa-Parks");
        school = created.school();
        director = created.director();
    }

    @Test
    void the_director_saves_the_settings_trimmed_and_an_emptied_address_as_none() {
        School saved = fixtures.as(director, () -> schools.updateSettings(school.uai(), new SchoolSettings(
                "  Collège Rosa-Parks d’Aubervilliers ", " secretariat.rosa-parks@ac-creteil.fr", "")));

        assertThat(saved).isEqualTo(new School(school.uai(), "Collège Rosa-Parks d’Aubervilliers", school.kind(),
                school.district(), "secretariat.rosa-parks@ac-creteil.fr", null));
        assertThat(schools.find(school.uai())).contains(saved); // UAI, kind and district untouched
        assertThat(saved.readyForManualAccounts()).isTrue();
    }

    @Test
    void a_wrong_field_is_refused_by_name_and_nothing_is_written() {
        SchoolSettings wrong = new SchoolSettings("Collège Rosa-Parks (nouveau nom)", "secretariat@rosa-parks",
                "ent.rosa-parks.fr");

        assertThatThrownBy(() -> fixtures.as(director, () -> schools.updateSettings(school.uai(), wrong)))
                .isInstanceOfSatisfying(FieldsRefused.class, refused -> {
                    assertThat(refused.problems()).containsExactly(
                            entry("contactEmail", "settings.error.email"),
                            entry("entUrl", "settings.error.ent-url"));
                    assertThat(refused.messageKey()).isEqualTo("settings.error.email");
                });
        assertThatThrownBy(() -> fixtures.as(director, () -> schools.updateSettings(school.uai(),
                new SchoolSettings("   ", school.contactEmail(), school.entUrl()))))
                .isInstanceOfSatisfying(FieldsRefused.class, refused -> assertThat(refused.problems())
                        .containsOnlyKeys("name").containsValue("settings.error.name-blank"));
        assertThat(schools.find(school.uai())).contains(school); // the valid name of the first try not saved either
    }

    @Test
    void the_director_of_another_school_and_district_staff_are_refused() {
        String elsewhere = fixtures.schoolWithDirector("École Jean-Jaurès").director();
        String officer = fixtures.districtOfficer(Set.of(school.uai()));
        SchoolSettings settings = new SchoolSettings("Collège pris par un autre", "autre@exemple.fr", null);

        assertThatThrownBy(() -> fixtures.as(elsewhere, () -> schools.updateSettings(school.uai(), settings)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(officer, () -> schools.updateSettings(school.uai(), settings)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.asNobody(() -> schools.updateSettings(school.uai(), settings)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(schools.find(school.uai())).contains(school);
    }

    @Test
    void manual_accounts_wait_for_the_name_and_the_contact_address() {
        assertThat(school.readyForManualAccounts()).isTrue(); // the fixtures give both

        School withoutAddress = fixtures.as(director, () -> schools.updateSettings(school.uai(),
                new SchoolSettings(school.name(), " ", school.entUrl())));

        assertThat(withoutAddress.contactEmail()).isNull();
        assertThat(withoutAddress.readyForManualAccounts()).isFalse();
    }
}
