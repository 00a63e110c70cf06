package fr.rentree.security.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.rentree.security.domain.Role;
import org.junit.jupiter.api.Test;

/** The claims of the académie's provider as Rentrée reads them, whatever shape the provider gives them. */
class OidcClaimsTest {

    private static final OidcSettings DEFAULTS = new OidcSettings("https://guichet.ac-test.fr", "rentree", null, null,
            List.of("openid", "profile"), "preferred_username", "rentree_role", "rentree_schools");

    @Test
    void schools_come_as_a_list_or_as_one_string_of_codes_and_are_upper_cased() {
        assertThat(read(Map.of("rentree_schools", List.of("0940001x", "0940002Y"))).schoolUais())
                .containsExactly("0940001X", "0940002Y");
        assertThat(read(Map.of("rentree_schools", " 0940001X, 0940002Y 0940003z,")).schoolUais())
                .containsExactly("0940001X", "0940002Y", "0940003Z");
        assertThat(read(Map.of()).schoolUais()).isEmpty();
    }

    @Test
    void the_role_is_one_name_of_role_case_aside_or_none() {
        assertThat(read(Map.of("rentree_role", "district_staff")).role()).isEqualTo(Role.DISTRICT_STAFF);
        assertThat(read(Map.of("rentree_role", List.of("DIRECTOR"))).role()).isEqualTo(Role.DIRECTOR);
        assertThat(read(Map.of("rentree_role", List.of("DIRECTOR", "DISTRICT_STAFF"))).role()).isNull();
        assertThat(read(Map.of("rentree_role", "RECTEUR")).role()).isNull();
        assertThat(read(Map.of("rentree_role", 3)).role()).isNull();
        assertThat(read(Map.of()).role()).isNull();
    }

    @Test
    void the_name_shown_is_the_persons_else_the_username() {
        assertThat(read(Map.of("preferred_username", "c.dubois", "name", "Claire Dubois")).displayName())
                .isEqualTo("Claire Dubois");
        assertThat(read(Map.of("preferred_username", "c.dubois", "given_name", "Claire", "family_name", "Dubois"))
                .displayName()).isEqualTo("Claire Dubois");
        assertThat(read(Map.of("preferred_username", "c.dubois")).displayName()).isEqualTo("c.dubois");
        assertThat(read(Map.of("preferred_username", "c.dubois")).username()).isEqualTo("c.dubois");
    }

    @Test
    void the_claim_names_are_the_configurations() {
        OidcSettings settings = new OidcSettings("https://guichet.ac-test.fr", "rentree", null, null, List.of("openid"),
                "uid", "fonction", "uai");
        OidcClaims claims = OidcClaims.read(Map.of("uid", "k.benali", "fonction", "DIRECTOR", "uai", "0940001X",
                "preferred_username", "autre", "rentree_role", "DISTRICT_STAFF"), settings);
        assertThat(claims).isEqualTo(new OidcClaims("k.benali", Role.DIRECTOR, Set.of("0940001X"),
                "k.benali"));
    }

    @Test
    void an_issuer_without_client_stops_the_start_and_no_issuer_is_off() {
        assertThatThrownBy(() -> new OidcSettings("https://guichet.ac-test.fr", null, null, null, List.of("openid"),
                "preferred_username", "rentree_role", "rentree_schools"))
                .hasMessageContaining("rentree.security.oidc.client-id");
        assertThat(new OidcSettings(null, null, null, null, List.of("openid"), "preferred_username", "rentree_role",
                "rentree_schools").enabled()).isFalse();
        // docker-compose.yml passes the variables on empty when an operator sets none
        assertThat(new OidcSettings("", "", "", null, List.of("openid"), "preferred_username", "rentree_role",
                "rentree_schools").enabled()).isFalse();
    }

    private static OidcClaims read(Map<String, Object> claims) {
        return OidcClaims.read(claims, DEFAULTS);
    }
}
