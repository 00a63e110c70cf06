package fr.rentree.security.domain;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import fr.rentree.base.EmailAddress;
import org.jspecify.annotations.Nullable;

/**
 * What an administrator fills in for a back-office user. Spaces around the values are dropped, so that what is
 * checked is exactly what is stored; the username is kept in lower case, as people type it at sign-in.
 *
 * @param district   for district staff: the district whose schools they follow (imported later ones too)
 * @param schoolUais the schools a director runs, or that district staff follow besides their district
 */
public record UserDraft(String username, String displayName, String email, Role role, @Nullable String district,
                        Set<String> schoolUais) {

    /** The lengths of the columns of {@code back_office_user} (V1, V14). */
    public static final int USERNAME_MAX = 100;
    public static final int NAME_MAX = 200;
    /** Letters, digits and . _ - : what an académie's usernames (prenom.nom) are made of, nothing to confuse. */
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    public UserDraft {
        username = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        displayName = displayName == null ? "" : displayName.strip();
        email = email == null ? "" : email.strip();
        district = district == null || district.isBlank() ? null : district.strip();
        schoolUais = role == Role.ADMIN ? Set.of() : Set.copyOf(schoolUais);
        district = role == Role.DISTRICT_STAFF ? district : null;
    }

    /**
     * What is wrong, by component ({@code username}, {@code displayName}, {@code email}, {@code schools}, in the
     * form's order), as the bundle key of the sentence that says so; empty when the user can be saved.
     */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        usernameProblem(username).ifPresent(key -> problems.put("username", key));
        if (displayName.isEmpty() || displayName.length() > NAME_MAX) {
            problems.put("displayName", "users.error.name");
        }
        if (!EmailAddress.isValid(email)) {
            problems.put("email", "users.error.email");
        }
        if (role == Role.DIRECTOR && schoolUais.isEmpty()) {
            problems.put("schools", "users.error.director-school");
        } else if (role == Role.DISTRICT_STAFF && district == null && schoolUais.isEmpty()) {
            problems.put("schools", "users.error.district");
        }
        return problems;
    }

    public static Optional<String> usernameProblem(@Nullable String username) {
        String value = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return value.length() <= USERNAME_MAX && USERNAME.matcher(value).matches() ? Optional.empty()
                : Optional.of("users.error.username");
    }
}
