package fr.rentree.siecle.domain;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Something wrong found in an export, said where it is. The text lives in the message bundles
 * ({@code siecle.<key>}), so the director reads it in their language; the first argument is always the file name,
 * the second the line when there is one.
 */
public record Finding(Severity severity, String key, String file, @Nullable Integer line, List<Object> details) {

    public Finding {
        details = List.copyOf(details);
    }

    public static Finding error(String key, String file, @Nullable Integer line, Object... details) {
        return new Finding(Severity.ERROR, key, file, line, List.of(details));
    }

    public static Finding warning(String key, String file, @Nullable Integer line, Object... details) {
        return new Finding(Severity.WARNING, key, file, line, List.of(details));
    }

    /** The bundle key of the text. */
    public String messageKey() {
        return "siecle." + key;
    }

    /** The arguments of the text: file, line (when known), then the details. */
    public Object[] arguments() {
        Object[] arguments = new Object[details.size() + 2];
        arguments[0] = file;
        arguments[1] = line == null ? "?" : line.toString(); // a line number, not a quantity: no "5 025"
        for (int i = 0; i < details.size(); i++) {
            arguments[i + 2] = details.get(i);
        }
        return arguments;
    }
}
