package cn.hongxin.bench;

import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Bulk-loads rows into one table of a benchmark's database, bypassing the services: PostgreSQL COPY ... FROM STDIN
 * (CSV) in chunks of 100,000 rows, H2 batched prepared inserts committed every 50,000 rows. Values: String, Number,
 * Boolean, LocalDate, Instant or OffsetDateTime, or null. Rows reach the table only in chunks, so a table that other
 * rows reference must be closed before those are added.
 */
final class TableLoader implements AutoCloseable {

    private static final int CHUNK = 100_000;

    private final Connection connection;
    private final boolean postgres;
    private final String table;
    private final String[] columns;
    private final StringBuilder csv = new StringBuilder(1 << 20);
    private PreparedStatement insert;
    private long rows;

    TableLoader(Connection connection, boolean postgres, String table, String... columns) throws Exception {
        this.connection = connection;
        this.postgres = postgres;
        this.table = table;
        this.columns = columns;
        if (!postgres) {
            connection.setAutoCommit(false);
            insert = connection.prepareStatement("insert into " + table + " (" + String.join(", ", columns)
                    + ") values (" + "?, ".repeat(columns.length - 1) + "?)");
        }
    }

    void add(Object... values) throws Exception {
        if (values.length != columns.length) {
            throw new IllegalArgumentException(table + ": " + values.length + " values for " + columns.length + " columns");
        }
        rows++;
        if (postgres) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                csv(values[i]);
            }
            csv.append('\n');
            if (rows % CHUNK == 0) {
                flush();
            }
            return;
        }
        for (int i = 0; i < values.length; i++) {
            Object v = values[i] instanceof Instant t ? OffsetDateTime.ofInstant(t, ZoneOffset.UTC) : values[i];
            insert.setObject(i + 1, v);
        }
        insert.addBatch();
        if (rows % 5_000 == 0) {
            insert.executeBatch();
        }
        if (rows % 50_000 == 0) {
            connection.commit();
        }
    }

    long rows() {
        return rows;
    }

    private void csv(Object v) {
        if (v == null) {
            return;
        }
        if (v instanceof String s) {
            csv.append('"').append(s.replace("\"", "\"\"")).append('"');
        } else if (v instanceof BigDecimal d) {
            csv.append(d.toPlainString());
        } else {
            csv.append(v);
        }
    }

    private void flush() throws Exception {
        if (csv.isEmpty()) {
            return;
        }
        connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn("copy " + table + " ("
                + String.join(", ", columns) + ") from stdin with (format csv)", new StringReader(csv.toString()));
        csv.setLength(0);
    }

    @Override
    public void close() throws Exception {
        if (postgres) {
            flush();
            return;
        }
        insert.executeBatch();
        connection.commit();
        insert.close();
        connection.setAutoCommit(true);
    }

    /** After rows with explicit ids: the table's identity continues after the largest id. */
    static void restartIdentity(Connection c, boolean postgres, String table) throws Exception {
        try (Statement st = c.createStatement()) {
            if (postgres) {
                st.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select max(id) from " + table
                        + "))");
            } else {
                long next;
                try (var rs = st.executeQuery("select coalesce(max(id), 0) + 1 from " + table)) {
                    rs.next();
                    next = rs.getLong(1);
                }
                st.execute("alter table " + table + " alter column id restart with " + next);
            }
        }
    }
}
