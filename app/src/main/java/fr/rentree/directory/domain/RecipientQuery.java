package fr.rentree.directory.domain;

/** The recipients of a publipostage and the order they are listed in. */
public record RecipientQuery(RecipientSelection selection, DistributionOrder order, ParentPlacement parents) {
}
