package fr.rentree.process.service;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An automatic step of a process, contributed by the feature that owns the work (a Spring bean). The BPMN service
 * task names it ({@code ${serviceSteps.named('confirm-selection')}}); the engine runs it in a job, asynchronously and
 * with retries, and runs it again after a failure, so a step must be safe to run twice: what it did is recorded in
 * the feature's own rows and checked before doing it again.
 */
public interface ServiceStep {

    /** The name the BPMN models use for this step. */
    String name();

    /**
     * Does the work. Throwing makes the engine retry the step later; after the last retry an incident stays on the
     * process until a person retries it.
     *
     * @return small variables to add to the process (ids, counts, dates), or an empty map
     */
    Map<String, Object> run(StepContext context);

    /** A step that only does work and adds no variable. */
    static ServiceStep of(String name, Consumer<StepContext> work) {
        return computing(name, context -> {
            work.accept(context);
            return Map.of();
        });
    }

    /** A step whose work answers with variables for the process (a gateway's condition, a count). */
    static ServiceStep computing(String name, Function<StepContext, Map<String, Object>> work) {
        return new ServiceStep() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Map<String, Object> run(StepContext context) {
                return work.apply(context);
            }
        };
    }
}
