package fr.rentree.sheets.service;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import fr.rentree.base.PublicAddress;
import fr.rentree.directory.domain.Recipient;
import fr.rentree.school.domain.School;
import org.springframework.stereotype.Component;

/** The addresses a sheet or an e-mail gives an account holder, on Rentrée's public address. */
@Component
public class HolderPages {

    private final PublicAddress address;

    HolderPages(PublicAddress address) {
        this.address = address;
    }

    /** The public page the holder opens, login filled in, never the code: activation, or lost password once activated. */
    public String page(Recipient recipient) {
        URI page = recipient.activated() ? passwordPage() : activationPage();
        return page + "?identifiant=" + URLEncoder.encode(recipient.login(), StandardCharsets.UTF_8);
    }

    /** The page where a holder activates an account with the code. */
    public URI activationPage() {
        return address.page("activation");
    }

    /** The page where a holder asks for a new password. */
    public URI passwordPage() {
        return address.page("mot-de-passe");
    }

    /** The school's ENT; the activation page when the school gave none. */
    public String ent(School school) {
        return school.entUrl() == null ? activationPage().toString() : school.entUrl();
    }
}
