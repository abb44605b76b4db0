package dev.baton.ui.clean;

import dev.baton.data.ColumnType;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** One input of a step's form. */
public record Field(String key, String label, Kind kind, List<?> choices, Function<Object, String> choiceLabel,
                    Predicate<ColumnType> columnFilter, String hint, Object initial) {

    public enum Kind { COLUMN, COLUMNS, TEXT, NUMBER, INTEGER, CHOICE, BOOLEAN, MAPPING, NUMBERS, NAMES }

    static Field column(String key, String label, Predicate<ColumnType> filter) {
        return new Field(key, label, Kind.COLUMN, List.of(), null, filter, null, null);
    }

    static Field columns(String key, String label, Predicate<ColumnType> filter) {
        return new Field(key, label, Kind.COLUMNS, List.of(), null, filter, null, null);
    }

    static Field text(String key, String label, String hint) {
        return new Field(key, label, Kind.TEXT, List.of(), null, null, hint, null);
    }

    static Field number(String key, String label, String hint) {
        return new Field(key, label, Kind.NUMBER, List.of(), null, null, hint, null);
    }

    static Field integer(String key, String label, Object initial) {
        return new Field(key, label, Kind.INTEGER, List.of(), null, null, null, initial);
    }

    static <E> Field choice(String key, String label, List<E> values, Function<E, String> names, E initial) {
        @SuppressWarnings("unchecked")
        Function<Object, String> f = o -> names.apply((E) o);
        return new Field(key, label, Kind.CHOICE, values, f, null, null, initial);
    }

    static Field bool(String key, String label, boolean initial) {
        return new Field(key, label, Kind.BOOLEAN, List.of(), null, null, null, initial);
    }

    static Field mapping(String key, String label) {
        return new Field(key, label, Kind.MAPPING, List.of(), null, null, "one per line: old value = new value", null);
    }

    static Field numbers(String key, String label, String hint) {
        return new Field(key, label, Kind.NUMBERS, List.of(), null, null, hint, null);
    }

    static Field names(String key, String label, String hint) {
        return new Field(key, label, Kind.NAMES, List.of(), null, null, hint, null);
    }

    static final Predicate<ColumnType> ANY = t -> true;
    static final Predicate<ColumnType> NUMERIC = ColumnType::isNumeric;
    static final Predicate<ColumnType> TEXTUAL = ColumnType::isString;
    static final Predicate<ColumnType> TEMPORAL = ColumnType::isTemporal;
}
