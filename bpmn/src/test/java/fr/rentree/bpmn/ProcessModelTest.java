package fr.rentree.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Collection;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import org.junit.jupiter.api.Test;

/** The rules a model must follow to deploy on Zeebe and read well on a wall. */
class ProcessModelTest {

    private static BpmnModelInstance load(String name) throws Exception {
        try (InputStream in = ProcessModelTest.class.getResourceAsStream("/bpmn/" + name)) {
            assertThat(in).as(name).isNotNull();
            BpmnModelInstance model = Bpmn.readModelFromStream(in);
            Bpmn.validateModel(model);
            return model;
        }
    }

    @Test
    void school_campaign_is_a_readable_diagram_with_job_based_user_tasks() throws Exception {
        BpmnModelInstance model = load("school-campaign.bpmn");

        Collection<FlowNode> nodes = model.getModelElementsByType(FlowNode.class);
        assertThat(nodes).isNotEmpty().allSatisfy(node -> {
            assertThat(node.getName()).as("name of %s", node.getId()).isNotBlank();
            assertThat(shapeOf(model, node.getId())).as("diagram shape of %s", node.getId()).isTrue();
        });
        assertThat(model.getModelElementsByType(UserTask.class)).isNotEmpty().allSatisfy(task -> {
            // job-based (io.camunda.zeebe:userTask) so that engine 8.6 and 8.8 clusters both serve the inbox
            assertThat(task.getSingleExtensionElement(ZeebeUserTask.class)).as(task.getId()).isNull();
            assertThat(task.getSingleExtensionElement(ZeebeFormDefinition.class).getFormKey()).isNotBlank();
        });
    }

    private static boolean shapeOf(BpmnModelInstance model, String id) {
        return model.getModelElementsByType(BpmnShape.class).stream()
                .anyMatch(shape -> shape.getBpmnElement() != null && id.equals(shape.getBpmnElement().getId()));
    }
}
