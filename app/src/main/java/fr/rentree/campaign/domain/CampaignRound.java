package fr.rentree.campaign.domain;

import java.time.Instant;

import fr.rentree.reports.SheetLayout;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * One distribution of a campaign: number 1 hands out the verified list, the next ones remind the accounts still not
 * activated. Its recipients are its frozen list of deliveries.
 */
public class CampaignRound {

    @Id
    private @Nullable Long id;
    private long campaignId;
    private int number;
    private Instant createdAt;
    private int mails;
    private int sheets;
    private @Nullable Instant mailsDoneAt;
    private @Nullable String sheetsFile;
    private int sheetsPrinted;
    private @Nullable Instant sheetsGeneratedAt;
    private @Nullable Instant sheetsDeletedAt;
    private @Nullable Instant handedOutAt;
    /** The model its hand-out chose for its sheets; none: the campaign's. */
    private @Nullable SheetLayout sheetLayout;
    @Version
    private @Nullable Integer version;

    CampaignRound() {
        createdAt = Instant.EPOCH; // for Spring Data, which sets the fields
    }

    public static CampaignRound open(long campaignId, int number, int mails, int sheets, Instant now) {
        CampaignRound round = new CampaignRound();
        round.campaignId = campaignId;
        round.number = number;
        round.mails = mails;
        round.sheets = sheets;
        round.createdAt = now;
        return round;
    }

    public boolean reminder() {
        return number > 1;
    }

    /** Marks the e-mails as all dealt with; false when they were already. */
    public boolean mailsDone(Instant now) {
        if (mailsDoneAt != null) {
            return false;
        }
        mailsDoneAt = now;
        return true;
    }

    public void sheetsGenerated(String file, int printed, Instant now) {
        sheetsFile = file;
        sheetsPrinted = printed;
        sheetsGeneratedAt = now;
    }

    /** The PDF was deleted (campaign over, or kept long enough); false when there was none left. */
    public boolean sheetsDeleted(Instant now) {
        if (sheetsFile == null) {
            return false;
        }
        sheetsFile = null;
        sheetsDeletedAt = now;
        return true;
    }

    /** Its PDF was printed again in another model, chosen at its hand-out. */
    public void reprinted(SheetLayout layout, int printed) {
        sheetLayout = layout;
        sheetsPrinted = printed;
    }

    public void handedOut(Instant now) {
        if (handedOutAt == null) {
            handedOutAt = now;
        }
    }

    public @Nullable Long id() {
        return id;
    }

    public long campaignId() {
        return campaignId;
    }

    public int number() {
        return number;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public int mails() {
        return mails;
    }

    public int sheets() {
        return sheets;
    }

    public @Nullable Instant mailsDoneAt() {
        return mailsDoneAt;
    }

    public @Nullable String sheetsFile() {
        return sheetsFile;
    }

    /** How many sheets the round's PDF holds (an account gone since the freeze has none). */
    public int sheetsPrinted() {
        return sheetsPrinted;
    }

    public @Nullable Instant sheetsGeneratedAt() {
        return sheetsGeneratedAt;
    }

    public @Nullable Instant handedOutAt() {
        return handedOutAt;
    }

    /** The model of its sheets: the one its hand-out chose, else the campaign's. */
    public SheetLayout layout(SheetLayout campaigns) {
        return sheetLayout == null ? campaigns : sheetLayout;
    }
}
