package fr.rentree.administration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.rentree.administration.service.InvitationLinks;
import fr.rentree.administration.service.Invitations;
import fr.rentree.audit.domain.AuditAction;
import fr.rentree.audit.domain.AuditQuery;
import fr.rentree.audit.service.AuditLog;
import fr.rentree.base.FieldsRefused;
import fr.rentree.devservices.DevMailbox;
import fr.rentree.devservices.SentMail;
import fr.rentree.devservices.SentMails;
import fr.rentree.security.domain.BackOfficeUser;
import fr.rentree.security.domain.Role;
import fr.rentree.security.domain.UserDraft;
import fr.rentree.security.service.BackOfficeUserService;
import fr.rentree.security.service.BackOfficeUsers;
import fr.rentree.security.service.CurrentUser;
import fr.rentree.security.service.SignedInUser;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Back-office users managed by an administrator, against MariaDB and the real SMTP server (GreenMail): the
 * invitation's one-time link, its end, a server that is down, disabling, and everyone else refused.
 */
@RentreeIntegrationTest
class BackOfficeUsersIT {

    private static final String PASSWORD = "Rentrée-des-classes-2026!";

    @Autowired
    BackOfficeUsers users;
    @Autowired
    BackOfficeUserService signIn;
    @Autowired
    Invitations invitations;
    @Autowired
    InvitationLinks links;
    @Autowired
    DevMailbox mailbox;
    @Autowired
    SentMails sentMails;
    @Autowired
    JavaMailSenderImpl smtp;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    AuditLog journal;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Fixtures fixtures;

    String admin;
    Fixtures.SchoolAndDirector school;
    String address;

    @BeforeEach
    void anAdministratorAndASchool() {
        admin = fixtures.admin();
        school = fixtures.schoolWithDirector("Collège Rosa-Parks");
        address = "claire." + System.nanoTime() + "@ac-creteil.fr"; // hers alone in the test mailbox
    }

    @Test
    void a_new_director_is_invited_chooses_a_password_once_and_signs_in_to_their_school() {
        BackOfficeUser claire = fixtures.as(admin, () -> users.create(draft("claire." + System.nanoTime())));
        assertThat(claire.passwordHash()).isNull();
        // no password yet: nothing typed matches (after the same hashing as a wrong password)
        assertThat(passwords.matches(PASSWORD, signIn.loadUserByUsername(claire.username()).getPassword())).isFalse();

        Instant until = fixtures.as(admin, () -> invitations.send(claire.id(), Locale.FRENCH));
        assertThat(until).isBetween(Instant.now().plus(Duration.ofHours(47)), Instant.now().plus(Duration.ofHours(49)));
        SentMail mail = await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(address), m -> m.size() == 1)
                .getFirst();
        assertThat(mail.subject()).isEqualTo("Votre accès à Rentrée");
        assertThat(mail.body()).contains("Bonjour Claire Dubois,", "identifiant " + claire.username(),
                "Directeur ou directrice");
        assertThat(mail.schoolUai()).isNull(); // an administrator reads it in "Courriels envoyés", no director does
        assertThat(fixtures.as(admin, () -> sentMails.mine())).contains(mail);
        assertThat(fixtures.as(school.director(), () -> sentMails.mine())).doesNotContain(mail);

        String token = token(mail);
        assertThat(links.invited(token)).hasValueSatisfying(invited -> assertThat(invited.username())
                .isEqualTo(claire.username()));
        assertThat(links.measure(links.invited(token).orElseThrow(), "claire.dubois1").accepted()).isFalse();
        assertThat(links.accept(token, PASSWORD)).isTrue();
        assertThat(links.accept(token, "Un-autre-mot-de-passe-2026!")).isFalse(); // used up: a second tab
        assertThat(links.invited(token)).isEmpty();

        SignedInUser signedIn = (SignedInUser) signIn.loadUserByUsername(claire.username());
        assertThat(signedIn.isEnabled()).isTrue();
        assertThat(passwords.matches(PASSWORD, signedIn.getPassword())).isTrue();
        assertThat(signedIn.role()).isEqualTo(Role.DIRECTOR);
        assertThat(signedIn.schoolUais()).containsExactly(school.school().uai());

