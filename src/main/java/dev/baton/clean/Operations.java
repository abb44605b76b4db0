package dev.baton.clean;

import com.fasterxml.jackson.annotation.JsonSubTypes;

/** Facts about operation classes: their names in recipe files. */
public final class Operations {

    private Operations() {
    }

    /** The name a recipe file uses for this operation ("fill-missing"). */
    public static String name(Operation op) {
        for (JsonSubTypes.Type type : Operation.class.getAnnotation(JsonSubTypes.class).value()) {
            if (type.value() == op.getClass()) {
                return type.name();
            }
        }
        return op.getClass().getSimpleName();
    }
}
