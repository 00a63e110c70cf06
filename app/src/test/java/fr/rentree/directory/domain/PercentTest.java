package fr.rentree.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Activation rates read as a person would round them: 6 of 9 is 67 %, not 66 %. */
class PercentTest {

    @ParameterizedTest
    @CsvSource({"6, 9, 67", "1, 3, 33", "2, 3, 67", "1, 2, 50", "1, 200, 1", "0, 7, 0", "7, 7, 100", "0, 0, 0",
            "199, 200, 100", "994, 1000, 99"})
    void rounds_half_up(long part, long whole, int percent) {
        assertThat(Percent.of(part, whole)).isEqualTo(percent);
    }

    @ParameterizedTest
    @CsvSource({"6, 3, 67", "1, 2, 33"})
    void every_tally_and_group_rounds_the_same_way(long activated, long notActivated, int percent) {
        ActivationTally tally = new ActivationTally(Profile.PARENT, activated, notActivated);
        assertThat(tally.percent()).isEqualTo(percent);
        assertThat(new GroupTally("0930001A", "École", List.of(tally)).percent()).isEqualTo(percent);
    }
}
