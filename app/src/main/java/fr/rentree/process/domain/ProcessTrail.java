package fr.rentree.process.domain;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a process instance has been and where it stands, to draw on its diagram.
 *
 * @param bpmnXml the model of the version the instance runs (or ran)
 * @param visits  the steps it went through and the ones it stands at, in the order they started
 * @param current the steps it stands at now, including a step whose job waits for its turn (empty once ended)
 */
public record ProcessTrail(String bpmnXml, List<StepVisit> visits, List<CurrentStep> current) {

    public ProcessTrail {
        visits = List.copyOf(visits);
        current = List.copyOf(current);
    }

    /** The ids of the steps done at least once. */
    public Set<String> done() {
        return visits.stream().filter(StepVisit::done).map(StepVisit::id).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The ids of the steps the process was stopped at (left unfinished) and not done at another visit: a stopped
     * campaign must not look as if it had run to its end.
     */
    public Set<String> interrupted() {
        Set<String> done = done();
        return visits.stream().filter(StepVisit::interrupted).map(StepVisit::id).filter(id -> !done.contains(id))
                .collect(Collectors.toUnmodifiableSet());
    }

    public Set<String> currentIds() {
        return current.stream().map(CurrentStep::id).collect(Collectors.toUnmodifiableSet());
    }
}
