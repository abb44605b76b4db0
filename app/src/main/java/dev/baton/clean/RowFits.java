package dev.baton.clean;

import com.google.re2j.Pattern;
import dev.baton.clean.expression.Expression;
import dev.baton.clean.expression.ExpressionException;
import dev.baton.data.ColumnType;
import dev.baton.data.Dataset;
import dev.baton.data.TypeConversion;
import tech.tablesaw.columns.Column;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits the row-wise steps that learn values from the training table (a median to fill with, the categories to keep,
 * quantiles, a mean and spread, interval edges, result types): the workbench's side of those steps. The fitted
 * step then applies alike to the table and to the rows a bundle scores.
 */
final class RowFits {

    private RowFits() {
    }

    /** The step with its values fitted on {@code input}; itself when it learns nothing. */
    static RowOperation fit(RowOperation op, Dataset input) {
        if (op instanceof FillMissing f) {
            return fill(f, input);
        } else if (op instanceof MergeRare m) {
            return mergeRare(m, input);
        } else if (op instanceof Clip c) {
            return clip(c, input);
        } else if (op instanceof Standardize s) {
            return standardize(s, input);
        } else if (op instanceof BinNumbers b) {
            return bins(b, input);
        } else if (op instanceof DeriveColumn d) {
            return derive(d, input);
        } else if (op instanceof SplitColumn s) {
            return split(s, input);
        }
        return op;
    }

    private static FillMissing fill(FillMissing op, Dataset input) {
        FillMissing.Method method = op.method();
        if (method != FillMissing.Method.MEAN && method != FillMissing.Method.MEDIAN && method != FillMissing.Method.MODE) {
            return op;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (String c : op.columns()) {
            if (method != FillMissing.Method.MODE) {
                TableChecks.numeric(input, c, "filling with the " + method.name().toLowerCase());
            } else if (!input.hasColumn(c)) {
                throw StepException.missingColumn(c);
            }
            Column<?> column = input.column(c);
            Object v = switch (method) {
                case MEAN -> Stats.mean(Stats.present(column));
                case MEDIAN -> Stats.quantile(Stats.present(column), 0.5);
                default -> Stats.mode(column);
            };
            if (v == null || (v instanceof Double d && d.isNaN())) {
                throw new StepException(c, "'" + c + "' has no filled values to compute the " + method.name().toLowerCase() + " from");
            }
            values.put(c, v instanceof LocalDate || v instanceof LocalDateTime ? v.toString() : v);
        }
        return new FillMissing(op.columns(), method, op.value(), values);
    }

    private static MergeRare mergeRare(MergeRare op, Dataset input) {
        TableChecks.text(input, op.column(), "merging rare categories");
        Column<?> c = input.column(op.column());
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int r = 0; r < c.size(); r++) {
            if (!c.isMissing(r)) {
                counts.merge(c.getString(r), 1, Integer::sum);
            }
        }
        double threshold = op.minCount() != null ? op.minCount() : op.minFraction() * input.rowCount();
        List<String> keep = new ArrayList<>();
        counts.forEach((value, count) -> {
            if (count >= threshold) {
                keep.add(value);
            }
        });
        keep.sort(null);
        return new MergeRare(op.column(), op.minCount(), op.minFraction(), op.label(), keep);
    }

    private static Clip clip(Clip op, Dataset input) {
        if (op.lowerQuantile() == null && op.upperQuantile() == null) {
            return op;
        }
        TableChecks.numeric(input, op.column(), "clipping");
        double[] values = Stats.present(input.column(op.column()));
        java.util.Arrays.sort(values);
        Double lo = op.lowerQuantile() == null || values.length == 0 ? null : Stats.quantileSorted(values, op.lowerQuantile());
        Double hi = op.upperQuantile() == null || values.length == 0 ? null : Stats.quantileSorted(values, op.upperQuantile());
        return new Clip(op.column(), op.lower(), op.upper(), op.lowerQuantile(), op.upperQuantile(), lo, hi);
    }

