package fr.rentree.administration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.rentree.administration.service.InvitationLinks;
import fr.rentree.security.domain.Role;
import fr.rentree.security.service.BackOfficeUserService;
import fr.rentree.security.service.BackOfficeUsers;
import fr.rentree.security.service.SignedInUser;
import fr.rentree.support.Fixtures;
import fr.rentree.support.JarCommand;
import fr.rentree.support.JarCommand.Run;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * {@code create-admin} as the README tells a production operator to run it: the packaged jar against the database,
 * which prints the first administrator's invitation link.
 */
@RentreeIntegrationTest
class CreateAdminCommandIT {

    @Autowired
    Environment environment;
    @Autowired
    InvitationLinks links;
    @Autowired
    BackOfficeUserService signIn;
    @Autowired
    Fixtures fixtures;
    @Autowired
    BackOfficeUsers users;

    @Test
    void the_first_administrator_is_created_with_a_link_to_choose_a_password_and_a_second_run_gives_a_new_link()
            throws Exception {
        String username = "alice.martin." + System.nanoTime();
        // a server's POSIX locale, ASCII only: the French output must not turn into "cr?? "
        JarCommand jar = new JarCommand(environment).inLocale("C");

        Run first = jar.run("create-admin", "--username", username, "--email", "alice.martin@ac-creteil.fr", "--name",
                "Alice Martin");

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("Administrateur " + username + " créé.",
                "Ouvrez ce lien dans les 48 h pour choisir le mot de passe (il ne sert qu’une fois) : "
                        + JarCommand.PUBLIC_URL + "/invitation?jeton=");
        SignedInUser admin = (SignedInUser) signIn.loadUserByUsername(username);
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(users.findByUsername(username).orElseThrow().passwordHash()) // as Rentrée's own work
                .as("no password until she chooses one").isNull();
        String token = token(first);
        assertThat(links.invited(token)).hasValueSatisfying(invited -> assertThat(invited.displayName())
                .isEqualTo("Alice Martin"));

        Run second = jar.run("create-admin", "--username", username, "--email", "alice.martin@ac-creteil.fr");
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).contains("L’administrateur " + username + " existe déjà");
        assertThat(links.invited(token)).as("the first link voided").isEmpty();
        assertThat(links.invited(token(second))).isPresent();
    }

    @Test
    void wrong_arguments_and_a_director_s_username_are_refused_in_french_with_nothing_written() throws Exception {
        JarCommand jar = new JarCommand(environment);

        Run noEmail = jar.run("create-admin", "--username", "personne");
        assertThat(noEmail.exitCode()).isEqualTo(2);
        assertThat(noEmail.output()).startsWith("usage : java -jar rentree-app.jar create-admin --username");

        Run badEmail = jar.run("create-admin", "--username", "bob." + System.nanoTime(), "--email", "bob@");
        assertThat(badEmail.exitCode()).as(badEmail.output()).isEqualTo(2);
        assertThat(badEmail.output()).contains("Refusé, rien n’a été enregistré : Indiquez une adresse de courriel"
                + " valide");

        String director = fixtures.schoolWithDirector("Collège Rosa-Parks").director();
        Run taken = jar.run("create-admin", "--username", director, "--email", "x@ac-creteil.fr");
        assertThat(taken.exitCode()).as(taken.output()).isEqualTo(2);
        assertThat(taken.output()).contains("L’utilisateur " + director + " existe et n’est pas administrateur");
        assertThat(((SignedInUser) signIn.loadUserByUsername(director)).role()).isEqualTo(Role.DIRECTOR);
    }

    @Test
    void under_prod_without_a_public_address_the_command_refuses_in_french_and_creates_no_one() throws Exception {
        String username = "sans.adresse." + System.nanoTime();

        Run run = new JarCommand(environment).run("create-admin", "--username", username, "--email",
                "sans.adresse@ac-creteil.fr", "--rentree.public-url=");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("Configuration refusée, rien n’a été enregistré",
                "L’adresse publique de Rentrée n’est pas donnée", "RENTREE_PUBLIC_URL=https://")
                .doesNotContain("localhost:8080", "Exception");
        assertThat(users.findByUsername(username)).isEmpty();
    }

    private static String token(Run run) {
        Matcher link = Pattern.compile("invitation\\?jeton=([A-Za-z0-9_-]+)").matcher(run.output());
        assertThat(link.find()).as(run.output()).isTrue();
        return link.group(1);
    }
}
