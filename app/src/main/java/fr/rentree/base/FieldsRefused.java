package fr.rentree.base;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A form that cannot be saved, nothing written (a school's settings, a back-office user, a new school): {@link
 * #problems()} gives, by field, the bundle key of what is wrong, for the form to show on each field.
 */
public class FieldsRefused extends Refusal {

    private final Map<String, String> problems;

    /** @param what what was refused, for the log */
    public FieldsRefused(String what, Map<String, String> problems) {
        super(what + " refused: " + problems, null);
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
