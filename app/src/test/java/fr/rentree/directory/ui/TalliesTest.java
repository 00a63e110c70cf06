package fr.rentree.directory.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class TalliesTest {

    @Test
    void a_total_is_written_as_the_counts_of_the_grid_beside_it() {
        String inGrid = new MessageFormat("{0} / {1}", Locale.FRENCH).format(new Object[] {1140, 1298});
        assertThat(inGrid).endsWith(Tallies.count(Locale.FRENCH, 1298)).doesNotContain("1298");
        assertThat(Tallies.count(Locale.ENGLISH, 1298)).isEqualTo("1,298");
    }
}
