package dev.baton.clean;

import dev.baton.clean.expression.Expression;
import dev.baton.clean.expression.ValueType;
import dev.baton.data.ColumnType;
import dev.baton.data.Dataset;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.columns.Column;

/** Expressions over the workbench's table: each column read as the expression language sees values. */
public final class TableExpressions {

    private TableExpressions() {
    }

    /** Parses and type-checks against the dataset's columns; throws ExpressionException with the position. */
    public static Expression compile(String source, Dataset data) {
        return Expression.compile(source, name -> data.hasColumn(name) ? reader(data, name) : null);
    }

    private static Expression.ColumnReader reader(Dataset data, String name) {
        Column<?> column = data.column(name);
        ColumnType type = data.type(name);
        if (column instanceof NumericColumn<?> numeric) {
            return new Expression.ColumnReader(ValueType.NUMBER, row -> numeric.isMissing(row) ? null : numeric.getDouble(row));
        }
        if (column instanceof BooleanColumn bool) {
            return new Expression.ColumnReader(ValueType.BOOLEAN, row -> bool.isMissing(row) ? null : bool.get(row));
        }
        if (column instanceof DateColumn dates) {
            return new Expression.ColumnReader(ValueType.DATE, row -> dates.isMissing(row) ? null : dates.get(row));
        }
        if (column instanceof DateTimeColumn times) {
            return new Expression.ColumnReader(ValueType.DATETIME, row -> times.isMissing(row) ? null : times.get(row));
        }
        if (type.isString()) {
            return new Expression.ColumnReader(ValueType.TEXT, row -> column.isMissing(row) ? null : column.getString(row));
        }
        throw new IllegalStateException("column type " + type);
    }
}
