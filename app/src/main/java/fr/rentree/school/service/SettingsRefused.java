package fr.rentree.school.service;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import fr.rentree.base.Refusal;

/**
 * School settings that cannot be saved, nothing written: {@link #problems()} gives, by field ({@code name},
 * {@code contactEmail}, {@code entUrl}), the bundle key of what is wrong, for the form to show on each field.
 */
public class SettingsRefused extends Refusal {

    private final Map<String, String> problems;

    SettingsRefused(String uai, Map<String, String> problems) {
        super("Settings of school " + uai + " refused: " + problems, null);
        this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems)); // in the form's order
    }

    public Map<String, String> problems() {
        return problems;
    }

    /** The first field's problem, in the form's order: what a screen that shows no field says. */
    @Override
    public String messageKey() {
        return problems.values().iterator().next();
    }
}
