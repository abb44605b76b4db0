package dev.baton.cli;

import dev.baton.data.ImportOptions;
import picocli.CommandLine;

/** Turns option parsing failures into usage errors (exit 2) with the reason. */
final class Options {

    private Options() {
    }

    static ImportOptions of(CommandLine.Model.CommandSpec spec, ImportOptionsMixin mixin) {
        try {
            return mixin.toOptions();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
