package fr.rentree.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WrittenNameTest {

    @Test
    void a_double_family_name_is_printed_with_one_hyphen_as_families_write_it() {
        assertThat(WrittenName.of("Léa", "DUFOUR--ROBIN")).isEqualTo("Léa DUFOUR-ROBIN");
        assertThat(WrittenName.of("Jean-Pierre", "MARTIN")).isEqualTo("Jean-Pierre MARTIN");
        assertThat(WrittenName.of("Anne--Sophie", "DE LA TOUR -- DUPIN")).isEqualTo("Anne-Sophie DE LA TOUR-DUPIN");
    }
}
