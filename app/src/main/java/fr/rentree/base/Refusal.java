package fr.rentree.base;

import org.jspecify.annotations.Nullable;

/**
 * An action a service refused for a reason the user should read (a task done already, a campaign ended...), with
 * the key of that reason's sentence in the bundle. Screens show it instead of "une erreur inattendue".
 */
public abstract class Refusal extends RuntimeException {

    protected Refusal(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /** The bundle key of the sentence that tells the user why. */
    public abstract String messageKey();
}
