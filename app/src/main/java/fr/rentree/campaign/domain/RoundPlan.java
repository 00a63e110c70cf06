package fr.rentree.campaign.domain;

import java.util.List;

/**
 * A round's list before it is frozen, and what it will do: the exact numbers the director confirms.
 *
 * @param leftOut selected accounts the mode reaches in no way (e-mail only, and no address)
 */
public record RoundPlan(List<FrozenRecipient> recipients, int leftOut) {

    public RoundPlan {
        recipients = List.copyOf(recipients);
    }

    public int mails() {
        return (int) recipients.stream().filter(r -> r.channel() == Channel.MAIL).count();
    }

    public int sheets() {
        return (int) recipients.stream().filter(r -> r.channel() == Channel.PAPER).count();
    }
}
