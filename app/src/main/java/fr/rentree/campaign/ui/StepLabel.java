package fr.rentree.campaign.ui;

import com.vaadin.flow.component.Component;

/** A step of the campaign's process in the user's language: {@code step.<id>} in the bundle, else its BPMN name. */
final class StepLabel {

    private StepLabel() {
    }

    static String of(Component screen, String id, String bpmnName) {
        String key = "step." + id;
        String label = screen.getTranslation(key);
        return label.equals("!" + key + "!") ? bpmnName : label;
    }
}
