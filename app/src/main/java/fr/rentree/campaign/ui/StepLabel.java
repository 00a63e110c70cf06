package fr.rentree.campaign.ui;

import com.vaadin.flow.component.Component;

/** A step of the campaign's process in the user's language: {@code step.<id>} in the bundle, else its BPMN name. */
final class StepLabel {

    private StepLabel() {
    }

    static String of(Component screen, String id, String bpmnName) {
        String key = "step." + id;
        return has(screen, key) ? screen.getTranslation(key) : bpmnName;
    }

    /** Whether the bundle has this key (the provider answers {@code !key!} when it has not). */
    static boolean has(Component screen, String key) {
        return !screen.getTranslation(key).equals("!" + key + "!");
    }
}
