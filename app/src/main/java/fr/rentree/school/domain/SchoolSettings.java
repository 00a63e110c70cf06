package fr.rentree.school.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import fr.rentree.base.EmailAddress;
import org.jspecify.annotations.Nullable;

/**
 * What a director fills in for their school in "Paramètres de l'établissement". Spaces around the values are dropped
 * and an empty address means none, so that what is checked is exactly what is stored.
 *
 * @param name         as families read it on the sheets and in the e-mails
 * @param contactEmail where families and Rentrée write to the school; needed to create accounts by hand and to send
 *                     password links
 * @param entUrl       the school's ENT, printed on the sheets (the activation page when there is none)
 */
public record SchoolSettings(String name, @Nullable String contactEmail, @Nullable String entUrl) {

    /** The lengths of the columns of {@code school} (V1, V2). */
    public static final int NAME_MAX = 200;
    public static final int URL_MAX = 300;

    public SchoolSettings {
        name = name == null ? "" : name.strip();
        contactEmail = blankToNull(contactEmail);
        entUrl = blankToNull(entUrl);
    }

    /**
     * What is wrong, by the record component that is wrong ({@code name}, {@code contactEmail}, {@code entUrl}, in
     * the form's order), as the bundle key of the sentence that says so; empty when the settings can be saved.
     */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        nameProblem(name).ifPresent(key -> problems.put("name", key));
        contactEmailProblem(contactEmail).ifPresent(key -> problems.put("contactEmail", key));
        entUrlProblem(entUrl).ifPresent(key -> problems.put("entUrl", key));
        return problems;
    }

    /** Why a name cannot be saved, as a bundle key; a screen checks each field as it is typed with these. */
    public static Optional<String> nameProblem(@Nullable String name) {
        String value = name == null ? "" : name.strip();
        if (value.isEmpty()) {
            return Optional.of("settings.error.name-blank");
        }
        return value.length() > NAME_MAX ? Optional.of("settings.error.name-long") : Optional.empty();
    }

    /** Why a contact address cannot be saved; none is allowed (the school fills it in later). */
    public static Optional<String> contactEmailProblem(@Nullable String email) {
        String value = blankToNull(email);
        return value == null || EmailAddress.isValid(value) ? Optional.empty()
                : Optional.of("settings.error.email");
    }

    /** Why an ENT address cannot be saved: it must be a whole web address (http or https, with a host), or none. */
    public static Optional<String> entUrlProblem(@Nullable String url) {
        String value = blankToNull(url);
        if (value == null) {
            return Optional.empty();
        }
        if (value.length() > URL_MAX) {
            return Optional.of("settings.error.ent-url-long");
        }
        try {
            URI uri = new URI(value);
            boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            return web && uri.getHost() != null ? Optional.empty() : Optional.of("settings.error.ent-url");
        } catch (URISyntaxException e) {
            return Optional.of("settings.error.ent-url");
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
