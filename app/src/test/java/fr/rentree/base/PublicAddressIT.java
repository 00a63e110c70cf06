package fr.rentree.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import fr.rentree.administration.service.InvitationLinks;
import fr.rentree.directory.domain.Pile;
import fr.rentree.directory.domain.Profile;
import fr.rentree.directory.domain.Recipient;
import fr.rentree.security.service.BackOfficeUsers;
import fr.rentree.sheets.service.HolderPages;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Outside production, every public link is made on the address the server really listens on: the tests' random port,
 * or {@code --server.port}. They all said {@code http://localhost:8080} whatever the port (a dead QR code on every
 * sheet printed from a second instance).
 */
@RentreeIntegrationTest
class PublicAddressIT {

    @LocalServerPort
    int port;
    @Autowired
    PublicAddress address;
    @Autowired
    HolderPages pages;
    @Autowired
    InvitationLinks invitations;
    @Autowired
    BackOfficeUsers users;
    @Autowired
    Fixtures fixtures;

    @Test
    void without_a_public_url_the_links_follow_the_server_s_port() {
        String root = "http://localhost:" + port;
        assertThat(address.root()).isEqualTo(root);

        Recipient parent = new Recipient(1, new Pile(Pile.Kind.ALL, null), Profile.PARENT, "Hélène", "Bœuf",
                "helene.boeuf", null, null, List.of(), null);
        // an account without a code is activated already: its sheet leads to the lost-password page
        assertThat(pages.page(parent)).isEqualTo(root + "/mot-de-passe?identifiant=helene.boeuf");
        assertThat(pages.activationPage()).isEqualTo(URI.create(root + "/activation"));
        assertThat(pages.passwordPage()).isEqualTo(URI.create(root + "/mot-de-passe"));

        String admin = fixtures.admin();
        URI invitation = fixtures.as(admin, () -> invitations.link(users.findByUsername(admin).orElseThrow()));
        assertThat(invitation.toString()).startsWith(root + "/invitation?jeton=");
    }
}
