package fr.rentree.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Locale;

import com.vaadin.flow.server.SystemMessages;
import com.vaadin.flow.server.SystemMessagesInfo;
import fr.rentree.support.Browser;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A lost connection and an expired session (issue 22, B11): Vaadin's own English texts ("Cookies disabled…", the
 * reconnection bar's "Connection lost") reached French users. They are the bundles' words, in the user's language.
 */
@RentreeIntegrationTest
class ConnectionTextsBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ConnectionTexts texts;

    @Test
    void the_reconnection_bar_speaks_the_users_language() {
        var school = fixtures.schoolWithDirector("École Louise-Michel");
        try (Browser browser = Browser.laptop()) {
            browser.open("http://localhost:" + port + "/etablissement");
            browser.signIn(school.director(), Fixtures.PASSWORD);
            browser.awaitText("h2", "Mon établissement");
            await().atMost(Duration.ofSeconds(10)).until(() -> indicator(browser, "reconnectingText"),
                    text -> text.startsWith("Connexion au serveur perdue"));
            assertThat(indicator(browser, "offlineText")).contains("rechargez la page");
        }
    }

    @Test
    void an_expired_session_goes_to_the_sign_in_page_and_refused_cookies_are_said_in_french_and_in_english() {
        SystemMessages french = texts.getSystemMessages(new SystemMessagesInfo(Locale.FRENCH, null, null));
        // no notification held over a dead page: the reload lands on the sign-in page, which says why
        assertThat(french.isSessionExpiredNotificationEnabled()).isFalse();
        assertThat(french.getCookiesDisabledCaption()).isEqualTo("Cookies désactivés");
        assertThat(french.getCookiesDisabledMessage()).contains("cookies");
        assertThat(french.getInternalErrorCaption()).isEqualTo("Erreur interne");
        SystemMessages english = texts.getSystemMessages(new SystemMessagesInfo(Locale.ENGLISH, null, null));
        assertThat(english.getCookiesDisabledCaption()).isEqualTo("Cookies disabled");
    }

    private static String indicator(Browser browser, String property) {
        return String.valueOf(browser.driver().executeScript(
                "const i = document.querySelector('vaadin-connection-indicator'); return i ? i[arguments[0]] : '';",
                property));
    }
}
