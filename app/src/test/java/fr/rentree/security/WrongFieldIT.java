package fr.rentree.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import fr.rentree.activation.service.AccountActivation;
import fr.rentree.security.domain.Role;
import fr.rentree.security.service.BackOfficeUserService;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * A code or a password typed in the login field by mistake is a secret all the same: the guards' journals and counts
 * keep what is shaped like a login (or an e-mail address) as typed, and only a keyed hash of anything else, still
 * counted as one key.
 */
@RentreeIntegrationTest
class WrongFieldIT {

    @Autowired
    AuthenticationProvider signIn;
    @Autowired
    AccountActivation activation;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BackOfficeUserService users;

    @Test
    void a_password_typed_as_the_username_is_neither_journaled_nor_counted_in_clear() {
        String typed = "Cartable-Vert-" + System.nanoTime() % 100_000 + "!";
        String address = "192.0.2.81";

        for (int i = 0; i < 2; i++) {
            UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(typed,
                    "mauvais");
            attempt.setDetails(new WebAuthenticationDetails(address, null));
            assertThatThrownBy(() -> signIn.authenticate(attempt)).isInstanceOf(BadCredentialsException.class);
        }

        String secret = "%" + typed.substring("Cartable-Vert-".length(), typed.length() - 1) + "%";
        assertThat(count("select count(*) from sign_in_attempt where username like ?", secret)).isZero();
        assertThat(count("select count(*) from sign_in_guard where guard_key like ?", secret)).isZero();
        List<String> recorded = jdbc.sql("select username from sign_in_attempt where address = ? order by id")
                .param(address).query(String.class).list();
        assertThat(recorded).hasSize(2).allMatch(name -> name.matches("#[0-9a-f]{24}"));
        assertThat(recorded.get(0)).as("the same words, the same key: still counted together")
                .isEqualTo(recorded.get(1));
        assertThat(count("select failures from sign_in_guard where kind = 'USERNAME' and guard_key = ?",
                recorded.get(0))).isEqualTo(2);
    }

    @Test
    void a_username_that_a_user_has_is_kept_as_typed_whatever_its_shape() {
        String plain = "jdupont" + System.nanoTime() % 100_000; // no dot: not a login's shape, but a user's name
        users.createIfAbsent(plain, "mot-de-passe-de-test", "J. Dupont", Role.DIRECTOR, Set.of());
        String accented = "zoé.lefèvre" + System.nanoTime() % 100_000;
        for (String username : List.of(plain, accented)) {
            UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username,
                    "mauvais");
            attempt.setDetails(new WebAuthenticationDetails("192.0.2.83", null));
            assertThatThrownBy(() -> signIn.authenticate(attempt)).isInstanceOf(BadCredentialsException.class);
        }

        assertThat(count("select count(*) from sign_in_attempt where username = ?", plain)).isEqualTo(1);
        assertThat(count("select count(*) from sign_in_attempt where username = ?", accented))
                .as("a login's shape, in any alphabet").isEqualTo(1);
    }

    @Test
    void an_activation_code_typed_as_the_login_is_neither_journaled_nor_counted_in_clear_a_login_is() {
        String code = "K7PM-" + (1000 + System.nanoTime() % 9000);
        activation.check(code, "ABCD2345", "192.0.2.82");
        activation.check("Zoe.Inconnue", "ABCD2345", "192.0.2.82");

        assertThat(count("select count(*) from holder_attempt where login like ?", "%" + code.substring(5) + "%"))
                .isZero();
        assertThat(count("select count(*) from holder_guard where guard_key like ?", "%" + code.substring(5) + "%"))
                .isZero();
        assertThat(jdbc.sql("select login from holder_attempt where address = '192.0.2.82' order by id")
                .query(String.class).list()).satisfiesExactly(
                        first -> assertThat(first).matches("#[0-9a-f]{24}"),
                        second -> assertThat(second).isEqualTo("Zoe.Inconnue"));
    }

    private int count(String sql, String parameter) {
        return jdbc.sql(sql).param(parameter).query(Integer.class).optional().orElse(0);
    }
}
