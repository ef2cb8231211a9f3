package org.reelforge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.cli.ExitCodes;
import org.reelforge.cli.ReelForgeCli;
import org.reelforge.store.Database;
import org.reelforge.store.JdbiVideoRuns;
import org.reelforge.video.Video;
import org.reelforge.video.VideoStatus;

/**
 * A data directory on a disk that fills up (a small tmpfs the test mounts; as root, which CI is): {@code generate}
 * ends within a minute saying where and how much is free, never hangs — and once room is made, the video resumes and
 * completes with what was done kept.
 */
class DiskFullIT {
    @TempDir
    Path dir;
    private Path data;
    private boolean mounted;

    @BeforeEach
    void mountASmallDisk() throws Exception {
        data = dir.resolve("data");
        Files.createDirectories(data);
        mounted = run("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", data.toString()) == 0;
        assumeTrue(mounted, "mounting a tmpfs needs root (CI runs as root)");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            run("umount", "-l", data.toString());
        }
    }

    @Test
    void aFullDiskEndsTheVideoFastWithWhereAndHowMuchIsFreeAndItResumesOnceThereIsRoom() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldErr = System.err;
        long started = System.nanoTime();
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = generate("generate", "--theme", "Les volcans", "--duration", "8", "--language", "fr", "--quiet",
                    "--out", dir.resolve("out.mp4").toString());
        } finally {
            System.setErr(oldErr);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String said = err.toString(StandardCharsets.UTF_8);
        System.out.println("disk full: generate ended in " + took.toMillis() + " ms with code " + code + ":\n" + said);

        assertThat(took).isLessThan(Duration.ofMinutes(1));
        assertThat(code).isEqualTo(ExitCodes.VIDEO_FAILED);
        assertThat(said).contains("cannot write to " + data.toAbsolutePath()).containsPattern("\\d+ (KB|MB) free");

        assertThat(run("mount", "-o", "remount,size=300m", data.toString())).isZero();
        Video v = onlyVideo();
        assertThat(generate("retry", v.id().value())).isEqualTo(ExitCodes.DONE);
        assertThat(onlyVideo().status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(onlyVideo().failureReason()).isNull();
    }

    private int generate(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data-dir";
        all[args.length + 1] = data.toString();
        Map<String, String> env = Map.of("REELFORGE_LOG_LEVEL", "error");
        return ReelForgeCli.execute(d -> ReelForge.open(Config.from(d, env)), all);
    }

    private Video onlyVideo() {
        try (Database db = Database.sqlite(data)) {
            return new JdbiVideoRuns(db).page(null, null, 0, 1).get(0);
        }
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }
}
