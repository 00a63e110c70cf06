package fr.rentree.security.service;

import java.util.Optional;

import fr.rentree.security.domain.BackOfficeUser;
import fr.rentree.security.domain.BackOfficeUserRepository;
import fr.rentree.security.domain.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;

/**
 * Turns a user the académie's provider vouched for into Rentrée's principal, from the claims the configuration names:
 * username, role, schools. The provider is trusted for who they are and what they do; Rentrée still refuses a disabled
 * back-office user of that username, a claim with no role it knows, and a director of no school.
 */
@Service
@EnableConfigurationProperties(OidcSettings.class)
public class OidcUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Logger LOG = LoggerFactory.getLogger(OidcUsers.class);

    /** Spring's own: fetches the user info and checks that it is about the ID token's subject. */
    private final OidcUserService provider = new OidcUserService();
    private final BackOfficeUserRepository users;
    private final OidcSettings settings;
    private final SignInGuard guard;

    OidcUsers(BackOfficeUserRepository users, OidcSettings settings, SignInGuard guard) {
        this.users = users;
        this.settings = settings;
        this.guard = guard;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser vouched = provider.loadUser(request);
        OidcClaims claims = OidcClaims.read(vouched.getClaims(), settings);
        if (claims.username() == null) {
            throw refused(vouched.getSubject(), OidcSignInRefused.Reason.NO_USERNAME);
        }
        String username = claims.username();
        Role role = claims.role();
        if (role == null) {
            throw refused(username, OidcSignInRefused.Reason.NO_ROLE);
        }
        if (role == Role.DIRECTOR && claims.schoolUais().isEmpty()) {
            throw refused(username, OidcSignInRefused.Reason.NO_SCHOOL);
        }
        Optional<BackOfficeUser> known = users.findByUsername(username);
        if (known.filter(user -> !user.enabled()).isPresent()) {
            throw refused(username, OidcSignInRefused.Reason.DISABLED);
        }
        // a user Rentrée knows keeps the spelling of their username (usernames compare without case): one name in the
        // journal and the sessions, whichever way they came in
        return new OidcSignedInUser(known.map(BackOfficeUser::username).orElse(username), claims.displayName(), role,
                claims.schoolUais(), known.map(BackOfficeUser::sessionEpoch).orElse(0), vouched.getIdToken(),
                vouched.getUserInfo());
    }

    /** Records the sign-in with the form's ({@code sign_in_attempt}); the journal hears the same event. */
    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof OidcSignedInUser user) {
            guard.succeeded(user.getUsername(), SignInGuard.addressOf(event.getAuthentication()));
        }
    }

    private static OidcSignInRefused refused(String who, OidcSignInRefused.Reason reason) {
        // not a guess at a password: nothing is counted against the username or the address; an operator may have to
        // tell the académie which of its accounts Rentrée turns away, and why
        LOG.info("Académie sign-in of {} refused: {}", who, reason);
        return new OidcSignInRefused(reason);
    }
}
