package fr.rentree.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import fr.rentree.support.Browser;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 10, item 12: what a screen reader says of the controls (their accessible labels, down in the components'
 * shadow DOM) is in the user's language on every screen, not in the components' built-in English.
 */
@RentreeIntegrationTest
class ScreenReaderLabelsIT {

    /** Words of the English labels Vaadin's components come with. */
    private static final Pattern ENGLISH = Pattern.compile(
            "(?i)\\b(toggle|navigation|close|clear|open|selected|remove|sort|items?|previous|next|today|cancel"
                    + "|drawer|expand|collapse|button|upload|files?|drop|month|year|week|select|value|panel)\\b");

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @TempDir
    Path folder;

    @Test
    void every_accessible_label_of_every_screen_is_in_french() {
        var school = fixtures.schoolWithAccounts("Collège Germaine-Tillion", folder);
        String officer = fixtures.districtOfficer(Set.of(school.school().uai()));
        List<String> labels = new ArrayList<>();
        try (Browser browser = new Browser()) {
            browser.open("http://localhost:" + port + "/activation");
            browser.await(org.openqa.selenium.By.tagName("h1"));
            labels.addAll(labels(browser, "activation"));
            browser.open("http://localhost:" + port + "/login");
            labels.addAll(labels(browser, "login"));
            browser.signIn(school.director(), Fixtures.PASSWORD);
            for (String page : List.of("taches", "campagnes", "etablissement", "parametres", "journal", "fiches",
                    "import")) {
                browser.open("http://localhost:" + port + "/" + page);
                browser.await(org.openqa.selenium.By.tagName("h2"));
                labels.addAll(labels(browser, page));
            }
            browser.awaitText("vaadin-button", "Se déconnecter").click();
            browser.await(org.openqa.selenium.By.tagName("vaadin-login-form"));
            browser.signIn(officer, Fixtures.PASSWORD);
            for (String page : List.of("circonscription", "circonscription/ecole?uai=" + school.school().uai())) {
                browser.open("http://localhost:" + port + "/" + page);
                browser.await(org.openqa.selenium.By.tagName("h2"));
                labels.addAll(labels(browser, page));
            }
        }
        assertThat(labels).filteredOn(label -> ENGLISH.matcher(label.substring(label.indexOf("]=") + 2)).find())
                .isEmpty();
        assertThat(labels).contains("circonscription: vaadin-drawer-toggle[aria-label]=Afficher ou masquer le menu",
                "circonscription: vaadin-grid-sorter[aria-label]=Trier par Élèves",
                "journal: vaadin-multi-select-combo-box[i18n.total]=Nombre de choix sélectionnés\u00a0: {count}");
    }

    /**
     * The labels on the page: aria-label, title and placeholder attributes, shadow roots included, and the
     * multi-selects' announcements.
     */
    private static List<String> labels(Browser browser, String page) {
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) browser.driver().executeScript("""
                const labels = [];
                const visit = root => {
                  for (const element of root.querySelectorAll('*')) {
                    for (const name of ['aria-label', 'title', 'placeholder', 'aria-roledescription']) {
                      const value = element.getAttribute(name);
                      if (value) labels.push(element.localName + '[' + name + ']=' + value);
                    }
                    if (element.localName === 'vaadin-multi-select-combo-box') {
                      // what a screen reader announces as items are chosen (an aria-live region, no attribute)
                      const i18n = Object.assign({}, element.i18n, element.__effectiveI18n);
                      for (const [key, value] of Object.entries(i18n)) {
                        if (typeof value === 'string') labels.push(element.localName + '[i18n.' + key + ']=' + value);
                      }
                    }
                    if (element.shadowRoot) visit(element.shadowRoot);
                  }
                };
                visit(document);
                return labels;""");
        return labels.stream().map(label -> page + ": " + label).toList();
    }
}