        var lines = fixtures.as(admin, () -> journal.events(new AuditQuery(null, Set.of(AuditAction.CREATE_USER,
                AuditAction.INVITE), claire.username(), null, null), 0, 10));
        assertThat(lines).extracting(line -> line.action()).containsExactly(AuditAction.INVITE,
                AuditAction.CREATE_USER);
        assertThat(lines).allSatisfy(line -> assertThat(line.actor()).isEqualTo(admin));
    }

    @Test
    void a_newer_invitation_voids_the_older_and_a_link_past_its_time_opens_nothing() {
        BackOfficeUser claire = fixtures.as(admin, () -> users.create(draft("claire." + System.nanoTime())));
        URI first = fixtures.as(admin, () -> links.link(claire));
        URI second = fixtures.as(admin, () -> links.link(claire));
        assertThat(links.invited(tokenOf(first))).isEmpty();
        assertThat(links.invited(tokenOf(second))).isPresent();

        jdbc.sql("update invitation set expires_at = ? where back_office_user = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), claire.id()).update();
        assertThat(links.invited(tokenOf(second))).isEmpty();
        assertThat(links.accept(tokenOf(second), PASSWORD)).isFalse();
        assertThat(passwords.matches(PASSWORD, signIn.loadUserByUsername(claire.username()).getPassword())).isFalse();
    }

    @Test
    void a_password_chosen_through_an_invitation_ends_the_sessions_the_user_has_open() {
        // "Renvoyer l'invitation" is offered to active users too: whoever holds the link sets a new password
        SignedInUser before = (SignedInUser) signIn.loadUserByUsername(school.director());
        assertThat(signIn.stillSignedIn(before)).isTrue();
        BackOfficeUser director = fixtures.as(admin, () -> users.findByUsername(school.director())).orElseThrow();

        URI link = fixtures.as(admin, () -> links.link(director));
        assertThat(links.accept(tokenOf(link), "Un-nouveau-mot-de-passe-2026!")).isTrue();

        assertThat(signIn.stillSignedIn(before)).as("the session opened with the old password").isFalse();
        assertThat(signIn.stillSignedIn((SignedInUser) signIn.loadUserByUsername(school.director()))).isTrue();
    }

    @Test
    void when_the_mail_server_is_down_the_administrator_is_told_the_user_stays_and_no_link_is_kept() throws IOException {
        BackOfficeUser claire = fixtures.as(admin, () -> users.create(draft("claire." + System.nanoTime())));
        int port = smtp.getPort();
        try (ServerSocket closed = new ServerSocket(0)) {
            smtp.setPort(closed.getLocalPort()); // a port nobody answers on once closed below
        }
        try {
            assertThatThrownBy(() -> fixtures.as(admin, () -> invitations.send(claire.id(), Locale.FRENCH)))
                    .isInstanceOfSatisfying(Invitations.InvitationRefused.class, refused -> assertThat(
                            refused.messageKey()).isEqualTo("users.invite.mail-down"));
        } finally {
            smtp.setPort(port);
        }
        assertThat(jdbc.sql("select count(*) from invitation where back_office_user = ?").param(claire.id())
                .query(Integer.class).single()).isZero();
        assertThat(fixtures.as(admin, () -> users.find(claire.id()))).isPresent();

        fixtures.as(admin, () -> invitations.send(claire.id(), Locale.FRENCH)); // sent again once it answers
        await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(address), m -> m.size() == 1);
    }

    @Test
    void wrong_fields_and_a_taken_username_are_refused_by_field_and_nothing_is_written() {
        assertThatThrownBy(() -> fixtures.as(admin, () -> users.create(new UserDraft("Claire Dubois", "",
                "claire@", Role.DIRECTOR, null, Set.of()))))
                .isInstanceOfSatisfying(FieldsRefused.class, refused -> assertThat(refused.problems()).containsExactly(
                        entry("username", "users.error.username"), entry("displayName", "users.error.name"),
                        entry("email", "users.error.email"), entry("schools", "users.error.director-school")));
        assertThatThrownBy(() -> fixtures.as(admin, () -> users.create(draft(school.director()))))
                .isInstanceOfSatisfying(FieldsRefused.class, refused -> assertThat(refused.problems())
                        .containsOnly(entry("username", "users.error.username-taken")));
        assertThatThrownBy(() -> fixtures.as(admin, () -> users.create(new UserDraft("suivi." + System.nanoTime(),
                "Inès Suivi", "ines@ac-creteil.fr", Role.DISTRICT_STAFF, " ", Set.of()))))
                .isInstanceOfSatisfying(FieldsRefused.class, refused -> assertThat(refused.problems())
                        .containsOnly(entry("schools", "users.error.district")));
    }

    @Test
    void disabling_a_user_or_changing_their_schools_ends_the_sessions_they_have_open() {
        SignedInUser before = (SignedInUser) signIn.loadUserByUsername(school.director());
        assertThat(signIn.stillSignedIn(before)).isTrue();
        BackOfficeUser director = fixtures.as(admin, () -> users.findByUsername(school.director())).orElseThrow();

        String other = fixtures.schoolWithDirector("École Jean-Jaurès").school().uai();
        fixtures.as(admin, () -> users.update(director.id(), new UserDraft(director.username(), director.displayName(),
                "directeur@ac-creteil.fr", Role.DIRECTOR, null, Set.of(school.school().uai(), other))));
        assertThat(signIn.stillSignedIn(before)).isFalse(); // signs in again, and gets both schools
        SignedInUser again = (SignedInUser) signIn.loadUserByUsername(school.director());
        assertThat(again.schoolUais()).containsExactlyInAnyOrder(school.school().uai(), other);

        fixtures.as(admin, () -> users.update(director.id(), new UserDraft(director.username(), "Karim Benali",
                "directeur@ac-creteil.fr", Role.DIRECTOR, null, Set.of(school.school().uai(), other))));
        assertThat(signIn.stillSignedIn(again)).isTrue(); // a new name changes nothing they may reach

        fixtures.as(admin, () -> users.setEnabled(director.id(), false));
        assertThat(signIn.stillSignedIn(again)).isFalse();
        assertThat(signIn.loadUserByUsername(school.director()).isEnabled()).isFalse();
        assertThatThrownBy(() -> fixtures.as(admin, () -> users.setEnabled(
                users.findByUsername(admin).orElseThrow().id(), false)))
                .isInstanceOfSatisfying(FieldsRefused.class, refused -> assertThat(refused.messageKey())
                        .isEqualTo("users.error.disable-self"));
        fixtures.as(admin, () -> users.setEnabled(director.id(), true));
        assertThat(signIn.loadUserByUsername(school.director()).isEnabled()).isTrue();
    }

    @Test
    void directors_and_district_staff_are_refused_every_administration() {
        String officer = fixtures.districtOfficer(Set.of(school.school().uai()));
        BackOfficeUser director = fixtures.as(admin, () -> users.findByUsername(school.director())).orElseThrow();

        for (String wrongUser : List.of(school.director(), officer)) {
            assertThatThrownBy(() -> fixtures.as(wrongUser, () -> users.all())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> fixtures.as(wrongUser, () -> users.create(draft("intrus." + System.nanoTime()))))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> fixtures.as(wrongUser, () -> users.update(director.id(),
                    new UserDraft(director.username(), "Pris", "x@ac-creteil.fr", Role.ADMIN, null, Set.of()))))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> fixtures.as(wrongUser, () -> users.setEnabled(director.id(), false)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> fixtures.as(wrongUser, () -> invitations.send(director.id(), Locale.FRENCH)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> fixtures.as(wrongUser, () -> links.link(director)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> fixtures.as(wrongUser, () -> journal.count(AuditQuery.all(null))))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(signIn.loadUserByUsername(school.director()).isEnabled()).isTrue();
    }

    private UserDraft draft(String username) {
        return new UserDraft(username, "Claire Dubois", address, Role.DIRECTOR, null, Set.of(school.school().uai()));
    }

    private List<SentMail> mailsTo(String to) {
        return mailbox.sentMails().stream().filter(mail -> mail.to().contains(to)).toList();
    }

    private static String token(SentMail mail) {
        Matcher link = Pattern.compile("invitation\\?jeton=([A-Za-z0-9_-]+)").matcher(mail.body());
        assertThat(link.find()).as(mail.body()).isTrue();
        return link.group(1);
    }

    private static String tokenOf(URI link) {
        return link.getQuery().substring("jeton=".length());
    }
}
