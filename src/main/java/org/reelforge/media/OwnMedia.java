package org.reelforge.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.reelforge.video.Aspect;

/**
 * A user's own picture or footage turned into a block clip, at no provider's cost: exactly the block's length, in
 * the output format (cropped when the shape is close, else fitted with bars), 30 fps H.264 + AAC 48 kHz stereo. A
 * video shorter than the block is looped, a longer one is cut; its sound is kept or replaced by silence. A still
 * image gets a slow zoom and drift across it (Ken Burns). Thread-safe; each call blocks for one ffmpeg run and
 * needs its own {@code workDir}.
 */
public final class OwnMedia {
    private static final Set<String> IMAGE_CODECS = Set.of("png", "mjpeg", "webp", "bmp", "tiff", "jpegls");
    /** The image is drawn this much bigger than the frame, so zoom and drift never show its edges. */
    private static final double IMAGE_MARGIN = 1.5;
    private static final double ZOOM_END = 1.12;

    private final Ffmpeg ffmpeg;
    private final String x264Preset;

    public OwnMedia(Ffmpeg ffmpeg, String x264Preset) {
        this.ffmpeg = Objects.requireNonNull(ffmpeg, "ffmpeg");
        this.x264Preset = Objects.requireNonNull(x264Preset, "x264Preset");
        if (!x264Preset.matches("[a-z]+")) {
            throw new IllegalArgumentException("x264 preset must be a preset name such as veryfast, got \"" + x264Preset + "\"");
        }
    }

    /** What was made: the clip and whether it came from a still image. */
    public record Made(Path file, long durationMillis, boolean fromImage, boolean withSound) {
    }

    /**
     * Whether {@code source} is a still picture (else a video).
     *
     * @throws MediaException when ffmpeg finds no picture in it
     */
    public boolean isImage(Path source) {
        Probe probe = Probe.of(ffmpeg, source);
        if (!probe.hasVideo()) {
            throw new MediaException(source.getFileName() + " is neither a picture nor a video (ffprobe found no video stream)");
        }
        return IMAGE_CODECS.contains(probe.videoCodec()) && probe.durationMillis() < 1_000;
    }

    /**
     * Writes the block clip of {@code source} to {@code target} (temporary name, then rename).
     *
     * @param keepSound keep a video's own sound (ignored for images, which are silent)
     * @throws MediaException when ffmpeg cannot read {@code source} as a picture or a video
     */
    public Made blockClip(Path source, long durationMillis, Aspect aspect, boolean keepSound, Path target, Path workDir) {
        if (durationMillis <= 0) {
            throw new IllegalArgumentException("a block clip needs a positive duration, got " + durationMillis + " ms");
        }
        Probe probe = Probe.of(ffmpeg, source);
        if (!probe.hasVideo()) {
            throw new MediaException(source.getFileName() + " is neither a picture nor a video (ffprobe found no video stream)");
        }
        boolean image = IMAGE_CODECS.contains(probe.videoCodec()) && probe.durationMillis() < 1_000;
        boolean sound = !image && keepSound && probe.hasAudio();
        List<String> args = new ArrayList<>(image
                ? List.of("-loop", "1", "-framerate", String.valueOf(AssemblyGraph.FPS), "-i", Ffmpeg.fileArg(source))
                : List.of("-stream_loop", "-1", "-i", Ffmpeg.fileArg(source)));
        String seconds = AssemblyGraph.seconds(durationMillis);
        if (!sound) {
            args.addAll(List.of("-f", "lavfi", "-i", "anullsrc=r=48000:cl=stereo"));
        }
        String picture = image ? kenBurns(probe, aspect, durationMillis) : footage(probe, aspect);
        String audio = sound ? "[0:a]aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,apad[aout]"
                : "[1:a]anull[aout]";
        Path temp = PartFile.of(target);
        args.addAll(List.of("-filter_complex", "[0:v]" + picture + ",setsar=1,format=yuv420p[vout];" + audio,
                "-map", "[vout]", "-map", "[aout]", "-t", seconds, "-c:v", "libx264", "-preset", x264Preset, "-crf", "20",
                "-pix_fmt", "yuv420p", "-r", String.valueOf(AssemblyGraph.FPS), "-c:a", "aac", "-b:a", "160k", "-ar", "48000",
                "-ac", "2", "-movflags", "+faststart", "-f", "mp4", Ffmpeg.fileArg(temp)));
        createDirectories(workDir);
        ffmpeg.ffmpeg("make block clip of " + source.getFileName(), workDir, args);
        PartFile.moveIntoPlace(temp, target);
        return new Made(target, durationMillis, image, sound);
    }

    private static String footage(Probe probe, Aspect aspect) {
        return AssemblyGraph.fit(probe, aspect) + ",fps=" + AssemblyGraph.FPS;
    }

    /** Scaled to cover a bigger canvas once, then a slow zoom in while drifting from left to right. */
    private static String kenBurns(Probe probe, Aspect aspect, long durationMillis) {
        int w = aspect.width();
        int h = aspect.height();
        int canvasW = even(w * IMAGE_MARGIN);
        int canvasH = even(h * IMAGE_MARGIN);
        long frames = Math.max(1, Math.round(durationMillis / 1000.0 * AssemblyGraph.FPS));
        String zoom = String.format(Locale.ROOT, "1+%.4f*on/%d", ZOOM_END - 1, frames);
        return String.format(Locale.ROOT, "scale=%d:%d:force_original_aspect_ratio=increase,crop=%d:%d,"
                        + "zoompan=z='%s':x='(iw-iw/zoom)*(0.25+0.5*on/%d)':y='(ih-ih/zoom)/2':d=%d:s=%dx%d:fps=%d",
                canvasW, canvasH, canvasW, canvasH, zoom, frames, frames + 1, w, h, AssemblyGraph.FPS);
    }

    private static int even(double value) {
        return 2 * (int) Math.round(value / 2);
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new MediaException("could not create " + dir + ": " + e.getMessage(), e);
        }
    }
}
