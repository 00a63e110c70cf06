package fr.rentree.audit.service;

import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import fr.rentree.audit.domain.AuditAction;
import fr.rentree.audit.domain.AuditEvent;
import fr.rentree.audit.domain.AuditQuery;
import fr.rentree.base.Spreadsheet;
import fr.rentree.security.domain.Role;
import fr.rentree.security.service.CurrentUser;
import fr.rentree.security.service.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The journal: every service that prints, hands out or changes a school's codes and accounts records it here, in its
 * own transaction, so that a line exists exactly when the action happened. A school's directors read their school's
 * journal; nobody changes it (the table refuses updates and deletions).
 */
@Service
public class AuditLog {

    private static final int MAX_SUBJECT = 500;
    /** A date and time every spreadsheet reads as one, whatever its language. */
    private static final DateTimeFormatter SPREADSHEET_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Records that the signed-in user (nobody: Rentrée itself) did this, from the current request's address. Joins
     * the caller's transaction when there is one: rolled back with the action, the line goes too.
     *
     * @param details what it was done to (a login, counts, file names), in the order the action's sentence of the
     *                journal names them ({@code journal.detail.<action>} in the bundle)
     */
    @Transactional
    public void record(@Nullable String schoolUai, AuditAction action, @Nullable Object... details) {
        String actor = currentUser.get().map(user -> user.getUsername()).orElse(null);
        recordAs(actor, schoolUai, action, details);
    }

    /** Records an action of a user known by name (a sign-in, a print in the background, a headless import). */
    @Transactional
    public void recordAs(@Nullable String actor, @Nullable String schoolUai, AuditAction action,
                         @Nullable Object... details) {
        String joined = AuditEvent.join(details);
        jdbc.sql("""
                        insert into audit_event (at, actor, address, school_uai, action, subject)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(clock.instant()), actor, clientAddress(), schoolUai, action.name(),
                        joined.length() <= MAX_SUBJECT ? joined : joined.substring(0, MAX_SUBJECT - 1) + "…")
                .update();
    }

    public int count(AuditQuery query) {
        requireReader(query);
        return jdbc.sql("select count(*) from audit_event where " + where(query)).paramSource(parameters(query))
                .query(Integer.class).single();
    }

    /** The school's journal, or the whole journal, newest first. */
    public List<AuditEvent> events(AuditQuery query, int offset, int limit) {
        requireReader(query);
        return jdbc.sql("""
                        select id, at, actor, address, school_uai, action, subject from audit_event where %s
                        order by at desc, id desc limit :limit offset :offset""".formatted(where(query)))
                .paramSource(parameters(query).addValue("limit", limit).addValue("offset", offset))
                .query(AuditLog::event)
                .list();
    }

    /**
     * Writes the lines of the journal the query keeps as CSV, as French spreadsheets open it: semicolons, a byte order
     * mark, dates in the server's time zone.
     *
     * @param actionLabel the action's name in the reader's language
     * @param detail      the line's details in the reader's language
     */
    public void exportCsv(AuditQuery query, Writer out, List<String> header, Function<AuditAction, String> actionLabel,
                          Function<AuditEvent, String> detail, ZoneId zone) {
        requireReader(query);
        try (Spreadsheet csv = new Spreadsheet(out, header)) {
            jdbc.sql("""
                            select id, at, actor, address, school_uai, action, subject from audit_event where %s
                            order by at desc, id desc""".formatted(where(query)))
                    .paramSource(parameters(query))
                    .query((ResultSet row) -> {
                        AuditEvent event = event(row, 0);
                        // every cell inert: an actor, an address, a label is text from outside as a detail is
                        csv.line(SPREADSHEET_TIME.format(event.at().atZone(zone)), nullToEmpty(event.actor()),
                                nullToEmpty(event.address()), nullToEmpty(event.schoolUai()),
                                actionLabel.apply(event.action()), detail.apply(event));
                    });
        }
    }

    /** A school's journal is read by its directors and the administrators; the whole journal by administrators. */
    private void requireReader(AuditQuery query) {
        SignedInUser reader = currentUser.require();
        if (query.schoolUai() == null) {
            currentUser.requireAdmin();
        } else if (reader.role() != Role.ADMIN) {
            currentUser.requireDirectorOf(query.schoolUai());
        }
    }

    private static String nullToEmpty(@Nullable String cell) {
        return cell == null ? "" : cell;
    }

    /** The query's conditions, joined by {@code and}: no piece relies on its whitespace. */
    private static String where(AuditQuery query) {
        List<String> conditions = new ArrayList<>();
        if (query.schoolUai() != null) {
            conditions.add("school_uai = :uai");
        }
        if (!query.actions().isEmpty()) {
            conditions.add("action in (:actions)");
        }
        if (!query.text().isBlank()) {
            conditions.add("(actor like :text or subject like :text or school_uai like :text)");
        }
        if (query.from() != null) {
            conditions.add("at >= :from");
        }
        if (query.to() != null) {
            conditions.add("at < :to");
        }
        return conditions.isEmpty() ? "true" : String.join(" and ", conditions);
    }

    private MapSqlParameterSource parameters(AuditQuery query) {
        ZoneId zone = clock.getZone();
        return new MapSqlParameterSource("uai", query.schoolUai())
                .addValue("actions", query.actions().stream().map(AuditAction::name).toList())
                .addValue("text", "%" + query.text().strip().toLowerCase(Locale.ROOT).replace("%", "\\%")
                        .replace("_", "\\_") + "%")
                .addValue("from", query.from() == null ? null
                        : Timestamp.from(query.from().atStartOfDay(zone).toInstant()))
                .addValue("to", query.to() == null ? null
                        : Timestamp.from(query.to().plusDays(1).atStartOfDay(zone).toInstant()));
    }

    private static AuditEvent event(ResultSet row, int n) throws SQLException {
        return new AuditEvent(row.getLong("id"), row.getTimestamp("at").toInstant(), row.getString("actor"),
                row.getString("address"), row.getString("school_uai"), AuditAction.valueOf(row.getString("action")),
                row.getString("subject"));
    }

    /** The address of the client whose request is being served; null outside a request (a job, a command). */
    private static @Nullable String clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr() : null;
    }
}
