package fr.rentree.security.service;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import fr.rentree.security.domain.BackOfficeUser;
import fr.rentree.security.domain.BackOfficeUserRepository;
import fr.rentree.security.domain.DirectorContact;
import fr.rentree.security.domain.DistrictSchools;
import fr.rentree.security.domain.Role;
import fr.rentree.security.domain.SchoolScope;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Back-office users, stored in MariaDB with hashed passwords, as sign-in finds them. (An administrator manages them
 * through {@link BackOfficeUsers}.)
 */
@Service
@Transactional(readOnly = true)
public class BackOfficeUserService implements UserDetailsService {

    private final BackOfficeUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final DistrictSchools districts;
    /**
     * What an invited user who has not chosen a password yet is compared with: the hash of 256 random bits, drawn at
     * start-up and forgotten, so that nothing typed matches, after the same hashing as a real password.
     */
    private final String noPasswordYet;

    BackOfficeUserService(BackOfficeUserRepository users, PasswordEncoder passwordEncoder, DistrictSchools districts) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.districts = districts;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.noPasswordYet = passwordEncoder.encode(Base64.getEncoder().encodeToString(secret));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        BackOfficeUser user = users.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException(username));
        Set<String> schools = user.schools().stream().map(SchoolScope::schoolUai).collect(Collectors.toSet());
        if (user.district() != null) {
            schools = new HashSet<>(schools);
            schools.addAll(districts.of(user.district()));
        }
        // an invited user who has not chosen a password yet takes the path of a wrong password (the same hashing, the
        // same answer, counted and recorded the same): the sign-in page does not tell who has a pending invitation
        return new SignedInUser(user.username(), Optional.ofNullable(user.passwordHash()).orElse(noPasswordYet),
                user.enabled(), user.displayName(), user.role(), schools, user.sessionEpoch());
    }

    /**
     * Whether this session's user may go on: still enabled, and not signed out since by an administrator (disabled,
     * schools changed). Asked at every request.
     */
    public boolean stillSignedIn(SignedInUser user) {
        Optional<Integer> epoch = users.sessionEpochOfEnabled(user.getUsername());
        if (epoch.isEmpty() && user instanceof OidcSignedInUser) {
            // vouched for by the académie's provider, and no user of that name in Rentrée: nothing here ends the
            // session but such a user, disabled (the provider decides at the next sign-in)
            return !users.existsByUsername(user.getUsername());
        }
        return epoch.filter(value -> value == user.sessionEpoch()).isPresent();
    }

    /** Creates a user unless that username exists; the password is stored hashed (demo data and tests). */
    @Transactional
    public void createIfAbsent(String username, String password, String displayName, Role role,
            Set<String> schoolUais) {
        if (users.findByUsername(username).isEmpty()) {
            users.save(new BackOfficeUser(null, username, passwordEncoder.encode(password), displayName, role, true,
                    null, null, 0, scopes(schoolUais)));
        }
    }

    /**
     * Sets the password an invited user chose, and ends every session the user has open (a new password is a new
     * sign-in for everyone). The caller has checked the invitation: this service cannot tell who holds the link, so it
     * never runs on a screen's word alone.
     */
    @Transactional
    public void setPassword(long id, String password) {
        if (users.setPassword(id, passwordEncoder.encode(password)) != 1) {
            throw new IllegalArgumentException("No user " + id);
        }
    }

    /** How many enabled directors these schools have together: whom a district campaign's launch notifies. */
    public int directorCount(Collection<String> schoolUais) {
        return schoolUais.isEmpty() ? 0 : users.countEnabledDirectors(schoolUais);
    }

    /** The school's enabled directors who have an address: whom a district campaign writes to. */
    public List<DirectorContact> directorsOf(String schoolUai) {
        return users.enabledDirectorsWithAddress(schoolUai).stream().map(user -> new DirectorContact(user.username(),
                user.displayName(), Objects.requireNonNull(user.email()))).toList();
    }

    static Set<SchoolScope> scopes(Set<String> schoolUais) {
        return schoolUais.stream().map(SchoolScope::new).collect(Collectors.toSet());
    }
}
