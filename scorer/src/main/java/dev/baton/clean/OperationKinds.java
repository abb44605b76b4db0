package dev.baton.clean;

import java.util.Map;

/**
 * Recipe step kinds by the names recipe files give them ("fill-missing"). Found with {@link java.util.ServiceLoader}:
 * the scorer knows the row-wise steps a bundle may carry, and the workbench adds the whole-table ones, so a bundle
 * holding a whole-table step is refused by name.
 */
public interface OperationKinds {

    /** Each kind's name and class, in the order they are listed to people. */
    Map<String, Class<? extends Operation>> kinds();
}
