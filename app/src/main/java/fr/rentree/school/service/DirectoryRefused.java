package fr.rentree.school.service;

import java.util.List;

import fr.rentree.base.Refusal;

/** A file that is no export of the national directory: nothing is read from it. */
public class DirectoryRefused extends Refusal {

    private final String messageKey;
    private final List<String> arguments;

    DirectoryRefused(String messageKey, String... arguments) {
        super("Directory export refused: " + messageKey, null);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    @Override
    public String messageKey() {
        return messageKey;
    }

    public List<String> arguments() {
        return arguments;
    }
}
