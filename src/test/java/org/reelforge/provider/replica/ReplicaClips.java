package org.reelforge.provider.replica;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import org.reelforge.media.Ffmpeg;

/** MP4 clips of a given length as a video service returns them (720×1280, 24 fps, AAC tone), made once per length. */
public final class ReplicaClips implements IntFunction<byte[]> {
    private final Path dir;
    private final Map<Integer, byte[]> made = new ConcurrentHashMap<>();

    public ReplicaClips(Path dir) {
        this.dir = dir;
    }

    @Override
    public byte[] apply(int seconds) {
        return made.computeIfAbsent(seconds, this::make);
    }

    private byte[] make(int seconds) {
        Path clip = dir.resolve("replica-" + seconds + "s.mp4");
        Ffmpeg.onPath().ffmpeg("make a " + seconds + " s replica clip", dir, List.of("-y", "-f", "lavfi", "-i",
                "testsrc2=size=720x1280:rate=24:duration=" + seconds, "-f", "lavfi", "-i",
                "sine=frequency=330:duration=" + seconds, "-c:v", "libx264", "-preset", "ultrafast", "-b:v", "300k",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", clip.toString()));
        try {
            return Files.readAllBytes(clip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
