package fr.rentree.sheets.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SheetFileNameTest {

    @Test
    void the_name_says_the_school_the_selection_and_the_model() {
        assertThat(SheetFileName.of("0936219E", List.of("CE1 A"), "8 comptes par page"))
                .isEqualTo("fiches-0936219E-CE1-A-8-comptes-par-page.pdf");
        assertThat(SheetFileName.of("0936219E", List.of("6e 2", "6e 10"), "2 comptes par page (A5)"))
                .isEqualTo("fiches-0936219E-6e-2_6e-10-2-comptes-par-page-A5.pdf");
        assertThat(SheetFileName.of("0936219E", List.of("Élèves", "Parents"), "1 compte par page"))
                .isEqualTo("fiches-0936219E-Eleves_Parents-1-compte-par-page.pdf");
        assertThat(SheetFileName.of("0936219E", List.of("CP", "CE1", "CE2", "CM1"), "1 compte par page"))
                .isEqualTo("fiches-0936219E-4-classes-1-compte-par-page.pdf");
        assertThat(SheetFileName.of("0936219E", List.of(), "1 compte par page"))
                .isEqualTo("fiches-0936219E-1-compte-par-page.pdf");
    }

    @Test
    void nothing_but_letters_digits_dashes_and_underscores() {
        assertThat(SheetFileName.of("0936219E", List.of("SŒUR/../3e «B»: ?"), "1 page"))
                .isEqualTo("fiches-0936219E-SOEUR-3e-B-1-page.pdf");
    }
}
