package fr.rentree.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import fr.rentree.support.Browser;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import fr.rentree.support.SecondFactorCodes;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A director's first sign-in with the second factor required, in a real Chromium: after the password, a French page
 * with a QR code and the secret in groups of four; no other page opens meanwhile, whatever address is typed; the app's
 * first code (computed here from the secret shown, as an authenticator app would) leads to "Mes tâches". The next
 * sign-in asks for a code only, says so in French when it is wrong, and lets the right one in. The journal records
 * each sign-in once.
 */
@RentreeIntegrationTest
class SecondFactorBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConfigurableEnvironment environment;

    @Test
    void a_director_enrols_at_the_first_sign_in_then_gives_a_code_each_time() throws Exception {
        Fixtures.SchoolAndDirector school = fixtures.schoolWithDirector("Collège Germaine-Tillion");
        String director = school.director();
        String home = "http://localhost:" + port;
        try (AutoCloseable required = SecondFactorCodes.required(environment); Browser browser = new Browser()) {
            browser.open(home + "/login");
            browser.signIn(director, Fixtures.PASSWORD);

            browser.awaitText("h2", "Vérification en deux étapes");
            browser.awaitText("p", "Ouvrez l’application et scannez ce QR code.");
            String secret = browser.await(By.id("totp-secret")).getText();
            assertThat(secret).matches("([A-Z2-7]{4} )+[A-Z2-7]{1,4}");
            // what the app scans: the secret shown, for this user, from Rentrée
            assertThat(qrCode(browser.await(By.id("totp-qr")).getDomProperty("src"))).isEqualTo(
                    "otpauth://totp/Rentr%C3%A9e%3A" + director + "?secret=" + secret.replace(" ", "")
                            + "&issuer=Rentr%C3%A9e");
            assertThat(browser.currentUrl()).endsWith("/connexion/code");
            browser.screenshot("second-factor-enrol");

            // nothing else opens before the code, whatever the address typed
            for (String page : new String[] {"/journal", "/etablissement", "/taches", "/"}) {
                browser.open(home + page);
                browser.awaitText("h2", "Vérification en deux étapes");
                assertThat(browser.currentUrl()).as(page).endsWith("/connexion/code");
            }
            assertThat(signIns(director)).isZero();
            // the page drawn again keeps the secret: the app that scanned the first QR code gives codes that work
            // (a new secret at each load refused them, and the refusals counted toward the lock)
            assertThat(browser.await(By.id("totp-secret")).getText()).isEqualTo(secret);
            browser.awaitText("p", "Ce QR code reste le même jusqu’à ce que vous le validiez");

            long step = SecondFactorCodes.currentStep();
            browser.type("#totp-code input", SecondFactorCodes.code(secret, step));
            browser.await(By.id("totp-submit")).click();
            browser.awaitText("h2", "Mes tâches");
            browser.screenshot("second-factor-enrolled");
            assertThat(signIns(director)).as("one sign-in in the journal, when the code was accepted").isEqualTo(1);

            browser.awaitText("vaadin-button", "Se déconnecter").click();
            browser.awaitDeepText("vaadin-login-form", "Connexion");
            browser.signIn(director, Fixtures.PASSWORD);
            browser.awaitText("p", "Saisissez le code à 6 chiffres affiché par votre application d’authentification.");
            assertThat(browser.driver().findElements(By.id("totp-qr"))).as("enrolled: no QR code any more").isEmpty();

            browser.type("#totp-code input", SecondFactorCodes.wrongCode(secret, step));
            browser.await(By.id("totp-submit")).click();
            browser.awaitDeepText("vaadin-text-field#totp-code",
                    "Code incorrect ou déjà utilisé. Saisissez le code que l’application affiche maintenant.");
            browser.screenshot("second-factor-wrong-code");
            assertThat(signIns(director)).isEqualTo(1);

            // the enrolment used this step's code: the app's next one (accepted a step early) signs in
            browser.type("#totp-code input", SecondFactorCodes.code(secret, step + 1));
            browser.await(By.id("totp-submit")).click();
            browser.awaitText("h2", "Mes tâches");
            assertThat(signIns(director)).isEqualTo(2);
            assertThat(browser.contentSecurityPolicyViolations()).as("the QR code's data: address included")
                    .isEmpty();
        }
        assertThat(jdbc.sql("select outcome from sign_in_attempt where username = ? order by id").param(director)
                .query(String.class).list())
                .containsExactly("AWAITING_CODE", "SUCCESS", "AWAITING_CODE", "WRONG_CODE", "SUCCESS");
    }

    @Test
    void restarting_the_enrolment_on_purpose_shows_a_new_qr_code_says_so_and_only_its_codes_work() throws Exception {
        String director = fixtures.schoolWithDirector("Collège Lucie-Aubrac").director();
        try (AutoCloseable required = SecondFactorCodes.required(environment); Browser browser = new Browser()) {
            browser.open("http://localhost:" + port + "/login");
            browser.signIn(director, Fixtures.PASSWORD);
            String first = browser.await(By.id("totp-secret")).getText();

            browser.await(By.id("totp-restart")).click();
            browser.awaitText("p", "Nouveau QR code : supprimez de l’application le compte Rentrée ajouté avant");
            String second = browser.await(By.id("totp-secret")).getText();
            assertThat(second).isNotEqualTo(first);
            browser.screenshot("second-factor-restarted");

            browser.open("http://localhost:" + port + "/connexion/code");
            assertThat(browser.await(By.id("totp-secret")).getText()).as("kept across a reload").isEqualTo(second);
            long step = SecondFactorCodes.currentStep();
            browser.type("#totp-code input", SecondFactorCodes.code(second, step));
            browser.await(By.id("totp-submit")).click();
            browser.awaitText("h2", "Mes tâches");
        }
    }

    /** The text of the QR code a {@code data:image/png} address draws, as a phone's camera reads it. */
    private static String qrCode(String dataUri) throws Exception {
        assertThat(dataUri).startsWith("data:image/png;base64,");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(
                dataUri.substring("data:image/png;base64,".length()))));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }

    private int signIns(String director) {
        return jdbc.sql("select count(*) from audit_event where actor = ? and action = 'SIGN_IN'").param(director)
                .query(Integer.class).single();
    }
}
