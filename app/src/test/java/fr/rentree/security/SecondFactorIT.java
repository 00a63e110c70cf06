package fr.rentree.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import fr.rentree.directory.domain.AccountQuery;
import fr.rentree.directory.domain.StateFilter;
import fr.rentree.directory.service.DirectoryService;
import fr.rentree.security.domain.SecondFactorEnrolment;
import fr.rentree.security.service.BackOfficeUsers;
import fr.rentree.security.service.CurrentUser;
import fr.rentree.security.service.PendingSignIn;
import fr.rentree.security.service.SecondFactorService;
import fr.rentree.security.service.SignInRefused;
import fr.rentree.security.service.SignedInUser;
import fr.rentree.security.service.WrongSecondFactorCode;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import fr.rentree.support.SecondFactorCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The second factor against the real MariaDB, through the application's own sign-in: a right password gives a
 * half-done sign-in that no service accepts; the app's first code enrols the secret, and later codes sign in, each
 * once; wrong codes count against the sign-in guard like wrong passwords, and a throttled username is refused even
 * the right code. (The test profile throttles after 3 failures, 1 s.)
 */
@RentreeIntegrationTest
class SecondFactorIT {

    private static final String ADDRESS = "192.0.2.61"; // RFC 5737: this test's own

    @Autowired
    AuthenticationProvider signIn;
    @Autowired
    SecondFactorService secondFactor;
    @Autowired
    BackOfficeUsers users;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    DirectoryService directory;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConfigurableEnvironment environment;

    private AutoCloseable required;

    @BeforeEach
    void secondFactorRequired() {
        required = SecondFactorCodes.required(environment);
    }

