package fr.rentree.security;

import java.time.Clock;
import java.util.Arrays;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import fr.rentree.security.domain.Role;
import fr.rentree.security.service.BackOfficeUserService;
import fr.rentree.security.service.EndedSessions;
import fr.rentree.security.service.OidcSettings;
import fr.rentree.security.service.OidcUsers;
import fr.rentree.security.ui.LoginView;
import fr.rentree.security.ui.RememberedUsername;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Form login on the Vaadin login view, and, when an académie's provider is configured, OpenID Connect login next to it
 * (the same page, its button); every view states who may open it.
 */
@Configuration
@EnableWebSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    /**
     * What a page may load and run: only what Rentrée serves itself. Vaadin needs inline and evaluated scripts (its
     * bootstrap page starts the client engine with an inline script, which then runs the server's {@code executeJs}
     * by building functions) and inline styles (its components', and bpmn-js's diagram); the charts' and diagrams'
     * scripts come from Rentrée's own {@code /webjars}; images may be {@code data:} addresses (the second factor's QR
     * code). No plugin, no other site's form target or base address, and no page of another site may frame Rentrée's.
     * PDFs are downloaded as attachments, never embedded.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /** Features every browser knows (an unknown one is an error in Chromium's console, which the browser tests read). */
    private static final String PERMISSIONS_POLICY = String.join(", ", "camera=()", "microphone=()",
            "geolocation=()", "payment=()", "usb=()");

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, BackOfficeUserService users, OidcSettings oidc,
            OidcUsers oidcUsers, Environment environment, Clock clock) throws Exception {
        // the actuator's other endpoints for a signed-in user only: a session whose second factor is still awaited
        // (PendingSignIn) is authenticated in Spring's sense, but no user yet
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health/**").permitAll()
                .requestMatchers("/actuator/**").hasAnyRole(Arrays.stream(Role.values()).map(Role::name)
                        .toArray(String[]::new)));
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                // a link to another site carries no address along (the one-time links' tokens are in theirs)
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                // no screen uses a device or a payment: no page, nor anything it embeds, may ask for one
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)));
        // a sign-in posted from another site is refused before the form is read (login CSRF)
        http.addFilterBefore(new SameOriginSignIn(), UsernamePasswordAuthenticationFilter.class);
        // the login page, shown again after a refusal, fills in the username tried
        http.addFilterBefore(new RememberedUsername(), UsernamePasswordAuthenticationFilter.class);
        // a user disabled (or given other schools) by an administrator is signed out at their next request
        http.addFilterBefore(new EndedSessions(users), SecurityContextHolderFilter.class);
        // a session left alone (polls are no activity), or signed in too long ago, ends at its next request
        http.addFilterBefore(new SessionLifetime(environment, clock), SecurityContextHolderFilter.class);
        // signed out on purpose: the session's cookie goes too, so the sign-in page does not take it for one lost
        http.logout(logout -> logout.deleteCookies("JSESSIONID"));
        if (oidc.enabled()) {
            // Vaadin's configurer sets up one login, the form; the provider's comes back to the same page (?error)
            http.oauth2Login(login -> login.loginPage("/login")
                    .clientRegistrationRepository(new AcademieRegistration(oidc))
                    // the provider's tokens serve the sign-in only: kept in the session, gone with it
                    .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUsers))
                    .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                        @Override
                        public <F extends OAuth2AuthorizationRequestRedirectFilter> F postProcess(F filter) {
                            filter.setAuthenticationFailureHandler(providerUnreachable());
                            return filter;
                        }
                    }));
        }
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }

    /**
     * The provider could not be reached to start a sign-in (down, or its discovery document unreadable): the login page
     * says so in French, where Spring Security would answer 500, and the log tells the operator why.
     */
    private static AuthenticationFailureHandler providerUnreachable() {
        SimpleUrlAuthenticationFailureHandler loginPage = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, failure) -> {
            LOG.warn("The académie's OpenID Connect provider could not be reached", failure.getCause());
            loginPage.onAuthenticationFailure(request, response,
                    new OAuth2AuthenticationException(new OAuth2Error("provider_unreachable"), failure));
        };
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
