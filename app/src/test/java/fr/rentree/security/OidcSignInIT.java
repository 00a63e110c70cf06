package fr.rentree.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.nimbusds.jwt.SignedJWT;
import fr.rentree.directory.domain.AccountQuery;
import fr.rentree.directory.domain.StateFilter;
import fr.rentree.directory.service.DirectoryService;
import fr.rentree.directory.service.StatisticsService;
import fr.rentree.security.domain.Role;
import fr.rentree.security.service.CurrentUser;
import fr.rentree.security.service.OidcSettings;
import fr.rentree.security.service.OidcSignInRefused;
import fr.rentree.security.service.OidcUsers;
import fr.rentree.security.service.SignedInUser;
import fr.rentree.support.Academie;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The principal a sign-in through the académie's provider makes, from tokens the real provider of the tests issues
 * (its user info endpoint is called too): the services check it as they check a form sign-in's. A director reads their
 * school's accounts and not another's; district staff read counts, never accounts; the claims that give no role, no
 * school to a director, or a disabled user's name are refused.
 */
@RentreeIntegrationTest
class OidcSignInIT {

    @Autowired
    MockOAuth2Server academie;
    @Autowired
    OidcSettings settings;
    @Autowired
    OidcUsers oidcUsers;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    DirectoryService directory;
    @Autowired
    StatisticsService statistics;
    @Autowired
    Fixtures fixtures;
    @TempDir
    Path folder;

    @Test
    void a_director_from_the_academie_reads_their_school_and_is_refused_another() {
        Fixtures.SchoolAndDirector mine = fixtures.schoolWithAccounts("Collège Condorcet", folder);
        String other = fixtures.schoolWithDirector("Collège Voltaire").school().uai();
        String uai = mine.school().uai();
        OidcUser director = signIn("directeur.condorcet", Map.of("rentree_role", "DIRECTOR",
                "rentree_schools", List.of(uai.toLowerCase())));

        assertThat(director).isInstanceOf(SignedInUser.class);
        SignedInUser user = (SignedInUser) director;
        assertThat(user.role()).isEqualTo(Role.DIRECTOR);
        assertThat(user.schoolUais()).containsExactly(uai);
        assertThat(user.displayName()).isEqualTo("Compte académique directeur.condorcet");
        assertThat(director.getName()).isEqualTo("directeur.condorcet");
        assertThat(director.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_DIRECTOR");

        assertThat(as(director, () -> currentUser.requireDirectorOf(uai).getUsername()))
                .isEqualTo("directeur.condorcet");
        assertThat(as(director, () -> directory.count(AccountQuery.all(uai, StateFilter.IN_USE)))).isEqualTo(11);
        assertThatThrownBy(() -> as(director, () -> directory.count(AccountQuery.all(other, StateFilter.IN_USE))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(director, () -> statistics.ofSchool(other)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void district_staff_from_the_academie_read_counts_and_never_accounts() {
        String uai = fixtures.schoolWithAccounts("École Jules-Ferry", folder).school().uai();
        OidcUser officer = signIn("conseillere.ferry", Map.of("rentree_role", "DISTRICT_STAFF",
                "rentree_schools", uai + ",0000000X"));

        assertThat(((SignedInUser) officer).role()).isEqualTo(Role.DISTRICT_STAFF);
        assertThat(as(officer, () -> statistics.ofSchool(uai))).isNotEmpty();
        assertThatThrownBy(() -> as(officer,
                () -> directory.accounts(AccountQuery.all(uai, StateFilter.IN_USE), 0, 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(officer, () -> directory.count(AccountQuery.all(uai, StateFilter.IN_USE))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void claims_rentree_cannot_place_are_refused() {
        Fixtures.SchoolAndDirector school = fixtures.schoolWithDirector("Collège Refus");
        String uai = school.school().uai();
        assertRefused(() -> signIn("sans.role", Map.of("rentree_schools", uai)), OidcSignInRefused.Reason.NO_ROLE);
        assertRefused(() -> signIn("role.inconnu", Map.of("rentree_role", "RECTEUR", "rentree_schools", uai)),
                OidcSignInRefused.Reason.NO_ROLE);
        assertRefused(() -> signIn("deux.roles", Map.of("rentree_role", List.of("DIRECTOR", "DISTRICT_STAFF"),
                "rentree_schools", uai)), OidcSignInRefused.Reason.NO_ROLE);
        assertRefused(() -> signIn("directeur.sans.ecole", Map.of("rentree_role", "DIRECTOR")),
                OidcSignInRefused.Reason.NO_SCHOOL);

        // the school's director exists in Rentrée: the provider's word signs them in, under the username Rentrée
        // spells, until an admin disables them
        assertThat(signIn(school.director().toUpperCase(Locale.ROOT), Map.of("rentree_role", "DIRECTOR",
                "rentree_schools", uai)).getName()).isEqualTo(school.director());
        fixtures.disable(school.director());
        assertRefused(() -> signIn(school.director(), Map.of("rentree_role", "DIRECTOR", "rentree_schools", uai)),
                OidcSignInRefused.Reason.DISABLED);
    }

    private static void assertRefused(Runnable signIn, OidcSignInRefused.Reason reason) {
        assertThatThrownBy(signIn::run).isInstanceOfSatisfying(OidcSignInRefused.class,
                refused -> assertThat(refused.reason()).isEqualTo(reason));
    }

    /**
     * What Spring Security's OpenID Connect login hands the user service once the provider answered: tokens the real
     * provider issued for these claims (the access token then opens its user info endpoint).
     */
    private OidcUser signIn(String username, Map<String, Object> claims) {
        try {
            SignedJWT token = academie.issueToken(Academie.ISSUER, Academie.CLIENT_ID,
                    Academie.callback(username, claims));
            Map<String, Object> tokenClaims = token.getJWTClaimsSet().toJSONObject();
            Instant issued = token.getJWTClaimsSet().getIssueTime().toInstant();
            Instant expires = token.getJWTClaimsSet().getExpirationTime().toInstant();
            ClientRegistration registration = new AcademieRegistration(settings)
                    .findByRegistrationId(OidcSettings.REGISTRATION_ID);
            OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
                    token.serialize(), issued, expires, Set.copyOf(settings.scopes()));
            return oidcUsers.loadUser(new OidcUserRequest(registration, accessToken,
                    new OidcIdToken(token.serialize(), issued, expires, tokenClaims)));
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a service call as the provider's user, signed in as Spring Security's OIDC login leaves them. */
    private static <T> T as(OidcUser user, Supplier<T> call) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new OAuth2AuthenticationToken(user, user.getAuthorities(),
                OidcSettings.REGISTRATION_ID));
        SecurityContextHolder.setContext(context);
        try {
            return call.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
