package fr.rentree.administration.service;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The administrators' settings ({@code rentree.administration.*}).
 *
 * @param invitationValidity how long an invitation's link works
 */
@ConfigurationProperties("rentree.administration")
public record AdministrationSettings(@DefaultValue("P2D") Duration invitationValidity) {
}
