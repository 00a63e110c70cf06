package fr.rentree.campaign.domain;

/**
 * Where a round's deliveries stand, counted from its frozen list.
 *
 * @param sent           e-mails accepted by the SMTP server
 * @param rejected       e-mails refused at submission (5xx), or whose account had gone
 * @param bounced        e-mails that came back as a delivery status notification
 * @param pendingMails   e-mails not sent yet
 * @param printed        sheets in the round's PDF
 * @param sheetsWritten  sheets rendered so far while the PDF is generated
 * @param piles          the piles (classes, teachers) of the round's paper
 * @param pilesHandedOut the piles ticked as handed out
 */
public record RoundCounts(int sent, int rejected, int bounced, int pendingMails, int printed, int sheetsWritten,
        int piles, int pilesHandedOut) {

    /** A round whose list is still being frozen. */
    public static final RoundCounts NONE = new RoundCounts(0, 0, 0, 0, 0, 0, 0, 0);

    public int failed() {
        return rejected + bounced;
    }
}
