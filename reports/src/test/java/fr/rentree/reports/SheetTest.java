package fr.rentree.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SheetTest {

    @Test
    void a_sheet_written_to_a_log_shows_everything_but_the_activation_code() {
        Sheet sheet = new Sheet(Pile.ALL, "Collège Jean-Jaurès", "https://ent.exemple.fr", "Zoé MARTIN", "Élève",
                "6e A", null, "zoe.martin", "K7M2XQ9P", "https://rentree.exemple.fr/activation?login=zoe.martin",
                false);

        assertThat(sheet.toString())
                .doesNotContain("K7M2XQ9P")
                .contains("activationCode=********", "login=zoe.martin", "Zoé MARTIN", "Collège Jean-Jaurès");
    }

    @Test
    void an_activated_account_has_no_code_to_hide() {
        Sheet sheet = new Sheet(Pile.ALL, "Collège Jean-Jaurès", "https://ent.exemple.fr", "Zoé MARTIN", "Élève",
                null, null, "zoe.martin", null, "https://rentree.exemple.fr/mot-de-passe?login=zoe.martin", true);

        assertThat(sheet.toString()).contains("activationCode=null", "reminder=true");
    }
}
