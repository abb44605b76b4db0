package dev.baton.data;

/** The kinds of column Baton tells apart: in the workbench each maps onto one Tablesaw column class, in a scored batch onto a number or text column. */
public enum ColumnType {
    INTEGER("integer"),
    DECIMAL("decimal"),
    BOOLEAN("boolean"),
    DATE("date"),
    DATETIME("date-time"),
    /** Few distinct strings: a label, a code, a group. */
    CATEGORICAL("categorical"),
    /** Free text or identifiers: many distinct strings. */
    TEXT("text");

    private final String label;

    ColumnType(String label) {
        this.label = label;
    }

    /** The name in files and messages: "date-time", "categorical". */
    @com.fasterxml.jackson.annotation.JsonValue
    public String label() {
        return label;
    }

    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL;
    }

    public boolean isString() {
        return this == CATEGORICAL || this == TEXT;
    }

    public boolean isTemporal() {
        return this == DATE || this == DATETIME;
    }

    /** Accepts the enum name or its label, case-insensitively ("date-time", "DATETIME", "Decimal"). */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static ColumnType parse(String text) {
        String t = text.trim();
        for (ColumnType type : values()) {
            if (type.name().equalsIgnoreCase(t) || type.label.equalsIgnoreCase(t)) {
                return type;
            }
        }
        if (t.equalsIgnoreCase("numeric") || t.equalsIgnoreCase("double") || t.equalsIgnoreCase("float")) {
            return DECIMAL;
        }
        if (t.equalsIgnoreCase("int") || t.equalsIgnoreCase("long")) {
            return INTEGER;
        }
        if (t.equalsIgnoreCase("string")) {
            return TEXT;
        }
        throw new IllegalArgumentException("Unknown column type '" + text + "'; expected one of "
                + java.util.Arrays.stream(values()).map(ColumnType::label).toList());
    }

    @Override
    public String toString() {
        return label;
    }
}
