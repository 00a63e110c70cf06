package fr.rentree.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Logins as docs/siecle-format.md wants them: prenom.nom, ASCII-folded, lower case, compound names kept whole. */
class LoginTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Zoé            | MARTIN--DUPONT       | zoe.martin-dupont
            Jean Baptiste  | D'ALMEIDA            | jean-baptiste.dalmeida
            Anne-Sophie    | BŒUF                 | anne-sophie.boeuf
            Œnone          | LE GOFF              | oenone.le-goff
            Maël           | DE LA FONTAINE       | mael.de-la-fontaine
            Łukasz         | Müller               | lukasz.muller
            Ibrahima       | N'DIAYE              | ibrahima.ndiaye
            '  Noël  '     | ' SAINT--EXUPÉRY '   | noel.saint-exupery
            ---            | ÆSOPE                | x.aesope
            """)
    void a_login_is_the_folded_first_and_last_name(String firstName, String lastName, String login) {
        assertThat(Login.base(firstName, lastName)).isEqualTo(login);
    }

    @ParameterizedTest
    @CsvSource({"0, jean.martin", "1, jean.martin1", "12, jean.martin12"})
    void a_collision_adds_a_counter(int counter, String login) {
        assertThat(Login.numbered("jean.martin", counter)).isEqualTo(login);
    }

    @ParameterizedTest
    @CsvSource({"Marie-Christine-Éléonore-Bérénice-Anne-Charlotte-Joséphine, DUPONT"})
    void a_very_long_name_is_cut_without_a_trailing_hyphen(String firstName, String lastName) {
        String base = Login.base(firstName, lastName);
        assertThat(base).startsWith("marie-christine").endsWith(".dupont");
        assertThat(base.split("\\.")[0]).hasSizeLessThanOrEqualTo(45).doesNotEndWith("-");
    }
}
