package org.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ffmpeg children die with the process that started them, also when it is killed with SIGKILL. */
class ChildProcessesIT {
    @Test
    void ffmpegDoesNotOutliveAParentKilledWithSigkill() throws Exception {
        assertThat(ChildProcesses.kernelBound()).as("setpriv from util-linux is on this machine").isTrue();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process parent = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                SlowFfmpeg.class.getName())).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            ProcessHandle ffmpeg = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> ffmpegUnder(parent.toHandle()), Optional::isPresent).orElseThrow();
            assertThat(ffmpeg.isAlive()).isTrue();

            parent.destroyForcibly();
            parent.waitFor();

            await().atMost(Duration.ofSeconds(5)).until(() -> !ffmpeg.isAlive());
        } finally {
            parent.destroyForcibly();
            parent.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static Optional<ProcessHandle> ffmpegUnder(ProcessHandle parent) {
        return parent.descendants().filter(p -> p.info().command().map(c -> c.endsWith("/ffmpeg")).orElse(false))
                .findFirst();
    }
}
