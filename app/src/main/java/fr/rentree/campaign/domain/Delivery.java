package fr.rentree.campaign.domain;

import fr.rentree.directory.domain.Pile;
import org.jspecify.annotations.Nullable;

/**
 * One recipient of a round's frozen list: the row that says whether their e-mail was sent or their sheet printed,
 * so that a step run again does only what is left.
 *
 * @param position the place in the distribution order, from 1
 * @param email    the address the e-mail goes to; null on paper
 */
public record Delivery(long id, long roundId, int position, long accountId, Channel channel, Pile pile,
                       @Nullable String email, DeliveryStatus status) {

    /** The Message-ID of this recipient's e-mail: the same at every attempt, so a duplicate can be told apart. */
    public String messageId(String domain) {
        return "<rentree.delivery-" + id + "@" + domain + ">";
    }
}
