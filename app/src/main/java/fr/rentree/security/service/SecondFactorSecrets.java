package fr.rentree.security.service;

import java.nio.charset.StandardCharsets;
import java.util.List;

import fr.rentree.base.seal.SecretSeal;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Second-factor secrets sealed at rest with {@link SecretSeal} (the key of the activation codes), the user's id as
 * associated data: a secret copied onto another user's row does not open, and a database backup alone opens none.
 * <p>
 * Secrets stored in clear before sealing existed are sealed when the application starts ({@link #sealClear}; the
 * migration that made the columns binary has no key). {@code rotate-activation-codes} seals every secret again
 * with the current key ({@link #reseal}). Both update a row only if it still holds what was read, so instances that
 * start together, or a user enrolling meanwhile, lose nothing.
 */
@Component
public class SecondFactorSecrets {

    private static final String COLUMNS = "totp_secret, totp_pending_secret";

    private final JdbcClient jdbc;
    private final SecretSeal seal;

    SecondFactorSecrets(JdbcClient jdbc, SecretSeal seal) {
        this.jdbc = jdbc;
        this.seal = seal;
    }

    byte[] seal(long userId, String secret) {
        return seal.seal(secret.getBytes(StandardCharsets.US_ASCII), owner(userId));
    }

    String open(long userId, byte[] stored) {
        return new String(seal.open(stored, owner(userId)), StandardCharsets.US_ASCII);
    }

    /** Seals the secrets still stored in clear; returns how many. */
    @EventListener(ApplicationReadyEvent.class)
    public int sealClear() {
        return convert(false);
    }

    /** Seals every secret again with the current key (the clear ones too); returns how many changed. */
    public int reseal() {
        return convert(true);
    }

    private int convert(boolean rotate) {
        int changed = 0;
        for (String column : COLUMNS.split(", ")) {
            List<Stored> rows = jdbc.sql("select id, " + column + " from back_office_user where " + column
                            + " is not null")
                    .query((row, n) -> new Stored(row.getLong(1), row.getBytes(2))).list();
            for (Stored row : rows) {
                byte[] fresh = fresh(row, rotate);
                if (fresh != null) {
                    changed += jdbc.sql("update back_office_user set " + column + " = ? where id = ? and " + column
                            + " = ?").params(fresh, row.id(), row.stored()).update();
                }
            }
        }
        return changed;
    }

    /** The bytes to store instead, or null when the row is as it should be. */
    private byte @Nullable [] fresh(Stored row, boolean rotate) {
        if (!SecretSeal.looksSealed(row.stored())) { // a Base32 secret in clear: never starts with 'K' and a length
            return seal(row.id(), new String(row.stored(), StandardCharsets.US_ASCII));
        }
        if (rotate && !seal.sealedWithCurrentKey(row.stored())) {
            return seal(row.id(), open(row.id(), row.stored()));
        }
        return null;
    }

    private static String owner(long userId) {
        return "back-office-user:" + userId;
    }

    private record Stored(long id, byte[] stored) {
    }
}
