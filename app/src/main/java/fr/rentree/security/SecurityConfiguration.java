package fr.rentree.security;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import fr.rentree.security.service.BackOfficeUserService;
import fr.rentree.security.service.EndedSessions;
import fr.rentree.security.ui.LoginView;
import fr.rentree.security.ui.RememberedUsername;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servletapi.SecurityContextHolderAwareRequestFilter;

/** Form login on the Vaadin login view; every view states who may open it. */
@Configuration
@EnableWebSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, BackOfficeUserService users) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health/**").permitAll());
        // the login page, shown again after a refusal, fills in the username tried
        http.addFilterBefore(new RememberedUsername(), UsernamePasswordAuthenticationFilter.class);
        // a user disabled (or given other schools) by an administrator is signed out at their next request
        http.addFilterAfter(new EndedSessions(users), SecurityContextHolderAwareRequestFilter.class);
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
