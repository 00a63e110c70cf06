package fr.rentree.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import fr.rentree.school.domain.School;
import fr.rentree.school.domain.SchoolKind;
import fr.rentree.school.service.SchoolService;
import fr.rentree.security.domain.Role;
import fr.rentree.security.service.BackOfficeUserService;
import fr.rentree.security.service.SignedInUser;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The Flyway schema on the real MariaDB keeps French text intact, and passwords only as hashes. */
@RentreeIntegrationTest
class RepositoryRoundTripIT {

    @Autowired
    SchoolService schools;
    @Autowired
    BackOfficeUserService users;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void a_school_with_accents_ligatures_and_apostrophes_reads_back_identical() {
        School written = new School("0781234T", "Lycée d'Œnologie « Les Coteaux » – Saint-Étienne-du-Vœu",
                SchoolKind.LYCEE, "DSDEN des Yvelines", "secrétariat.cœur@ac-versailles.fr", "https://ent.exemple.fr");

        schools.createIfAbsent(written);

        assertThat(schools.find("0781234T")).contains(written);
        assertThat(schools.findAll(List.of("0781234T"))).containsExactly(written);
    }

    @Test
    void creating_a_school_twice_keeps_the_first() {
        schools.createIfAbsent(new School("0782345A", "École Jean-Moulin", SchoolKind.ECOLE, null, null, null));
        schools.createIfAbsent(new School("0782345A", "Autre nom", SchoolKind.ECOLE, null, null, null));

        assertThat(schools.find("0782345A")).map(School::name).contains("École Jean-Moulin");
    }

    @Test
    void a_back_office_user_keeps_their_schools_and_a_hashed_password() {
        schools.createIfAbsent(new School("0783456H", "École Hélène-Boucher", SchoolKind.ECOLE, null, null, null));
        schools.createIfAbsent(new School("0784567R", "Collège Aimé-Césaire", SchoolKind.ECOLE, null, null, null));

        users.createIfAbsent("zoé.lefèvre", "Été-2026!", "Zoé Lefèvre", Role.DIRECTOR,
                Set.of("0783456H", "0784567R"));

        SignedInUser user = (SignedInUser) users.loadUserByUsername("zoé.lefèvre");
        assertThat(user.displayName()).isEqualTo("Zoé Lefèvre");
        assertThat(user.schoolUais()).containsExactlyInAnyOrder("0783456H", "0784567R");
        assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_DIRECTOR");
        assertThat(user.getPassword()).startsWith("{bcrypt}").doesNotContain("Été-2026!");
        assertThat(passwords.matches("Été-2026!", user.getPassword())).isTrue();
    }
}
