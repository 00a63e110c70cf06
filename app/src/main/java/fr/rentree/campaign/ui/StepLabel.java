package fr.rentree.campaign.ui;

import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.Component;
import fr.rentree.process.domain.CurrentStep;

/** A step of the campaign's process in the user's language: {@code step.<id>} in the bundle, else its BPMN name. */
final class StepLabel {

    private StepLabel() {
    }

    static String of(Component screen, String id, String bpmnName) {
        String key = "step." + id;
        return has(screen, key) ? screen.getTranslation(key) : bpmnName;
    }

    /** A step the process stands at; a timer says when it falls due ({@code step.<id>.due}) where the bundle can. */
    static String of(Component screen, CurrentStep step, DateTimeFormatter dates) {
        String due = "step." + step.id() + ".due";
        return step.dueAt().filter(at -> has(screen, due)).map(at -> screen.getTranslation(due, dates.format(at)))
                .orElseGet(() -> of(screen, step.id(), step.name()));
    }

    /** Whether the bundle has this key (the provider answers {@code !key!} when it has not). */
    static boolean has(Component screen, String key) {
        return !screen.getTranslation(key).equals("!" + key + "!");
    }
}
