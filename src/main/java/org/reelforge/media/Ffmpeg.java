package org.reelforge.media;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs ffmpeg and ffprobe as processes from argument lists, never through a shell. Each run has a
 * purpose (said in error messages), a working directory (so filter graphs can name files by a plain
 * relative name instead of escaping paths) and a timeout. Thread-safe: every call starts its own process
 * and blocks until it ends. A failed or timed-out run raises {@link MediaException} with the purpose, the
 * command and the last stderr lines. Children die with the process that started them, even after a kill -9
 * ({@link ChildProcesses}).
 */
public final class Ffmpeg {
    /** Lines of stderr kept per run: enough for loudnorm/ebur128 summaries printed at the end. */
    static final int KEPT_LINES = 120;
    private static final int LINES_IN_ERRORS = 30;

    private final String ffmpeg;
    private final String ffprobe;
    private final Duration timeout;
    private final Map<String, String> environment;

    /**
     * @param ffmpeg  the ffmpeg executable (a name looked up on PATH or a path)
     * @param ffprobe the ffprobe executable
     * @param timeout how long one run may take before it is killed
     */
    public Ffmpeg(String ffmpeg, String ffprobe, Duration timeout) {
        this(ffmpeg, ffprobe, timeout, Map.of());
    }

    private Ffmpeg(String ffmpeg, String ffprobe, Duration timeout, Map<String, String> environment) {
        this.ffmpeg = Objects.requireNonNull(ffmpeg, "ffmpeg");
        this.ffprobe = Objects.requireNonNull(ffprobe, "ffprobe");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.environment = Map.copyOf(environment);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
    }

    /** The Debian binaries on PATH with a 10-minute timeout per run. */
    public static Ffmpeg onPath() {
        return new Ffmpeg("ffmpeg", "ffprobe", Duration.ofMinutes(10));
    }

    /** A copy with another timeout per run. */
    public Ffmpeg withTimeout(Duration newTimeout) {
        return new Ffmpeg(ffmpeg, ffprobe, newTimeout, environment);
    }

    /**
     * A copy whose processes get these environment variables on top of ours, e.g. {@code FONTCONFIG_FILE} to
     * let libass see another set of fonts.
     */
    public Ffmpeg withEnvironment(Map<String, String> variables) {
        return new Ffmpeg(ffmpeg, ffprobe, timeout, variables);
    }

    /**
     * Runs {@code ffmpeg -hide_banner -nostdin -nostats -y <args>} in {@code workDir}.
     *
     * @param purpose what the run does, in words, e.g. "render final video of 5 clips"
     */
    public Run ffmpeg(String purpose, Path workDir, List<String> args) {
        List<String> command = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-nostats", "-y"));
        command.addAll(args);
        return run(purpose, workDir, command);
    }

    /** Runs {@code ffprobe -v error <args>}; its JSON (or other) answer is in {@link Run#stdout()}. */
    public Run ffprobe(String purpose, List<String> args) {
        List<String> command = new ArrayList<>(List.of(ffprobe, "-v", "error"));
        command.addAll(args);
        return run(purpose, null, command);
    }

    /**
     * How long the ffmpeg children still running when the JVM begins to exit (SIGTERM, Ctrl-C) may go on before they
     * are killed: a graceful stop gives its running steps this long to finish. Zero (the default) kills them at once.
     */
    public static void letChildrenFinishOnExit(Duration grace) {
        ChildProcesses.exitGrace(grace);
    }

    /**
     * An ffmpeg/ffprobe argument naming a file: {@code file:} + the absolute path, so that a colon in
     * the path is never read as a protocol name.
     */
    public static String fileArg(Path file) {
        return "file:" + file.toAbsolutePath();
    }

    private Run run(String purpose, Path workDir, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(ChildProcesses.bound(command));
        builder.environment().putAll(environment);
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        long started = System.nanoTime();
        Process process = start(purpose, builder);
        ChildProcesses.started(process);
        StreamDrain stdout = StreamDrain.all(process.getInputStream());
        StreamDrain stderr = StreamDrain.tail(process.getErrorStream(), KEPT_LINES);
        int exit = await(purpose, command, process);
        Run run = new Run(exit, stdout.text(), stderr.lines(), Duration.ofNanos(System.nanoTime() - started));
        if (exit != 0) {
            throw new MediaException("ffmpeg failed to " + purpose + " (exit " + exit + ")\ncommand: "
                    + String.join(" ", command) + "\n" + run.stderrTail(LINES_IN_ERRORS));
        }
        return run;
    }

    private static Process start(String purpose, ProcessBuilder builder) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new MediaException("could not start " + builder.command().get(0) + " to " + purpose
                    + ": " + e.getMessage(), e);
        }
    }

    private int await(String purpose, List<String> command, Process process) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new MediaException("ffmpeg timed out after " + timeout + " trying to " + purpose
                        + "\ncommand: " + String.join(" ", command));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new MediaException("interrupted while trying to " + purpose, e);
        }
    }

    /**
     * What a finished run said.
     *
     * @param stderr the last {@value #KEPT_LINES} lines of stderr
     */
    public record Run(int exitCode, String stdout, List<String> stderr, Duration elapsed) {
        public Run {
            stderr = List.copyOf(stderr);
        }

        /** The last {@code n} stderr lines joined, for messages. */
        public String stderrTail(int n) {
            return String.join("\n", stderr.subList(Math.max(0, stderr.size() - n), stderr.size()));
        }
    }

    /** Reads a process stream on its own thread so that neither pipe can fill up and block ffmpeg. */
    private static final class StreamDrain {
        private final Thread thread;
        private final Deque<String> lines = new ArrayDeque<>();
        private final int keep;

        private StreamDrain(InputStream in, int keep, String name) {
            this.keep = keep;
            this.thread = new Thread(() -> drain(in), name);
            this.thread.setDaemon(true);
            this.thread.start();
        }

        static StreamDrain all(InputStream in) {
            return new StreamDrain(in, Integer.MAX_VALUE, "ffmpeg-stdout");
        }

        static StreamDrain tail(InputStream in, int keep) {
            return new StreamDrain(in, keep, "ffmpeg-stderr");
        }

        private void drain(InputStream in) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    synchronized (lines) {
                        lines.addLast(line);
                        if (lines.size() > keep) {
                            lines.removeFirst();
                        }
                    }
                }
            } catch (IOException e) {
                // the process was killed (timeout): keep what was read and say why it stops here
                synchronized (lines) {
                    lines.addLast("[stream closed: " + e.getMessage() + "]");
                }
            }
        }

        List<String> lines() {
            join();
            synchronized (lines) {
                return new ArrayList<>(lines);
            }
        }

        String text() {
            return String.join("\n", lines());
        }

        private void join() {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
