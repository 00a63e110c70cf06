package fr.rentree.tracking.domain;

/** The order of the dashboard's lines: a column, either way; the launch order breaks ties. */
public record DashboardOrder(Column column, boolean descending) {

    public static final DashboardOrder BY_SCHOOL = new DashboardOrder(Column.SCHOOL, false);

    /** The columns a person sorts on, each with the SQL it sorts by (fixed text: no input reaches it). */
    public enum Column {
        SCHOOL("school_name"),
        KIND("field(school_kind, 'ECOLE', 'COLLEGE', 'LYCEE')"),
        PHASE("field(phase, 'STARTING', 'SELECT', 'VERIFY', 'HAND_OUT', 'WORKING', 'FINISHED', 'CANCELLED')"),
        WAITING("coalesce(waiting_since, '9999-12-31')"),
        RATE("coalesce(l.activated / nullif(l.accounts, 0), -1)");

        private final String sql;

        Column(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }

    /** The order by clause. */
    public String sql() {
        return column.sql() + (descending ? " desc" : " asc") + ", position";
    }
}
