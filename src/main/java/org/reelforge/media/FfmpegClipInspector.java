package org.reelforge.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@link ClipInspector} with ffprobe (length, streams) and one decode pass of ffmpeg that stops at the first error. */
public final class FfmpegClipInspector implements ClipInspector {
    private final Ffmpeg ffmpeg;

    public FfmpegClipInspector(Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    @Override
    public Inspection look(Path clip) {
        if (!Files.isRegularFile(clip)) {
            return Inspection.bad("the file " + clip.getFileName() + " is missing");
        }
        Probe probe;
        try {
            probe = Probe.of(ffmpeg, clip);
        } catch (MediaException e) {
            return Inspection.bad("ffprobe cannot read it (" + firstLine(e.getMessage()) + ")");
        }
        if (!probe.hasVideo() || probe.durationMillis() <= 0) {
            return Inspection.bad("it has no video stream");
        }
        return new Inspection(true, probe.durationMillis(), probe.hasAudio(), null);
    }

    @Override
    public Inspection inspect(Path clip) {
        Inspection looked = look(clip);
        if (!looked.usable()) {
            return looked;
        }
        try {
            ffmpeg.ffmpeg("decode " + clip.getFileName() + " to check it", null, List.of("-v", "error", "-xerror",
                    "-i", Ffmpeg.fileArg(clip), "-f", "null", "-"));
        } catch (MediaException e) {
            return Inspection.bad("it does not decode (" + firstLine(e.getMessage()) + ")");
        }
        return looked;
    }

    @Override
    public void frame(Path clip, long atMillis, Path png) {
        long at = Math.max(0, atMillis);
        ffmpeg.ffmpeg("take a frame of " + clip.getFileName(), null, List.of("-v", "error", "-y", "-ss",
                String.format(java.util.Locale.ROOT, "%.3f", at / 1000.0), "-i", Ffmpeg.fileArg(clip), "-frames:v", "1",
                "-update", "1", Ffmpeg.fileArg(png)));
        if (!Files.isRegularFile(png)) {
            ffmpeg.ffmpeg("take the last frame of " + clip.getFileName(), null, List.of("-v", "error", "-y",
                    "-sseof", "-0.5", "-i", Ffmpeg.fileArg(clip), "-frames:v", "1", "-update", "1", Ffmpeg.fileArg(png)));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }
}
