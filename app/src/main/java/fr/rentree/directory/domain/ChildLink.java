package fr.rentree.directory.domain;

import org.jspecify.annotations.Nullable;

/**
 * A parent's link to one of their children.
 *
 * @param childSourceId the child's identifier in the export ({@code E:<ELEVE_ID>})
 * @param legalLevel    1 legal guardian, 2 person in charge, 3 contact only
 * @param relationship  SIECLE's CODE_PARENTE (10 mother, 20 father, ...), if given
 */
public record ChildLink(String childSourceId, int legalLevel, @Nullable String relationship) {
}
