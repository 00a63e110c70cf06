package fr.rentree.administration.service;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The administrators' settings ({@code rentree.administration.*}).
 *
 * @param invitationPage     the page an invited user opens to choose a password; the link adds the token to it
 * @param invitationValidity how long an invitation's link works
 */
@ConfigurationProperties("rentree.administration")
public record AdministrationSettings(@DefaultValue("http://localhost:8080/invitation") URI invitationPage,
                                     @DefaultValue("P2D") Duration invitationValidity) {
}
