package fr.rentree.school.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/**
 * A school, identified by its UAI (the national establishment number).
 *
 * @param contactEmail where the school's notices go (the director's office), if known
 */
public record School(@Id String uai, String name, @Nullable String contactEmail) {
}
