package dev.baton.cli;

import dev.baton.util.CancelledException;
import dev.baton.util.UserException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The top-level command: {@code java -jar baton.jar <command>}. Exit codes: 0 ok, 1 failed check or bad input, 2 usage. */
@Command(name = "baton", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Baton: a workbench for data scientists. Without a command, opens the window.",
        subcommands = {
            GuiCommand.class,
            ProfileCommand.class,
            CleanCommand.class,
            TrainCommand.class,
            ReportCommand.class,
            BundleCommand.class,
            RunCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class BatonCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }

    public static int execute(String[] args) {
        return commandLine().execute(args);
    }

    /** Commands that keep the JVM alive after returning (the window, a server). */
    public static boolean keepsRunning(String[] args) {
        return args.length > 0 && (args[0].equals("gui") || (args[0].equals("bundle") && args.length > 1 && args[1].equals("serve")));
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new BatonCommand());
        cl.setExecutionExceptionHandler(BatonCommand::handle);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof UserException) {
            err.println("baton: " + e.getMessage());
        } else if (e instanceof CancelledException) {
            err.println("baton: cancelled");
        } else {
            err.println("baton: unexpected error: " + e);
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }
}
