package dev.baton.clean;

import dev.baton.batch.Batch;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.baton.data.ColumnType;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts numbers into intervals [a, b): at given edges, or into equal-width bins over the data's range (fitted).
 * Values outside the outer edges fall into the first or last bin. The result is a categorical column.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BinNumbers(String column, List<Double> edges, Integer bins, String into, List<Double> fittedEdges) implements RowOperation {

    public BinNumbers {
        edges = edges == null ? null : List.copyOf(edges);
        fittedEdges = fittedEdges == null ? null : List.copyOf(fittedEdges);
    }

    public BinNumbers(String column, List<Double> edges, Integer bins, String into) {
        this(column, edges, bins, into, null);
    }

    private List<Double> edgesInUse() {
        return edges != null ? edges : fittedEdges;
    }

    @Override
    public String describe() {
        List<Double> e = edgesInUse();
        return "Bin " + column + " into " + (e != null ? (e.size() - 1) + " intervals at " + String.join(", ", e.stream().map(Rows::text).toList())
                : bins + " equal-width intervals") + " as " + target();
    }

    private String target() {
        return into == null || into.isBlank() ? column + "_bin" : into.strip();
    }

    @Override
    public boolean rowWise() {
        return true;
    }

    @Override
    public List<String> inputs() {
        return List.of(column);
    }

    @Override
    public List<String> outputs() {
        return List.of(target());
    }

    @Override
    public void check() {
        Checks.name(column, "the column");
        if ((edges == null) == (bins == null)) {
            throw new StepException(column, "give either the interval edges or a number of bins");
        }
        if (edges != null) {
            if (edges.size() < 2) {
                throw new StepException(column, "give at least two edges");
            }
            for (int i = 1; i < edges.size(); i++) {
                if (!(edges.get(i) > edges.get(i - 1))) {
                    throw new StepException(column, "edges must increase: " + edges.get(i - 1) + " then " + edges.get(i));
                }
            }
        }
        if (bins != null && (bins < 1 || bins > 1000)) {
            throw new StepException(column, "the number of bins must be between 1 and 1000");
        }
    }

    @Override
    public boolean hasFit() {
        return edges != null || fittedEdges != null;
    }

    /** A number's interval label ([a, b), the last one closed); null for a missing number. */
    private java.util.function.DoubleFunction<String> binner() {
        List<Double> e = edgesInUse();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i + 1 < e.size(); i++) {
            boolean last = i + 2 == e.size();
            labels.add("[" + Rows.text(e.get(i)) + ", " + Rows.text(e.get(i + 1)) + (last ? "]" : ")"));
        }
        return v -> {
            if (Double.isNaN(v)) {
                return null;
            }
            int bin = 0;
            while (bin + 1 < labels.size() && v >= e.get(bin + 1)) {
                bin++;
            }
            return labels.get(bin);
        };
    }

    @Override
    public Batch apply(Batch rows) {
        if (edgesInUse() == null) {
            throw StepException.notFitted(column, "the interval edges");
        }
        dev.baton.batch.NumberColumn source = Rows.numeric(rows, column, "binning");
        java.util.function.DoubleFunction<String> bin = binner();
        String[] out = new String[rows.rows()];
        for (int r = 0; r < out.length; r++) {
            out[r] = bin.apply(source.get(r));
        }
        dev.baton.batch.TextColumn labels = new dev.baton.batch.TextColumn(ColumnType.CATEGORICAL, out);
        return target().equals(column) ? rows.with(column, labels, null) : Rows.add(rows, target(), labels, column);
    }
}
