package fr.rentree.school.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/**
 * A school, identified by its UAI (the national establishment number).
 *
 * @param district     the district (circonscription, DSDEN) whose staff follow the school
 * @param contactEmail where the school's notices go (the director's office), if known
 * @param entUrl       the address of the school's ENT, printed on the sheets
 */
public record School(@Id String uai, String name, SchoolKind kind, @Nullable String district,
                     @Nullable String contactEmail, @Nullable String entUrl) {

    public School {
        if (!Uai.isValid(uai)) {
            throw new IllegalArgumentException("not a UAI: " + uai);
        }
    }
}
