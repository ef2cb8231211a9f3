package org.reelforge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.cli.ExitCodes;
import org.reelforge.cli.ReelForgeCli;

/** What a person sees when a command goes wrong: the exit code and a message naming the option and the rule. */
class CliExitCodesIT {
    @TempDir
    Path data;

    private record Run(int code, String out, String err) {
    }

    private Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = ReelForgeCli.execute(d -> ReelForge.open(Config.from(d, env)), args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private Run run(String... args) {
        return run(Map.of(), args);
    }

    @Test
    void durationOutOfRangeIsAUsageErrorNamingTheOptionAndTheRule() {
        Run r = run("generate", "--theme", "x", "--duration", "5", "--data-dir", data.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--duration", "between 8 and 180", "got 5").doesNotContain("Exception");
    }

    @Test
    void unknownStyleAndEmptyThemeAreUsageErrors() {
        Run style = run("generate", "--theme", "x", "--style", "poetic", "--data-dir", data.toString());
        assertThat(style.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(style.err()).contains("--style", "informative, storytelling, humorous, dramatic, educational");
        Run theme = run("generate", "--theme", "  ", "--data-dir", data.toString());
        assertThat(theme.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(theme.err()).contains("--theme", "required");
        Run type = run("generate", "--theme", "x", "--duration", "abc", "--data-dir", data.toString());
        assertThat(type.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(type.err()).contains("--duration", "abc");
    }

    @Test
    void unknownOrMalformedVideoIdIsNotFound() {
        assertThat(run("status", "vid_20260101_000000_zzzz", "--data-dir", data.toString()).code()).isEqualTo(ExitCodes.NOT_FOUND);
        Run weird = run("status", "../../etc/passwd", "--data-dir", data.toString());
        assertThat(weird.code()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(weird.err()).contains("No video");
        assertThat(run("resume", "vid_20260101_000000_zzzz", "--data-dir", data.toString()).code()).isEqualTo(ExitCodes.NOT_FOUND);
    }

    @Test
    void videoWhoseClipsAllFailEndsWithExitCodeFourAndTheReason() {
        Map<String, String> env = Map.of("REELFORGE_LOCAL_CLIP_FAILURE_RATE", "1", "REELFORGE_FIRST_POLL", "100ms",
                "REELFORGE_POLL_INTERVAL", "100ms");
        Run r = run(env, "generate", "--theme", "x", "--duration", "8", "--quiet", "--data-dir", data.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.VIDEO_FAILED);
        assertThat(r.err()).contains("ended failed", "No clip could be generated", "reelforge retry");
    }
}
