package fr.rentree.process.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The steps the features contribute are found by name, and a model naming a missing one says which exist. */
class ServiceStepsTest {

    private static final ServiceStep CONFIRM = ServiceStep.of("confirm-selection", context -> { });
    private static final ServiceStep COUNT = ServiceStep.of("check-progress", context -> { });

    @Test
    void a_step_is_found_by_its_name() {
        ServiceSteps steps = new ServiceSteps(List.of(CONFIRM, COUNT));

        assertThat(steps.names()).containsExactlyInAnyOrder("confirm-selection", "check-progress");
        assertThat(steps.named("check-progress")).isNotNull();
    }

    @Test
    void an_unknown_name_is_refused_with_the_names_known() {
        ServiceSteps steps = new ServiceSteps(List.of(CONFIRM, COUNT));

        assertThatThrownBy(() -> steps.named("send-mails"))
                .hasMessageContaining("No service step is named send-mails")
                .hasMessageContaining("check-progress").hasMessageContaining("confirm-selection");
    }

    @Test
    void two_steps_of_one_name_are_refused_at_start_up() {
        assertThatThrownBy(() -> new ServiceSteps(List.of(CONFIRM, ServiceStep.of("confirm-selection", c -> { }))))
                .hasMessageContaining("Two service steps are named confirm-selection");
    }
}
