package fr.rentree.campaign.domain;

import fr.rentree.directory.domain.Pile;
import org.jspecify.annotations.Nullable;

/** One recipient as a round's list is written: whom, how, in which pile. */
public record FrozenRecipient(long accountId, Channel channel, Pile pile, @Nullable String email) {
}
