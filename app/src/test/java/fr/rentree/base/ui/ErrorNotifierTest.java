package fr.rentree.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rentree.base.Refusal;
import org.junit.jupiter.api.Test;

/** A refusal a service gave reaches the user in its own words, however deep the framework wrapped it. */
class ErrorNotifierTest {

    @Test
    void a_refusal_is_found_inside_the_wrappers_and_anything_else_is_unexpected() {
        Refusal done = new Refusal("task 42 was completed", null) {
            @Override
            public String messageKey() {
                return "process.error.ALREADY_DONE";
            }
        };

        assertThat(ErrorNotifier.refusal(new IllegalStateException("listener failed",
                new RuntimeException("invocation", done)))).isSameAs(done);
        assertThat(ErrorNotifier.refusal(done)).isSameAs(done);
        assertThat(ErrorNotifier.refusal(new IllegalStateException("a bug"))).isNull();
        assertThat(ErrorNotifier.refusal(null)).isNull();
    }
}
