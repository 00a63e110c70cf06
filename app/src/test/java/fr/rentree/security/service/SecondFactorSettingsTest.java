package fr.rentree.security.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The second factor as the application's own properties set it: on under {@code prod}, off otherwise, both overridable. */
class SecondFactorSettingsTest {

    @Test
    void required_under_prod_unless_turned_off() {
        assertThat(enabledUnder("prod")).isTrue();
        assertThat(enabledUnder("prod", "--RENTREE_SECURITY_TOTP=false")).isFalse();
    }

    @Test
    void off_by_default_unless_turned_on() {
        assertThat(enabledUnder("default")).isFalse();
        assertThat(enabledUnder("dev")).isFalse();
        assertThat(enabledUnder("default", "--RENTREE_SECURITY_TOTP=true")).isTrue();
    }

    private static boolean enabledUnder(String profile, String... arguments) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SecondFactorSettings.class)
                .web(WebApplicationType.NONE).profiles(profile).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .properties("rentree.public-url=https://rentree.ac-exemple.fr", // both required under prod
                        "rentree.activation-codes.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
                .run(arguments)) {
            return context.getBean(SecondFactorSettings.class).enabled();
        }
    }
}
