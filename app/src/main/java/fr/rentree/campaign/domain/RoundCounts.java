package fr.rentree.campaign.domain;

/**
 * What a round did so far.
 *
 * @param rejected e-mails refused at submission or returned: those accounts go on paper next round
 */
public record RoundCounts(int mails, int sent, int rejected, int bounced, int sheets, int printed) {

    public int mailsPending() {
        return mails - sent - rejected - bounced;
    }
}
