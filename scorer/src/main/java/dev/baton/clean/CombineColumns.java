package dev.baton.clean;

import dev.baton.batch.Batch;

import java.util.List;

/** Joins the texts of several columns into a new one, with a separator; missing parts are left out. */
public record CombineColumns(List<String> columns, String separator, String into) implements RowOperation {

    public CombineColumns {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    @Override
    public String describe() {
        return "Combine " + Checks.list(columns) + " into " + into + " with '" + separator + "'";
    }

    @Override
    public boolean rowWise() {
        return true;
    }

    @Override
    public List<String> inputs() {
        return columns;
    }

    @Override
    public List<String> outputs() {
        return List.of(into.strip());
    }

    @Override
    public void check() {
        if (columns.size() < 2) {
            throw new StepException(null, "choose at least two columns to combine");
        }
        Checks.name(into, "the new column's name");
    }

    @Override
    public Batch apply(Batch rows) {
        List<dev.baton.batch.Column> sources = columns.stream().map(c -> Rows.column(rows, c)).toList();
        String sep = separator == null ? "" : separator;
        String[] out = new String[rows.rows()];
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < out.length; r++) {
            sb.setLength(0);
            boolean any = false;
            for (dev.baton.batch.Column s : sources) {
                String t = s.text(r);
                if (t != null) {
                    if (any) {
                        sb.append(sep);
                    }
                    sb.append(t);
                    any = true;
                }
            }
            out[r] = any ? sb.toString() : null;
        }
        return Rows.add(rows, into.strip(), Rows.texts(out), columns.get(columns.size() - 1));
    }
}
