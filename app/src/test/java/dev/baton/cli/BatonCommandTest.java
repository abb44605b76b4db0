package dev.baton.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The top level: a command builds only itself, and help still knows every command. */
class BatonCommandTest {

    @Test
    void helpListsEveryCommandInOrder() {
        Cli cli = Cli.run("--help");
        assertThat(cli.exit()).isZero();
        assertThat(cli.out()).containsSubsequence("gui", "profile", "clean", "train", "report", "bundle", "run", "bench", "help");
    }

    @Test
    void anUnexpectedFailureIsOneParagraphWithoutAStackTrace() {
        for (Throwable t : new Throwable[]{new NullPointerException("x is null"), new StackOverflowError(), new OutOfMemoryError(),
                new IllegalStateException("line one\n\tat some.Class.method(Class.java:1)\n" + "y".repeat(5_000))}) {
            String message = BatonCommand.unexpected(t);
            assertThat(message).startsWith("baton: the command stopped on a problem Baton did not expect").doesNotContain("\n")
                    .doesNotContain("\tat ").contains("-Dbaton.debug=true");
            assertThat(message.length()).isLessThan(700);
        }
        assertThat(BatonCommand.unexpected(new StackOverflowError())).contains("nested too deeply");
    }

    @Test
    void aCommandBuildsOnlyItself() {
        assertThat(BatonCommand.commandLine("profile", "x.csv").getSubcommands()).containsOnlyKeys("profile");
        assertThat(BatonCommand.commandLine("help", "profile").getSubcommands()).hasSize(9);
        assertThat(BatonCommand.commandLine().getSubcommands()).hasSize(9);
    }

    @Test
    void theScorersCommandsAreBundleCommandsThatExist() {
        var bundle = BatonCommand.commandLine("bundle").getSubcommands().get("bundle").getSubcommands();
        for (String name : new String[]{"inspect", "verify", "score", "serve", "drift", "evaluate"}) {
            assertThat(bundle).containsKey(name);
            assertThat(BatonCommand.scorerOnly(new String[]{"bundle", name, "b.baton"})).as(name).isTrue();
        }
        // export reads a project (a dataset: Tablesaw), as do the workbench's own commands
        assertThat(BatonCommand.scorerOnly(new String[]{"bundle", "export", "p"})).isFalse();
        assertThat(BatonCommand.scorerOnly(new String[]{"profile", "x.csv"})).isFalse();
        assertThat(BatonCommand.scorerOnly(new String[]{"bundle"})).isFalse();
    }

    @Test
    void helpForOneCommandAndSuggestionsForTypos() {
        Cli help = Cli.run("help", "profile");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: baton profile").contains("--json");
        assertThat(Cli.run("profile", "--help").out()).contains("Usage: baton profile").contains("--full");
        Cli typo = Cli.run("profil", "x.csv");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).contains("Did you mean").contains("profile");
    }
}
