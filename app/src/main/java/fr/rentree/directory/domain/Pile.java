package fr.rentree.directory.domain;

import org.jspecify.annotations.Nullable;

/**
 * The recipients handed out together.
 *
 * @param kind    what groups them
 * @param name    the class code (CLASS) or the profile name (PROFILE); null otherwise
 */
public record Pile(Kind kind, @Nullable String name) {

    public enum Kind {
        /** Everybody, in one pile (alphabetical order). */
        ALL,
        CLASS,
        /** Pupils and parents without a class this year. */
        WITHOUT_CLASS,
        PROFILE
    }
}
