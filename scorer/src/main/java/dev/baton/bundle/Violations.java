package dev.baton.bundle;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the contract found in scored input, per column: values missing, categories never seen in training,
 * numbers or dates outside the training range, values of the wrong type; and rows rejected. Accumulates over
 * the chunks of a streamed file. Not thread-safe.
 */
public final class Violations {

    @JsonPropertyOrder({"missing", "unseen", "outOfRange", "wrongType"})
    public static final class Counts {
        public long missing;
        public long unseen;
        public long outOfRange;
        public long wrongType;
        @com.fasterxml.jackson.annotation.JsonIgnore
        private final String name;
        @com.fasterxml.jackson.annotation.JsonIgnore
        private final Violations owner;

        Counts() {
            this(null, null);
        }

        private Counts(String name, Violations owner) {
            this.name = name;
            this.owner = owner;
        }

        /** Notes a finding in a row, when the findings of each row are kept. */
        void found(int row, String what) {
            if (owner != null && owner.rowFindings != null) {
                String f = name + ": " + what;
                owner.rowFindings[row] = owner.rowFindings[row] == null ? f : owner.rowFindings[row] + "; " + f;
            }
        }

        boolean any() {
            return missing + unseen + outOfRange + wrongType > 0;
        }
    }

    private long rows;
    private long rejected;
    private final Map<String, Counts> columns = new LinkedHashMap<>();
    /** What the contract found in each row of one batch, when asked for ({@link #perRow}). */
    private String[] rowFindings;

    public Violations() {
    }

    /** Counts, and keeps what was found in each of the {@code rows} rows of the one batch scored with it. */
    public static Violations perRow(int rows) {
        Violations v = new Violations();
        v.rowFindings = new String[rows];
        return v;
    }

    /** What the contract found in a row ("Sex: missing, filled as in training; Island: 'Atlantis' never seen in training"), or null. */
    public String findings(int row) {
        return rowFindings == null ? null : rowFindings[row];
    }

    Counts column(String name) {
        return columns.computeIfAbsent(name, k -> new Counts(k, this));
    }

    void addRows(long n, long rejectedRows) {
        rows += n;
        rejected += rejectedRows;
    }

    public long rows() {
        return rows;
    }

    public long rejected() {
        return rejected;
    }

    public long scored() {
        return rows - rejected;
    }

    /** Columns with something to report, in contract order. */
    public Map<String, Counts> columns() {
        Map<String, Counts> out = new LinkedHashMap<>();
        columns.forEach((k, v) -> {
            if (v.any()) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** A few lines for a person: rows scored and rejected, then each column's findings. */
    public String describe() {
        StringBuilder s = new StringBuilder(String.format("%,d row%s: %,d scored, %,d rejected", rows, rows == 1 ? "" : "s", scored(), rejected));
        columns().forEach((name, c) -> {
            s.append(System.lineSeparator()).append("  ").append(name).append(":");
            if (c.missing > 0) {
                s.append(String.format(" %,d missing", c.missing));
            }
            if (c.unseen > 0) {
                s.append(String.format(" %,d unseen categor%s", c.unseen, c.unseen == 1 ? "y" : "ies"));
            }
            if (c.outOfRange > 0) {
                s.append(String.format(" %,d outside the training range", c.outOfRange));
            }
            if (c.wrongType > 0) {
                s.append(String.format(" %,d of the wrong type", c.wrongType));
            }
        });
        return s.toString();
    }
}
