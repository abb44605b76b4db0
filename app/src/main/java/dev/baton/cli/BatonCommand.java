package dev.baton.cli;

import dev.baton.util.CancelledException;
import dev.baton.util.UserException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The top-level command: {@code java -jar baton.jar <command>}. Exit codes: 0 ok, 1 failed check or bad input, 2 usage. */
@Command(name = "baton", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, versionProvider = VersionProvider.class,
        description = "Baton: a workbench for data scientists. Without a command, opens the window.")
public final class BatonCommand implements Runnable {

    /** The commands in the order help lists them. */
    private static final Map<String, Class<?>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("gui", GuiCommand.class);
        COMMANDS.put("profile", ProfileCommand.class);
        COMMANDS.put("clean", CleanCommand.class);
        COMMANDS.put("train", TrainCommand.class);
        COMMANDS.put("report", ReportCommand.class);
        COMMANDS.put("bundle", BundleCommand.class);
        COMMANDS.put("run", RunCommand.class);
        COMMANDS.put("bench", BenchCommand.class);
        COMMANDS.put("help", CommandLine.HelpCommand.class);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }

    public static int execute(String[] args) {
        return commandLine(args).execute(args);
    }

    /**
     * Commands that run on the scorer alone (a bundle scored, checked, served): they build no Tablesaw table unless
     * they read from a database, which starts Tablesaw's initialisation itself.
     */
    public static boolean scorerOnly(String[] args) {
        return args.length > 1 && args[0].equals("bundle") && SCORER_COMMANDS.contains(args[1]);
    }

    private static final java.util.Set<String> SCORER_COMMANDS = java.util.Set.of("inspect", "verify", "score", "serve", "drift", "evaluate");

    /** Commands that keep the JVM alive after returning (the window, a server). */
    public static boolean keepsRunning(String[] args) {
        return args.length > 0 && (args[0].equals("gui") || (args[0].equals("bundle") && args.length > 1 && args[1].equals("serve")));
    }

    /**
     * The command line for these arguments. When they start with a command other than help, only that command is
     * built: picocli reads every command's annotations up front, and for all of them that is a tenth of a second
     * of a one-shot command's start. Anything else (help, a typo, top-level options) gets them all.
     */
    static CommandLine commandLine(String... args) {
        // Picocli's factory otherwise looks for Groovy on the classpath: a class Baton does not have, so the JVM
        // opens and searches every one of its ~140 jars first (0.15 s of each start). Picocli documents the switch.
        if (System.getProperty("picocli.disable.closures") == null) {
            System.setProperty("picocli.disable.closures", "true");
        }
        CommandLine cl = new CommandLine(new BatonCommand());
        String first = args.length > 0 ? args[0] : "";
        if (COMMANDS.containsKey(first) && !first.equals("help")) {
            cl.addSubcommand(first, COMMANDS.get(first));
        } else {
            COMMANDS.forEach(cl::addSubcommand);
        }
        cl.setExecutionExceptionHandler(new FailureHandler());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    /**
     * A failure nobody foresaw, as one paragraph for the person at the terminal: what happened in a word, that it is
     * Baton's fault, and how to get the details for a report. No stack trace (-Dbaton.debug=true shows it).
     */
    public static String unexpected(Throwable e) {
        String what = e instanceof StackOverflowError ? "the input is nested too deeply to process"
                : e instanceof OutOfMemoryError ? "it ran out of memory (the JVM may use at most "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB; give a larger -Xmx if the input is legitimately this big)"
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + abbreviate(e.getMessage()));
        return "baton: the command stopped on a problem Baton did not expect (" + what + "). No output file was left half-written. "
                + "If the input looks fine, please report this with the command you ran; java -Dbaton.debug=true -jar ... shows the details.";
    }

    private static String abbreviate(String s) {
        String line = s.strip().replaceAll("\\s+", " ");
        return line.length() > 300 ? line.substring(0, 297) + "..." : line;
    }

    /** The first problem in the cause chain that was written for the user, or null. */
    private static UserException userCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UserException u) {
                return u;
            }
        }
        return null;
    }

    /**
     * A class, not a method reference: the class-data archive cannot hold a lambda of a picocli interface (Java 5
     * class files), and making one at archive time would leave picocli's main class out of it too.
     */
    private static final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
            PrintWriter err = cl.getErr();
            UserException told = userCause(e);
            if (told != null) {
                // Also through a stream's IOException: a database that failed mid-read says why in words.
                err.println("baton: " + told.getMessage());
            } else if (e instanceof CancelledException) {
                err.println("baton: cancelled");
            } else {
                err.println(unexpected(e));
                if (Boolean.getBoolean("baton.debug")) {
                    e.printStackTrace(err);
                }
            }
            err.flush();
            return 1;
        }
    }
}
