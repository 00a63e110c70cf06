package fr.rentree.security;

import fr.rentree.security.service.OidcSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * The académie's provider as Spring Security's OAuth2 client sees it, read from its discovery document at the first
 * sign-in through it rather than at start: a provider down while Rentrée starts leaves the password form working, and
 * the next click on the button tries again. Once read, it is kept (the provider's keys are fetched, and refreshed, by
 * the ID token's decoder).
 */
final class AcademieRegistration implements ClientRegistrationRepository {

    private final OidcSettings settings;
    private volatile @Nullable ClientRegistration registration;

    AcademieRegistration(OidcSettings settings) {
        this.settings = settings;
    }

    @Override
    public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
        if (!OidcSettings.REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration;
        if (known == null) {
            // two first clicks at once read the document twice: harmless
            known = ClientRegistrations.fromIssuerLocation(settings.issuerUri())
                    .registrationId(OidcSettings.REGISTRATION_ID)
                    .clientId(settings.clientId())
                    .clientSecret(settings.clientSecret())
                    .scope(settings.scopes())
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .build();
            registration = known;
        }
        return known;
    }
}
