package org.medino.cli;

import java.io.PrintWriter;
import org.medino.MedinoException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code medino} command: parses, calls the library, prints. Errors a user can fix are one line. */
@Command(
        name = "medino",
        mixinStandardHelpOptions = true,
        version = "medino 0.1.0",
        description = "DINOv2-family foundation models for medical images.",
        subcommands = {DemoCommand.class, EmbedCommand.class, ForwardCommand.class, InfoCommand.class, ExportCommand.class, DataCommand.class, EvalCommand.class, ScoreCommand.class, ModelsCommand.class, SegmentCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @Option(names = "--debug", description = "Show stack traces for errors.", scope = CommandLine.ScopeType.INHERIT)
    static boolean debug;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "name a command (try: medino demo, or medino --help)");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (0 ok, 1 error, 2 usage). */
    public static int execute(String... args) {
        Engine.configure();
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(Main::handle);
        return cli.execute(args);
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (debug) {
            e.printStackTrace(err);
        }
        if (e instanceof MedinoException) {
            err.println("medino: error: " + e.getMessage());
        } else {
            err.println("medino: internal error: " + e + (debug ? "" : " (run with --debug for details)"));
        }
        err.flush();
        return 1;
    }
}
