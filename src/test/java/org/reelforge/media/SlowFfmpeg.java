package org.reelforge.media;

import java.util.List;

/** A process that runs one long ffmpeg through {@link Ffmpeg}, for {@link ChildProcessesIT} to kill. */
public final class SlowFfmpeg {
    private SlowFfmpeg() {
    }

    public static void main(String[] args) {
        System.out.println("starting ffmpeg");
        Ffmpeg.onPath().ffmpeg("burn time", null, List.of("-f", "lavfi", "-i", "testsrc=size=160x120:rate=5",
                "-t", "600", "-f", "null", "-"));
    }
}
