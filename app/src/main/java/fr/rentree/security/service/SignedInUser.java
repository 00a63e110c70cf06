package fr.rentree.security.service;

import java.util.List;
import java.util.Set;

import fr.rentree.security.domain.Role;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The principal of a signed-in back-office user: who they are and which schools they act for. */
public class SignedInUser extends User {

    private final String displayName;
    private final Role role;
    private final Set<String> schoolUais;
    private final int sessionEpoch;

    SignedInUser(String username, String passwordHash, boolean enabled, String displayName, Role role,
            Set<String> schoolUais, int sessionEpoch) {
        super(username, passwordHash, enabled, true, true, true,
                List.of(new SimpleGrantedAuthority("ROLE_" + role.name())));
        this.displayName = displayName;
        this.role = role;
        this.schoolUais = Set.copyOf(schoolUais);
        this.sessionEpoch = sessionEpoch;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    public Set<String> schoolUais() {
        return schoolUais;
    }

    /** The user's session epoch when they signed in: a session of an older epoch has been ended. */
    int sessionEpoch() {
        return sessionEpoch;
    }

    // equality stays User's: by username, which is what sessions need
    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