    @AfterEach
    void back() throws Exception {
        required.close();
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_right_password_alone_opens_no_service_and_is_not_yet_a_sign_in() {
        Fixtures.SchoolAndDirector school = fixtures.schoolWithDirector("Collège Olympe-de-Gouges");
        String director = school.director();

        Authentication half = password(director, Fixtures.PASSWORD);
        assertThat(half).isInstanceOf(PendingSignIn.class);
        assertThat(half.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_TOTP_PENDING");
        SecurityContextHolder.getContext().setAuthentication(half);

        assertThat(currentUser.get()).as("nobody is signed in yet").isEmpty();
        assertThatThrownBy(() -> directory.count(AccountQuery.all(school.school().uai(), StateFilter.IN_USE)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(outcomes(director)).containsExactly("AWAITING_CODE");
    }

    @Test
    void the_first_code_enrols_the_secret_then_each_code_signs_in_once() {
        String director = fixtures.schoolWithDirector("Collège Simone-Veil").director();
        assertThat(password(director, Fixtures.PASSWORD)).isInstanceOf(PendingSignIn.class);
        assertThat(secondFactor.enrolled(director)).isFalse();

        SecondFactorEnrolment enrolment = secondFactor.pendingEnrolment(director);
        assertThat(enrolment.uri()).isEqualTo("otpauth://totp/Rentr%C3%A9e%3A" + director + "?secret="
                + enrolment.secret() + "&issuer=Rentr%C3%A9e");
        assertThat(enrolment.groupedSecret()).matches("([A-Z2-7]{4} )+[A-Z2-7]{1,4}");
        long now = SecondFactorCodes.currentStep();

        // a wrong first code saves nothing
        assertThatThrownBy(() -> secondFactor.enrol(director, enrolment.secret(), SecondFactorCodes.wrongCode(enrolment.secret(), now),
                ADDRESS)).isInstanceOf(WrongSecondFactorCode.class);
        assertThat(secondFactor.enrolled(director)).isFalse();

        // the code of the step before still counts (a slow user, a phone's clock behind)
        SignedInUser user = secondFactor.enrol(director, enrolment.secret(),
                SecondFactorCodes.code(enrolment.secret(), now - 1), ADDRESS);
        assertThat(user.getUsername()).isEqualTo(director);
        assertThat(secondFactor.enrolled(director)).isTrue();

        String current = SecondFactorCodes.code(enrolment.secret(), now);
        assertThat(secondFactor.verify(director, current, ADDRESS).getUsername()).isEqualTo(director);
        assertThatThrownBy(() -> secondFactor.verify(director, current, ADDRESS)).as("the same code again")
                .isInstanceOf(WrongSecondFactorCode.class);
        assertThat(secondFactor.verify(director, SecondFactorCodes.code(enrolment.secret(), now + 1), ADDRESS))
                .as("the next step's code (a phone's clock ahead)").isNotNull();
        assertThatThrownBy(() -> secondFactor.verify(director, current, ADDRESS)).as("an earlier step's code")
                .isInstanceOf(WrongSecondFactorCode.class);
        assertThatThrownBy(() -> secondFactor.verify(director, SecondFactorCodes.code(enrolment.secret(), now + 3),
                ADDRESS)).as("a code of a minute and a half ahead").isInstanceOf(WrongSecondFactorCode.class);

        assertThat(outcomes(director)).containsExactly("AWAITING_CODE", "WRONG_CODE", "SUCCESS", "SUCCESS",
                "WRONG_CODE", "SUCCESS", "WRONG_CODE", "WRONG_CODE");
    }

    @Test
    void wrong_codes_count_against_the_guard_and_a_throttled_username_is_refused_the_right_code()
            throws InterruptedException {
        String director = fixtures.schoolWithDirector("École Louise-Michel").director();
        SecondFactorEnrolment enrolment = secondFactor.pendingEnrolment(director);
        long now = SecondFactorCodes.currentStep();
        secondFactor.enrol(director, enrolment.secret(), SecondFactorCodes.code(enrolment.secret(), now - 1), ADDRESS);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> secondFactor.verify(director, SecondFactorCodes.wrongCode(enrolment.secret(), now), ADDRESS))
                    .isInstanceOf(WrongSecondFactorCode.class);
        }
        assertThat(failures(director)).isEqualTo(3);
        assertThatThrownBy(() -> secondFactor.verify(director, SecondFactorCodes.code(enrolment.secret(), now),
                ADDRESS)).as("throttled, even with the right code").isInstanceOf(SignInRefused.class);

        Thread.sleep(1_100);
        assertThat(password(director, Fixtures.PASSWORD)).isInstanceOf(PendingSignIn.class);
        assertThat(failures(director)).as("a right password alone does not clear the count").isEqualTo(3);
        secondFactor.verify(director, SecondFactorCodes.code(enrolment.secret(), now), ADDRESS);
        assertThat(failures(director)).as("the accepted code does").isZero();
        assertThat(outcomes(director)).containsExactly("SUCCESS", "WRONG_CODE", "WRONG_CODE", "WRONG_CODE",
                "THROTTLED", "AWAITING_CODE", "SUCCESS");
    }

    private int failures(String username) {
        return jdbc.sql("select coalesce(sum(failures), 0) from sign_in_guard where kind = 'USERNAME' and guard_key = ?")
                .param(username).query(Integer.class).single();
    }

    @Test
    void the_secret_being_enrolled_stays_the_same_until_enrolled_or_restarted_on_purpose() {
        String director = fixtures.schoolWithDirector("Collège Simone-Veil").director();
        SecondFactorEnrolment first = secondFactor.pendingEnrolment(director);
        assertThat(secondFactor.pendingEnrolment(director).secret()).as("a reload shows the same")
                .isEqualTo(first.secret());

        SecondFactorEnrolment restarted = secondFactor.restartEnrolment(director);
        assertThat(restarted.secret()).isNotEqualTo(first.secret());
        assertThat(secondFactor.pendingEnrolment(director).secret()).isEqualTo(restarted.secret());

        secondFactor.enrol(director, restarted.secret(),
                SecondFactorCodes.code(restarted.secret(), SecondFactorCodes.currentStep()), ADDRESS);
        assertThat(jdbc.sql("""
                        select count(*) from back_office_user where username = ? and totp_pending_secret is not null""")
                .param(director).query(Integer.class).single()).as("nothing pending once enrolled").isZero();
    }

    @Test
    void a_reset_factor_is_enrolled_anew_at_the_next_sign_in() {
        String director = fixtures.schoolWithDirector("Collège Jean-Zay").director();
        SecondFactorEnrolment enrolment = secondFactor.pendingEnrolment(director);
        secondFactor.enrol(director, enrolment.secret(),
                SecondFactorCodes.code(enrolment.secret(), SecondFactorCodes.currentStep()), ADDRESS);
        assertThat(secondFactor.enrolled(director)).isTrue();

        long id = jdbc.sql("select id from back_office_user where username = ?").param(director).query(Long.class)
                .single();
        assertThatThrownBy(() -> fixtures.as(director, () -> users.resetSecondFactor(id))) // only an administrator
                .isInstanceOf(AccessDeniedException.class);
        assertThat(secondFactor.enrolled(director)).isTrue();

        fixtures.as(fixtures.admin(), () -> users.resetSecondFactor(id));
        assertThat(secondFactor.enrolled(director)).isFalse();
        assertThat(jdbc.sql("select totp_last_step from back_office_user where username = ?").param(director)
                .query(Long.class).optional()).isEmpty();
    }

    /** The password step, as the login form sends it; null when the guard refused it unread. */
    private Authentication password(String username, String password) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username,
                password);
        attempt.setDetails(new WebAuthenticationDetails(ADDRESS, null));
        try {
            return signIn.authenticate(attempt);
        } catch (SignInRefused refused) {
            return null;
        }
    }

    private List<String> outcomes(String username) {
        return jdbc.sql("select outcome from sign_in_attempt where username = ? order by id").param(username)
                .query(String.class).list();
    }
}
