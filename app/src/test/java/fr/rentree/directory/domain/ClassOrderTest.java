package fr.rentree.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ClassOrderTest {

    @Test
    void primary_classes_go_from_petite_section_to_cm2() {
        assertThat(sorted("CM2", "CE1", "PS", "CP", "GS", "CM1", "MS", "CE2"))
                .containsExactly("PS", "MS", "GS", "CP", "CE1", "CE2", "CM1", "CM2");
    }

    @Test
    void college_and_lycee_classes_go_from_sixieme_to_terminale_whatever_their_spelling() {
        assertThat(sorted("TLE2", "3A", "2NDE1", "6EME2", "1ERE S", "5B", "4e A", "6A", "Terminale", "2DE3"))
                .containsExactly("6EME2", "6A", "5B", "4e A", "3A", "2NDE1", "2DE3", "1ERE S", "Terminale", "TLE2");
    }

    @Test
    void numbers_compare_as_numbers_and_other_classes_come_last() {
        assertThat(sorted("6e 10", "ULIS", "6e 2", "6e 1", "SEGPA 2", "CM2-B", "CM2-A"))
                .containsExactly("CM2-A", "CM2-B", "6e 1", "6e 2", "6e 10", "SEGPA 2", "ULIS");
    }

    /** "6E" is class E of the sixième, not the sixième written "6e": it was listed before "6A". */
    @Test
    void letters_after_a_level_sort_alphabetically_class_e_included() {
        assertThat(sorted("6E", "6B", "6A", "6D", "6C", "5E", "5A", "3F", "3E", "4E"))
                .containsExactly("6A", "6B", "6C", "6D", "6E", "5A", "5E", "4E", "3E", "3F");
        // the level's own written "e" still reads as such before a number or a space
        assertThat(sorted("6E2", "6E1", "6e 3", "6EME 4", "5E1")).containsExactly("6E1", "6E2", "6e 3", "6EME 4", "5E1");
    }

    @Test
    void a_number_that_only_starts_like_a_level_is_not_one() {
        assertThat(sorted("61", "6A", "CE10")).containsExactly("6A", "61", "CE10");
    }

    @Test
    void the_order_is_total_and_stable_whatever_the_order_read() {
        List<String> codes = List.of("6A", "6a", "6 A", "CE1", "CE1 ", "ULIS", "2NDE1", "2nde1", "T", "TLE");
        List<String> shuffled = new ArrayList<>(codes);
        Collections.shuffle(shuffled, new Random(7));
        List<String> once = new ArrayList<>(codes);
        once.sort(ClassOrder.INSTANCE);
        shuffled.sort(ClassOrder.INSTANCE);
        assertThat(shuffled).isEqualTo(once);
    }

    @Test
    void a_teachers_classes_read_in_one_text_come_in_school_order() {
        assertThat(ClassOrder.sorted("3A, 4B, 6A, CM2")).isEqualTo("CM2, 6A, 4B, 3A");
        assertThat(ClassOrder.sorted("6A")).isEqualTo("6A");
        assertThat(ClassOrder.sorted(null)).isNull();
    }

    private static List<String> sorted(String... codes) {
        List<String> list = new ArrayList<>(List.of(codes));
        Collections.shuffle(list, new Random(42));
        list.sort(ClassOrder.INSTANCE);
        return list;
    }
}
