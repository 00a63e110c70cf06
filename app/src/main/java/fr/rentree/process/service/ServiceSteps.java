package fr.rentree.process.service;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import fr.rentree.security.service.SystemPrincipal;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The service steps the features contribute, found by name from the BPMN models:
 * {@code operaton:delegateExpression="${serviceSteps.named('confirm-selection')}"}. Public because the engine's
 * expression language calls it by reflection.
 */
@Component("serviceSteps")
public class ServiceSteps {

    private final Map<String, ServiceStep> steps = new TreeMap<>();

    ServiceSteps(List<ServiceStep> contributed) {
        for (ServiceStep step : contributed) {
            ServiceStep previous = steps.put(step.name(), step);
            if (previous != null) {
                throw new IllegalStateException("Two service steps are named " + step.name() + ": "
                        + previous.getClass().getName() + " and " + step.getClass().getName());
            }
        }
    }

    /** The engine's delegate for one step: the step's variables in, its result variables out. */
    public JavaDelegate named(String name) {
        ServiceStep step = step(name);
        return execution -> execution.setVariables(run(step, execution));
    }

    /**
     * As {@link #named}, for a step inside a multi-instance: its result variables stay in its own instance's scope,
     * where the instances that run beside it do not see nor overwrite them.
     */
    public JavaDelegate local(String name) {
        ServiceStep step = step(name);
        return execution -> execution.setVariablesLocal(run(step, execution));
    }

    /**
     * A step is Rentrée's own work, whoever's thread runs it (the job executor's, or a test's that executes the job):
     * it runs as the system principal, which the services' checks let through.
     */
    private Map<String, Object> run(ServiceStep step, DelegateExecution execution) {
        StepContext context = new StepContext(execution.getProcessInstanceId(), execution.getProcessBusinessKey(),
                execution.getVariables());
        return SystemPrincipal.run(() -> step.run(context));
    }

    private ServiceStep step(String name) {
        ServiceStep step = steps.get(name);
        if (step == null) {
            throw new IllegalStateException("No service step is named " + name + "; known: " + steps.keySet());
        }
        return step;
    }

    /** The names of every contributed step, to check the models against. */
    public Set<String> names() {
        return Set.copyOf(steps.keySet());
    }
}
