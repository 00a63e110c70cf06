package fr.rentree.mailing.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import fr.rentree.base.i18n.Messages;
import fr.rentree.directory.domain.ActivationCode;
import fr.rentree.directory.domain.Pile;
import fr.rentree.directory.domain.Profile;
import fr.rentree.directory.domain.Recipient;
import fr.rentree.school.domain.School;
import fr.rentree.school.domain.SchoolKind;
import org.junit.jupiter.api.Test;

/** Issue 22, E20: an e-mail names the family as it writes its name, not with SIECLE's "--". */
class AccountMailsTest {

    @Test
    void a_double_family_name_is_written_with_one_hyphen() {
        Recipient anne = new Recipient(1, new Pile(Pile.Kind.ALL, null), Profile.PARENT, "Anne", "DUFOUR--ROBIN",
                "anne.dufour-robin", "anne@exemple.fr", null,
                List.of(new Recipient.Child("Léa", "DUFOUR--ROBIN", "6A")), new ActivationCode("ABCDEFGH"));
        School school = new School("0940086H", "Collège Pasteur", SchoolKind.COLLEGE, null, null, null);

        OutgoingMail mail = new AccountMails(Messages.standalone()).compose(anne, "anne@exemple.fr", school,
                "https://ent.exemple.fr", "https://rentree.exemple.fr/activation?identifiant=anne.dufour-robin", false,
                "<1@rentree>");

        assertThat(mail.text()).contains("Bonjour Anne DUFOUR-ROBIN", "Léa DUFOUR-ROBIN")
                .doesNotContain("DUFOUR--ROBIN");
        assertThat(mail.html()).contains("Anne DUFOUR-ROBIN").doesNotContain("DUFOUR--ROBIN");
    }
}
