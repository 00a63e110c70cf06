package fr.rentree.sheets.service;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import fr.rentree.directory.domain.Recipient;
import fr.rentree.school.domain.School;
import org.springframework.stereotype.Component;

/** The addresses a sheet or an e-mail gives an account holder. */
@Component
public class HolderPages {

    private final SheetSettings settings;

    HolderPages(SheetSettings settings) {
        this.settings = settings;
    }

    /** The public page the holder opens, login filled in, never the code: activation, or lost password once activated. */
    public String page(Recipient recipient) {
        URI page = recipient.activated() ? settings.passwordPage() : settings.activationPage();
        return page + "?identifiant=" + URLEncoder.encode(recipient.login(), StandardCharsets.UTF_8);
    }

    /** The school's ENT; the activation page when the school gave none. */
    public String ent(School school) {
        return school.entUrl() == null ? settings.activationPage().toString() : school.entUrl();
    }
}
