package fr.rentree.process.domain;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A process instance started, however it was (a feature's start, or a call activity of another process): published
 * in the starting transaction, so the feature whose record it runs for can note its instance id.
 *
 * @param businessKey the id of the feature's record (a campaign id)
 */
public record ProcessStarted(String processKey, @Nullable String businessKey, String processInstanceId) {

    /** The business key as the id of the feature's record; none when it is no number (a test's own keys). */
    public Optional<Long> businessId() {
        return idOf(businessKey);
    }

    static Optional<Long> idOf(@Nullable String businessKey) {
        return businessKey != null && businessKey.matches("\\d{1,18}") ? Optional.of(Long.parseLong(businessKey))
                : Optional.empty();
    }
}
