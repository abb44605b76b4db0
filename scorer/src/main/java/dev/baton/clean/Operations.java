package dev.baton.clean;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** Facts about operation classes: their names in recipe files. */
public final class Operations {

    private static volatile Map<String, Class<? extends Operation>> byName;

    private Operations() {
    }

    /** Every step kind on the class path, by name: the row-wise ones first. */
    static Map<String, Class<? extends Operation>> kinds() {
        Map<String, Class<? extends Operation>> known = byName;
        if (known == null) {
            Map<String, Class<? extends Operation>> all = new LinkedHashMap<>(new RowOperationKinds().kinds());
            for (OperationKinds more : ServiceLoader.load(OperationKinds.class, Operations.class.getClassLoader())) {
                if (!(more instanceof RowOperationKinds)) {
                    more.kinds().forEach(all::putIfAbsent);
                }
            }
            known = Collections.unmodifiableMap(all);
            byName = known;
        }
        return known;
    }

    /** Whether only the row-wise steps are known: the scorer without the workbench. */
    public static boolean rowWiseOnly() {
        return kinds().size() == new RowOperationKinds().kinds().size();
    }

    /** The names of every step kind, as recipe files spell them. */
    public static List<String> names() {
        return List.copyOf(kinds().keySet());
    }

    /** The class of a step kind, or null when no module on the class path has it. */
    public static Class<? extends Operation> byName(String name) {
        return kinds().get(name);
    }

    /** The name a recipe file uses for this operation ("fill-missing"). */
    public static String name(Operation op) {
        for (Map.Entry<String, Class<? extends Operation>> e : kinds().entrySet()) {
            if (e.getValue() == op.getClass()) {
                return e.getKey();
            }
        }
        return op.getClass().getSimpleName();
    }
}
