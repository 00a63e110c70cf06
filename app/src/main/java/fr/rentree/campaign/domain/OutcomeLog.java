package fr.rentree.campaign.domain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Where the outcomes of a batch of e-mails are written, one committed row at a time, on a connection of its own (in
 * auto-commit, outside the step's transaction): a crash after the server's answer loses at most that one. One
 * statement prepared once: this runs once per e-mail, beside the sending, and must cost it next to nothing. Use it
 * from one thread at a time.
 */
public final class OutcomeLog implements AutoCloseable {

    private final Connection connection;
    private final PreparedStatement update;

    /** @param table the tracked e-mails' table ({@code delivery}, {@code director_notice}): a constant, never input */
    OutcomeLog(DataSource dataSource, String table) {
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            // only a pending row changes: a run again never rewrites what an earlier run recorded
            update = connection.prepareStatement("update " + table + """
                     set status = ?, reply = ?, message_id = ?, done_at = ?
                    where id = ? and status = 'PENDING'""");
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    public void record(long deliveryId, DeliveryStatus status, @Nullable String reply, @Nullable String messageId,
            Instant now) {
        try {
            update.setString(1, status.name());
            update.setString(2, reply == null || reply.length() <= 1000 ? reply : reply.substring(0, 1000));
            update.setString(3, messageId);
            update.setTimestamp(4, Timestamp.from(now));
            update.setLong(5, deliveryId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public void close() {
        try (connection; update) {
            // both closed, the connection back to its pool
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static DataAccessResourceFailureException failure(SQLException e) {
        return new DataAccessResourceFailureException("E-mail outcomes cannot be written: " + e.getMessage(), e);
    }
}
