package fr.rentree.school.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/**
 * A school, identified by its UAI (the national establishment number).
 *
 * @param district     the district (circonscription, DSDEN) whose staff follow the school
 * @param commune      where the school is, as the national directory names it (tells apart schools of one name)
 * @param contactEmail where the school's notices go (the director's office), if known
 * @param entUrl       the address of the school's ENT, printed on the sheets
 */
public record School(@Id String uai, String name, SchoolKind kind, @Nullable String district,
                     @Nullable String commune, @Nullable String contactEmail, @Nullable String entUrl) {

    public School {
        if (!Uai.isValid(uai)) {
            throw new IllegalArgumentException("not a UAI: " + uai);
        }
    }

    /** A school whose commune nobody gave (demo data, tests, schools created before the national directory). */
    public School(String uai, String name, SchoolKind kind, @Nullable String district, @Nullable String contactEmail,
                  @Nullable String entUrl) {
        this(uai, name, kind, district, null, contactEmail, entUrl);
    }

    /** What the school's directors edit in "Paramètres de l'établissement". */
    public SchoolSettings settings() {
        return new SchoolSettings(name, contactEmail, entUrl);
    }

    /**
     * Whether accounts may be created by hand in this school (seed 004): its name and contact e-mail are filled in,
     * since the new holder's e-mails carry both. When not, the director fills them in "Paramètres de
     * l'établissement" (bundle key {@code account.new.unavailable} says so).
     */
    public boolean readyForManualAccounts() {
        return !name.isBlank() && contactEmail != null && !contactEmail.isBlank();
    }
}
