package fr.rentree.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import fr.rentree.campaign.domain.Campaign;
import fr.rentree.campaign.domain.HandOut;
import fr.rentree.campaign.domain.PileStatus;
import fr.rentree.campaign.service.RoundSheets;
import fr.rentree.directory.domain.Pile;
import fr.rentree.process.service.InboxService;
import fr.rentree.process.service.ProcessException;
import fr.rentree.reports.SheetLayout;
import fr.rentree.support.DirectorSteps;
import fr.rentree.support.Fixtures;
import fr.rentree.support.RentreeIntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** The hand-out of a round's sheets (issue 22, B7): a pile unticked, a reminder's model chosen. */
@RentreeIntegrationTest
class HandOutIT {

    @Autowired
    RoundSheets roundSheets;
    @Autowired
    InboxService inbox;
    @Autowired
    Fixtures fixtures;
    @Autowired
    DirectorSteps steps;
    @TempDir
    Path folder;

    @Test
    void a_pile_ticked_by_mistake_is_unticked_until_the_hand_out_is_done() {
        var school = fixtures.schoolWithAccounts("Collège Jean-Moulin", folder);
        String director = school.director();
        steps.handingOut(school, SheetLayout.ONE_PER_PAGE);
        String task = steps.task(director, "hand-out-sheets");
        Pile pile = fixtures.as(director, () -> roundSheets.handOut(task)).piles().getFirst().pile();

        fixtures.as(director, () -> roundSheets.handOut(task, pile));
        HandOut unticked = fixtures.as(director, () -> roundSheets.cancelHandOut(task, pile));

        assertThat(unticked.piles()).noneMatch(PileStatus::handedOut);
        assertThat(fixtures.as(director, () -> roundSheets.handOut(task)).piles()).noneMatch(PileStatus::handedOut);
        assertThat(fixtures.as(director, () -> inbox.isWaiting(task))).as("the hand-out goes on").isTrue();

        fixtures.as(director, () -> roundSheets.finishHandOut(task));
        assertThat(catchThrowableOfType(ProcessException.class, () -> fixtures.as(director,
                () -> roundSheets.cancelHandOut(task, pile))).reason())
                .as("a hand-out done is done").isEqualTo(ProcessException.Reason.ALREADY_DONE);
    }

    @Test
    void a_reminder_round_prints_its_sheets_in_the_model_its_hand_out_chooses() throws IOException {
        var school = fixtures.schoolWithAccounts("Collège Jean-Zay", folder);
        String director = school.director();
        Campaign campaign = steps.handingOut(school, SheetLayout.ONE_PER_PAGE);
        String first = steps.task(director, "hand-out-sheets");
        fixtures.as(director, () -> roundSheets.finishHandOut(first));
        fixtures.fireTimer(campaign.processInstanceId()); // nobody activated: a reminder round
        String reminder = await().atMost(Duration.ofSeconds(30)).until(() -> steps.task(director, "hand-out-sheets"),
                id -> !id.equals(first));
        HandOut before = fixtures.as(director, () -> roundSheets.handOut(reminder));
        assertThat(before.layout()).as("the campaign's, first").isEqualTo(SheetLayout.ONE_PER_PAGE);
        int onePerPage = pages(director, campaign, 2, null);
        assertThat(onePerPage).isGreaterThanOrEqualTo(before.sheets());
        int firstRound = pages(director, campaign, 1, null);

        HandOut after = fixtures.as(director, () -> roundSheets.changeLayout(reminder, SheetLayout.EIGHT_PER_PAGE));

        assertThat(after.layout()).isEqualTo(SheetLayout.EIGHT_PER_PAGE);
        assertThat(after.sheets()).isEqualTo(before.sheets());
        assertThat(pages(director, campaign, 2, null)).as("%d sheets, 8 a page, each pile from a new page",
                after.sheets()).isLessThan(onePerPage).isEqualTo(after.piles().size());
        assertThat(pages(director, campaign, 2, after.piles().getFirst().pile())).as("a pile, in the same model")
                .isEqualTo(1);
        assertThat(pages(director, campaign, 1, null)).as("the first round's PDF as it was").isEqualTo(firstRound);
    }

    /** A campaign whose first round's PDF is ready: every sheet on paper by class, one a page. */
    private int pages(String director, Campaign campaign, int round, @Nullable Pile pile) throws IOException {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        fixtures.as(director, () -> roundSheets.download(campaign.id(), round, pile, pdf));
        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            return document.getNumberOfPages();
        }
    }
}
