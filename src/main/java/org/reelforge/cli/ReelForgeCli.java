package org.reelforge.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.reelforge.ReelForgeException;
import org.reelforge.video.ConflictException;
import org.reelforge.video.NotFoundException;
import org.reelforge.video.InvalidRequestException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code reelforge} command line: make videos, follow them, act on them. */
@Command(name = "reelforge", mixinStandardHelpOptions = true, version = "ReelForge 0.1.0",
        description = "Self-hosted AI short-video factory.",
        subcommands = {GenerateCommand.class, StatusCommand.class, ListCommand.class, ResumeCommand.class,
                RetryCommand.class, MonitorCommand.class, ResetClipCommand.class, RegenerateCommand.class,
                CancelCommand.class, DeleteCommand.class, ScriptCommand.class, ApproveCommand.class, FinalizeCommand.class,
                CaptionsCommand.class, MediaCommand.class, MusicCommand.class, VoicesCommand.class,
                ServeCommand.class, WorkerCommand.class, UserCommand.class,
                ProvidersCommand.class, BackupCommand.class, ArtifactsCommand.class,
                CommandLine.HelpCommand.class})
public final class ReelForgeCli implements Runnable {
    /** Request fields as the user typed them on the command line. */
    /** Request fields whose option is not the field's own name in kebab case. */
    private static final Map<String, String> OPTION_OF_FIELD = Map.of("target_duration", "--duration",
            "budget_usd", "--budget", "script", "--script");
    private final Function<Path, Workspace> workspaces;

    public ReelForgeCli(Function<Path, Workspace> workspaces) {
        this.workspaces = workspaces;
    }

    Workspace open(Path dataDir) {
        return workspaces.apply(dataDir);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Runs the command line and returns the exit code (0 done, 2 usage, 3 not found, 4 video failed). */
    public static int execute(Function<Path, Workspace> workspaces, String... args) {
        CommandLine cli = new CommandLine(new ReelForgeCli(workspaces));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> report(e, cmd.getErr()));
        return cli.execute(args);
    }

    /** The option a request field comes from ({@code caption_style} → {@code --caption-style}); other names as they are. */
    static String option(String field) {
        if (field == null || field.startsWith("-") || !field.matches("[a-z][a-z_]*")) {
            return String.valueOf(field);
        }
        return OPTION_OF_FIELD.getOrDefault(field, "--" + field.replace('_', '-'));
    }

    private static int report(Exception e, PrintWriter err) {
        if (e instanceof InvalidRequestException invalid) {
            String option = option(invalid.field());
            err.println("Invalid " + option + ": " + invalid.rule());
            return ExitCodes.USAGE;
        }
        if (e instanceof NotFoundException) {
            err.println(e.getMessage());
            return ExitCodes.NOT_FOUND;
        }
        if (e instanceof ConflictException) {
            err.println(e.getMessage());
            return ExitCodes.USAGE;
        }
        if (e instanceof VideoWaiter.UnsavedFailure) {
            err.println(e.getMessage());
            return ExitCodes.VIDEO_FAILED;
        }
        if (e instanceof ReelForgeException) {
            err.println("Error: " + e.getMessage());
            return ExitCodes.ERROR;
        }
        err.println("Unexpected error: " + e);
        e.printStackTrace(err);
        return ExitCodes.ERROR;
    }
}