    private static Standardize standardize(Standardize op, Dataset input) {
        TableChecks.numeric(input, op.column(), "standardizing");
        double[] values = Stats.present(input.column(op.column()));
        double sd = Stats.std(values);
        if (!(sd > 0)) {
            throw new StepException(op.column(), "'" + op.column() + "' does not vary, so it cannot be standardized");
        }
        return new Standardize(op.column(), Stats.mean(values), sd);
    }

    private static BinNumbers bins(BinNumbers op, Dataset input) {
        if (op.edges() != null) {
            return op;
        }
        TableChecks.numeric(input, op.column(), "binning");
        double[] values = Stats.present(input.column(op.column()));
        if (values.length == 0) {
            throw new StepException(op.column(), "'" + op.column() + "' has no values to bin");
        }
        double min = java.util.Arrays.stream(values).min().orElseThrow();
        double max = java.util.Arrays.stream(values).max().orElseThrow();
        int bins = op.bins();
        List<Double> cut = new ArrayList<>();
        for (int i = 0; i <= bins; i++) {
            cut.add(i == bins ? max : min + (max - min) * i / bins);
        }
        return new BinNumbers(op.column(), op.edges(), op.bins(), op.into(), cut);
    }

    private static DeriveColumn derive(DeriveColumn op, Dataset input) {
        Expression e;
        try {
            e = TableExpressions.compile(op.expression(), input);
        } catch (ExpressionException ex) {
            throw new StepException(op.name(), ex.getMessage());
        }
        ColumnType type = resultType(e, input);
        if (type.isTemporal() && input.rowCount() > 0 && op.expression().toLowerCase(java.util.Locale.ROOT).contains("date(")
                && noValue(e, input.rowCount()) && op.inputs().stream().anyMatch(c -> input.hasColumn(c)
                && input.column(c).countMissing() < input.rowCount())) {
            // A pattern that matches nothing is a mistake, not a column of gaps.
            throw new StepException(op.name().strip(), "the expression gives no date for any row although its columns have values: check "
                    + "the pattern given to date() against the values (e.g. 'dd/MM/yyyy' for 31/12/2020)");
        }
        return new DeriveColumn(op.name(), op.expression(), type, op.replace());
    }

    private static boolean noValue(Expression e, int rows) {
        for (int r = 0; r < rows; r++) {
            if (e.evaluate(r) != null) {
                return false;
            }
        }
        return true;
    }

    private static ColumnType resultType(Expression e, Dataset input) {
        return switch (e.type()) {
            case NUMBER -> {
                for (int r = 0; r < input.rowCount(); r++) {
                    Object v = e.evaluate(r);
                    if (v != null && ((Double) v != Math.rint((Double) v) || Math.abs((Double) v) > Integer.MAX_VALUE)) {
                        yield ColumnType.DECIMAL;
                    }
                }
                yield ColumnType.INTEGER;
            }
            case BOOLEAN -> ColumnType.BOOLEAN;
            case DATE -> ColumnType.DATE;
            case DATETIME -> ColumnType.DATETIME;
            case TEXT, ANY -> ColumnType.TEXT;
        };
    }

    private static SplitColumn split(SplitColumn op, Dataset input) {
        TableChecks.text(input, op.column(), "splitting");
        Pattern pattern = op.regex() ? Checks.regex(op.separator()) : Pattern.compile(Pattern.quote(op.separator()));
        Column<?> source = input.column(op.column());
        int parts = op.into().size();
        Map<String, Integer> index = new java.util.HashMap<>();
        List<List<String>> distinct = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            distinct.add(new ArrayList<>());
        }
        int[] codes = new int[source.size()];
        for (int r = 0; r < source.size(); r++) {
            if (source.isMissing(r)) {
                codes[r] = -1;
                continue;
            }
            String text = source.getString(r);
            Integer code = index.get(text);
            if (code == null) {
                code = index.size();
                index.put(text, code);
                String[] split = pattern.split(text, parts);
                for (int i = 0; i < parts; i++) {
                    distinct.get(i).add(SplitColumn.piece(split, i));
                }
            }
            codes[r] = code;
        }
        List<ColumnType> types = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            types.add(TypeConversion.fromCodes(op.into().get(i), distinct.get(i), codes, null).info().type());
        }
        return new SplitColumn(op.column(), op.separator(), op.regex(), op.into(), op.keepOriginal(), types);
    }
}
