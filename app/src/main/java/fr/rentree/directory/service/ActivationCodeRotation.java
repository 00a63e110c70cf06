package fr.rentree.directory.service;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals every stored activation code again with the current key ({@code rentree.activation-codes.key-id}), so that
 * a previous key can be dropped from {@code previous-keys}. Works in batches, each its own transaction, over the
 * accounts in id order (keyset paging: a million accounts never sit in memory). Resumable by construction: a code
 * already sealed with the current key is left as it is, so a run stopped half-way is simply run again. A code that
 * changes meanwhile (a new code, an activation) is not overwritten: the update holds only if the row still has the
 * bytes that were read.
 */
@Service
public class ActivationCodeRotation {

    private final JdbcClient jdbc;
    private final ActivationCodes codes;
    private final TransactionTemplate transactions;

    ActivationCodeRotation(JdbcClient jdbc, ActivationCodes codes, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.codes = codes;
        this.transactions = new TransactionTemplate(transactions);
    }

    /**
     * @param resealed       codes sealed again with the current key by this run
     * @param alreadyCurrent codes found sealed with it already (by an earlier, interrupted run, or since)
     * @param changed        codes that changed between their reading and their update, left to their new value
     */
    public record Result(long resealed, long alreadyCurrent, long changed) {

        Result plus(Result other) {
            return new Result(resealed + other.resealed, alreadyCurrent + other.alreadyCurrent,
                    changed + other.changed);
        }
    }

    /** The id of the key the codes are sealed with once the rotation is done. */
    public String currentKeyId() {
        return codes.keyId();
    }

    /**
     * @param batchSize accounts read, and updated in one transaction, at a time
     * @param progress  told the total after each batch (for a long run's log)
     */
    public Result rotate(int batchSize, Consumer<Result> progress) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize);
        }
        Result total = new Result(0, 0, 0);
        long after = 0;
        while (true) {
            List<Sealed> batch = jdbc.sql("""
                            select id, login, activation_code from account
                            where id > ? and activation_code is not null order by id limit ?""")
                    .params(after, batchSize)
                    .query((row, n) -> new Sealed(row.getLong(1), row.getString(2), row.getBytes(3)))
                    .list();
            if (batch.isEmpty()) {
                return total;
            }
            total = total.plus(transactions.execute(status -> reseal(batch)));
            progress.accept(total);
            after = batch.getLast().id();
        }
    }

    private Result reseal(List<Sealed> batch) {
        long resealed = 0;
        long current = 0;
        long changed = 0;
        for (Sealed row : batch) {
            if (codes.sealedWithCurrentKey(row.code())) {
                current++;
                continue;
            }
            byte[] fresh = codes.seal(codes.open(row.code(), row.login()), row.login());
            int updated = jdbc.sql("update account set activation_code = ? where id = ? and activation_code = ?")
                    .params(fresh, row.id(), row.code()).update();
            if (updated == 1) {
                resealed++;
            } else {
                changed++;
            }
        }
        return new Result(resealed, current, changed);
    }

    private record Sealed(long id, String login, byte[] code) {
    }
}
