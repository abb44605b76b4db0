package dev.baton.cli;

import dev.baton.ui.Launcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Opens the window, optionally with a dataset or project. */
@Command(name = "gui", description = "Open the workbench window (the default without a command).")
final class GuiCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "A data file or a .baton-project folder to open.")
    Path file;

    @Option(names = "--screenshot", paramLabel = "PNG",
            description = "Once FILE is shown, save a screenshot of the window to PNG and quit (exit 1 if it could not be opened).")
    Path screenshot;

    @Override
    public Integer call() {
        Launcher.launch(new Launcher.Options(file, screenshot));
        return 0;
    }
}
