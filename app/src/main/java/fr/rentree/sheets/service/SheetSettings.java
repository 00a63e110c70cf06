package fr.rentree.sheets.service;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the QR codes of the sheets lead ({@code rentree.sheets.*}): the public pages of Rentrée, which the login
 * is appended to.
 *
 * @param activationPage the page where a holder activates an account with the code
 * @param passwordPage   the page where a holder asks for a new password
 */
@ConfigurationProperties("rentree.sheets")
public record SheetSettings(@DefaultValue("http://localhost:8080/activation") URI activationPage,
                            @DefaultValue("http://localhost:8080/mot-de-passe") URI passwordPage) {
}
