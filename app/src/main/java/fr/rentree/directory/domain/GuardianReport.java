package fr.rentree.directory.domain;

import java.time.Instant;

/** A parent's word, given when activating, that a pupil named on their account is not theirs to follow. */
public record GuardianReport(long id, String parentLogin, String parentName, String childName, Instant reportedAt) {
}
