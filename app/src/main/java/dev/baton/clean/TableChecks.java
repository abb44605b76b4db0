package dev.baton.clean;

import dev.baton.data.ColumnType;
import dev.baton.data.Dataset;

/** The column checks of the steps that work on the workbench's table, with messages that name the column. */
final class TableChecks {

    private TableChecks() {
    }

    static void numeric(Dataset data, String column, String operation) {
        if (!data.hasColumn(column)) {
            throw StepException.missingColumn(column);
        }
        if (!data.type(column).isNumeric()) {
            throw new StepException(column, "'" + column + "' holds " + data.type(column).label() + " values; "
                    + operation + " needs numbers");
        }
    }

    static void text(Dataset data, String column, String operation) {
        if (!data.hasColumn(column)) {
            throw StepException.missingColumn(column);
        }
        if (!data.type(column).isString()) {
            throw new StepException(column, "'" + column + "' holds " + data.type(column).label() + " values; "
                    + operation + " needs text");
        }
    }

    static void temporal(Dataset data, String column, String operation) {
        if (!data.hasColumn(column)) {
            throw StepException.missingColumn(column);
        }
        ColumnType t = data.type(column);
        if (!t.isTemporal()) {
            throw new StepException(column, "'" + column + "' holds " + t.label() + " values; " + operation + " needs dates");
        }
    }
}
