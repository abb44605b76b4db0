package dev.baton.ui.controls;

import javafx.util.StringConverter;

import java.util.function.Function;

/** Shows values in choice boxes by a label of their own (an enum's words, a metric's name); shown, never typed. */
public final class Labels {

    private Labels() {
    }

    public static <T> StringConverter<T> converter(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : label.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
