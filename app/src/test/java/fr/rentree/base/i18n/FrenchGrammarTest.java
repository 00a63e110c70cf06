package fr.rentree.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class FrenchGrammarTest {

    @Test
    void de_is_elided_before_a_vowel() {
        assertThat(FrenchGrammar.of("Anne")).isEqualTo("d’Anne");
        assertThat(FrenchGrammar.of("Élodie")).isEqualTo("d’Élodie");
        assertThat(FrenchGrammar.of("Noël")).isEqualTo("de Noël");
        assertThat(FrenchGrammar.of("12")).isEqualTo("de 12");
    }

    @Test
    void a_school_name_takes_the_article_of_its_kind() {
        assertThat(FrenchGrammar.withArticle("Collège Pasteur")).isEqualTo("le collège Pasteur");
        assertThat(FrenchGrammar.withArticle("École élémentaire Jean-Jaurès")).isEqualTo("l’école élémentaire Jean-Jaurès");
        assertThat(FrenchGrammar.withArticle("Ecole maternelle Les Lilas")).isEqualTo("l’ecole maternelle Les Lilas"); // spelt as written
        assertThat(FrenchGrammar.withArticle("Lycée Victor-Hugo")).isEqualTo("le lycée Victor-Hugo");
        assertThat(FrenchGrammar.withArticle("Cité scolaire Henri-IV")).isEqualTo("la cité scolaire Henri-IV");
        assertThat(FrenchGrammar.withArticle("EREA Jean-Monnet")).isEqualTo("l’EREA Jean-Monnet");
        assertThat(FrenchGrammar.withArticle("COLLEGE PASTEUR")).isEqualTo("le COLLEGE PASTEUR");
        assertThat(FrenchGrammar.withArticle("Saint-Exupéry")).isEqualTo("Saint-Exupéry");

        assertThat(FrenchGrammar.ofInstitution("Collège Pasteur")).isEqualTo("du collège Pasteur");
        assertThat(FrenchGrammar.ofInstitution("École Jean-Jaurès")).isEqualTo("de l’école Jean-Jaurès");
        assertThat(FrenchGrammar.ofInstitution("Cité scolaire Henri-IV")).isEqualTo("de la cité scolaire Henri-IV");
        assertThat(FrenchGrammar.ofInstitution("Saint-Exupéry")).isEqualTo("de Saint-Exupéry");
        assertThat(FrenchGrammar.ofInstitution("Anatole-France")).isEqualTo("d’Anatole-France");
    }

    @Test
    void a_message_reads_as_french_whatever_its_arguments() {
        Institution college = new Institution("Collège Pasteur");
        Institution ecole = new Institution("École Jean-Jaurès");

        assertThat(format("L’équipe de {0}", college)).isEqualTo("L’équipe du collège Pasteur");
        assertThat(format("L’équipe de {0}", ecole)).isEqualTo("L’équipe de l’école Jean-Jaurès");
        assertThat(format("{0} vous ouvre un compte.", college)).isEqualTo("Le collège Pasteur vous ouvre un compte.");
        assertThat(format("Campagne lancée pour {0}.", ecole)).isEqualTo("Campagne lancée pour l’école Jean-Jaurès.");
        assertThat(format("la scolarité de {0}", "Anne et Noël")).isEqualTo("la scolarité d’Anne et Noël");
        assertThat(format("plus de {0} Mo", 12)).isEqualTo("plus de 12 Mo"); // a number is left alone
        assertThat(format("{0}, ligne {1} : le sexe de {2}", "eleves.xml", 3, "Élise"))
                .isEqualTo("eleves.xml, ligne 3 : le sexe d’Élise");
        assertThat(format("{1,choice,1#un compte|1<{1} comptes} de {0}", "Anne", 2)).isEqualTo("2 comptes d’Anne");
    }

    private static String format(String pattern, Object... arguments) {
        FrenchGrammar.Sentence sentence = FrenchGrammar.rewrite(pattern, arguments);
        return new MessageFormat(sentence.pattern(), Locale.FRENCH).format(sentence.arguments());
    }
}
