package fr.rentree.security.service;

import java.util.Set;
import java.util.stream.Collectors;

import fr.rentree.security.domain.BackOfficeUser;
import fr.rentree.security.domain.BackOfficeUserRepository;
import fr.rentree.security.domain.Role;
import fr.rentree.security.domain.SchoolScope;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Back-office users, stored in MariaDB with hashed passwords. */
@Service
@Transactional(readOnly = true)
public class BackOfficeUserService implements UserDetailsService {

    private final BackOfficeUserRepository users;
    private final PasswordEncoder passwordEncoder;

    BackOfficeUserService(BackOfficeUserRepository users, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        BackOfficeUser user = users.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException(username));
        return new SignedInUser(user.username(), user.passwordHash(), user.enabled(), user.displayName(),
                user.role(), user.schools().stream().map(SchoolScope::schoolUai).collect(Collectors.toSet()));
    }

    /** Creates a user unless that username exists; the password is stored hashed. */
    @Transactional
    public void createIfAbsent(String username, String password, String displayName, Role role,
            Set<String> schoolUais) {
        if (users.findByUsername(username).isEmpty()) {
            users.save(new BackOfficeUser(null, username, passwordEncoder.encode(password), displayName, role, true,
                    schoolUais.stream().map(SchoolScope::new).collect(Collectors.toSet())));
        }
    }
}
