package fr.rentree.ui;

import fr.rentree.support.Browser;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 22, E19: a family reading the public pages in English gets a page that says it is English. */
@RentreeIntegrationTest
class EnglishPublicPagesIT {

    @LocalServerPort
    int port;

    @Test
    void the_activation_page_in_english_declares_its_language() {
        try (Browser browser = new Browser()) {
            browser.open("http://localhost:" + port + "/activation");
            browser.awaitText("h1", "Activer mon compte");
            browser.await(By.cssSelector("html[lang='fr']"));
            browser.await(By.cssSelector("vaadin-select")).click();
            browser.awaitText("vaadin-select-item", "English").click();
            browser.awaitText("h1", "Activate my account");
            browser.await(By.cssSelector("html[lang='en']"));
        }
    }
}
