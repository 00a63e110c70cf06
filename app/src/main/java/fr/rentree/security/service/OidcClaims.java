package fr.rentree.security.service;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import fr.rentree.security.domain.Role;
import org.jspecify.annotations.Nullable;

/**
 * What Rentrée reads in the claims of a user the académie's provider vouches for, under the names the configuration
 * gives ({@link OidcSettings}).
 *
 * @param role       empty when the claim is missing, holds several values or a value that is no role: the provider
 *                   must say one role, Rentrée never guesses it
 * @param schoolUais upper case, as Rentrée stores them
 */
record OidcClaims(@Nullable String username, @Nullable Role role, Set<String> schoolUais, String displayName) {

    static OidcClaims read(Map<String, Object> claims, OidcSettings settings) {
        List<String> usernames = strings(claims.get(settings.usernameClaim()));
        String username = usernames.size() == 1 ? usernames.getFirst() : null;
        Set<String> schools = new LinkedHashSet<>();
        strings(claims.get(settings.schoolsClaim())).forEach(uai -> schools.add(uai.toUpperCase(Locale.ROOT)));
        return new OidcClaims(username, role(strings(claims.get(settings.roleClaim()))), schools,
                displayName(claims, username));
    }

    private static @Nullable Role role(List<String> values) {
        if (values.size() != 1) {
            return null;
        }
        String name = values.getFirst().toUpperCase(Locale.ROOT);
        return Arrays.stream(Role.values()).filter(role -> role.name().equals(name)).findFirst().orElse(null);
    }

    /** The claim's values: a JSON list, or one string whose values are apart by spaces or commas. */
    private static List<String> strings(@Nullable Object claim) {
        Stream<String> texts = claim instanceof Collection<?> values ? values.stream().map(String::valueOf)
                : claim instanceof String text ? Stream.of(text) : Stream.empty();
        return texts.flatMap(text -> Arrays.stream(text.split("[\\s,]+"))).filter(value -> !value.isEmpty()).toList();
    }

    /** The standard claims of a person's name, else the username: what the back office's header shows. */
    private static String displayName(Map<String, Object> claims, @Nullable String username) {
        if (claims.get("name") instanceof String name && !name.isBlank()) {
            return name.strip();
        }
        String given = claims.get("given_name") instanceof String text ? text.strip() : "";
        String family = claims.get("family_name") instanceof String text ? text.strip() : "";
        String name = (given + " " + family).strip();
        return !name.isEmpty() ? name : username != null ? username : "";
    }
}
