package fr.rentree.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.bpmn.instance.FlowNode;
import org.operaton.bpm.model.bpmn.instance.Gateway;
import org.operaton.bpm.model.bpmn.instance.Process;
import org.operaton.bpm.model.bpmn.instance.SequenceFlow;
import org.operaton.bpm.model.bpmn.instance.ServiceTask;
import org.operaton.bpm.model.bpmn.instance.UserTask;
import org.operaton.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.operaton.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.operaton.bpm.model.bpmn.instance.di.Waypoint;
import org.operaton.bpm.model.bpmn.instance.operaton.OperatonFailedJobRetryTimeCycle;

/**
 * The rules every model of this module follows, to run on the embedded engine and read well on a wall. (That each
 * one deploys on the real engine is checked by the application's ProcessModelsIT.)
 */
class ProcessModelTest {

    static List<String> models() throws IOException, URISyntaxException {
        Path folder = Path.of(ProcessModelTest.class.getResource("/bpmn").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".bpmn")).sorted()
                    .toList();
        }
    }

    private static BpmnModelInstance load(String name) throws IOException {
        try (InputStream in = ProcessModelTest.class.getResourceAsStream("/bpmn/" + name)) {
            BpmnModelInstance model = Bpmn.readModelFromStream(in);
            Bpmn.validateModel(model);
            return model;
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void every_step_is_named_and_drawn(String name) throws IOException {
        BpmnModelInstance model = load(name);
        assertThat(model.getModelElementsByType(Process.class)).allSatisfy(process -> {
            assertThat(process.isExecutable()).as("%s is executable", process.getId()).isTrue();
            assertThat(process.getName()).as("name of %s", process.getId()).isNotBlank();
        });
        assertThat(model.getModelElementsByType(FlowNode.class)).isNotEmpty().allSatisfy(node -> {
            assertThat(node.getName()).as("name of %s", node.getId()).isNotBlank();
            assertThat(model.getModelElementsByType(BpmnShape.class))
                    .as("diagram shape of %s", node.getId())
                    .anyMatch(shape -> shape.getBpmnElement() != null
                            && node.getId().equals(shape.getBpmnElement().getId()));
        });
        assertThat(model.getModelElementsByType(SequenceFlow.class)).allSatisfy(flow ->
                assertThat(model.getModelElementsByType(BpmnEdge.class)).as("diagram edge of %s", flow.getId())
                        .anyMatch(edge -> edge.getBpmnElement() != null
                                && flow.getId().equals(edge.getBpmnElement().getId())));
    }

    @ParameterizedTest
    @MethodSource("models")
    void every_user_task_has_a_candidate_group_and_a_form(String name) throws IOException {
        assertThat(load(name).getModelElementsByType(UserTask.class)).allSatisfy(task -> {
            assertThat(task.getOperatonCandidateGroups()).as("candidate group of %s", task.getId())
                    .matches("(school|district):\\$\\{\\w+}");
            assertThat(task.getOperatonFormKey()).as("form key of %s", task.getId()).matches("[a-z-]+");
        });
    }

    @ParameterizedTest
    @MethodSource("models")
    void every_service_step_is_asynchronous_with_retries_and_found_by_name(String name) throws IOException {
        assertThat(load(name).getModelElementsByType(ServiceTask.class)).allSatisfy(task -> {
            assertThat(task.isOperatonAsyncBefore()).as("%s is asyncBefore", task.getId()).isTrue();
            assertThat(task.getOperatonDelegateExpression()).as("step of %s", task.getId())
                    .matches("\\$\\{serviceSteps\\.(named|local)\\('[a-z-]+'\\)}");
            OperatonFailedJobRetryTimeCycle retries = task.getExtensionElements() == null ? null
                    : task.getExtensionElements().getElementsQuery()
                    .filterByType(OperatonFailedJobRetryTimeCycle.class).list().stream().findFirst().orElse(null);
            assertThat(retries).as("retry cycle of %s", task.getId()).isNotNull();
            assertThat(retries.getTextContent()).isEqualTo("${processSettings.retryCycle()}");
        });
    }

    @ParameterizedTest
    @MethodSource("models")
    void every_gateway_and_each_of_its_ways_out_is_labelled(String name) throws IOException {
        assertThat(load(name).getModelElementsByType(Gateway.class)).allSatisfy(gateway -> {
            assertThat(gateway.getName()).as("question of %s", gateway.getId()).isNotBlank();
            if (gateway.getOutgoing().size() > 1) {
                assertThat(gateway.getOutgoing()).allSatisfy(flow ->
                        assertThat(flow.getName()).as("answer on %s", flow.getId()).isNotBlank());
            }
        });
    }

    @ParameterizedTest
    @MethodSource("models")
    void no_two_flows_cross_on_the_diagram(String name) throws IOException {
        List<BpmnEdge> edges = List.copyOf(load(name).getModelElementsByType(BpmnEdge.class));
        List<String> crossings = new ArrayList<>();
        for (int i = 0; i < edges.size(); i++) {
            for (int j = i + 1; j < edges.size(); j++) {
                if (cross(List.copyOf(edges.get(i).getWaypoints()), List.copyOf(edges.get(j).getWaypoints()))) {
                    crossings.add(edges.get(i).getBpmnElement().getId() + " × " + edges.get(j).getBpmnElement().getId());
                }
            }
        }
        assertThat(crossings).as("flows crossing on the diagram of " + name).isEmpty();
    }

    /** Whether two polylines cross: a segment of one strictly crosses a segment of the other. */
    private static boolean cross(List<Waypoint> a, List<Waypoint> b) {
        for (int i = 1; i < a.size(); i++) {
            for (int j = 1; j < b.size(); j++) {
                if (strictlyCross(a.get(i - 1), a.get(i), b.get(j - 1), b.get(j))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean strictlyCross(Waypoint p1, Waypoint p2, Waypoint q1, Waypoint q2) {
        double d1 = side(q1, q2, p1);
        double d2 = side(q1, q2, p2);
        double d3 = side(p1, p2, q1);
        double d4 = side(p1, p2, q2);
        return d1 * d2 < 0 && d3 * d4 < 0;
    }

    private static double side(Waypoint from, Waypoint to, Waypoint point) {
        return (to.getX() - from.getX()) * (point.getY() - from.getY())
                - (to.getY() - from.getY()) * (point.getX() - from.getX());
    }
}
