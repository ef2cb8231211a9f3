package org.reelforge.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@link Assembler} on the ffmpeg command line. {@link #render} makes one video encode (x264, preset
 * configurable) after a cheap audio-only pass that measures loudness for a two-pass, linear loudnorm to
 * {@value #TARGET_LUFS} LUFS / {@value #TRUE_PEAK_LIMIT} dBTP. The returned loudness is measured on the
 * written file with ebur128. Thread-safe; calls block for the length of the encode.
 */
public final class FfmpegAssembler implements Assembler {
    static final double TARGET_LUFS = -14.0;
    /**
     * What loudnorm's limiter aims at. The published ceiling is {@value #TRUE_PEAK_CEILING} dBTP, but resampling
     * to 48 kHz and AAC encoding raise true peaks again: measured here +0.5 to +0.6 dB on espeak-ng speech,
     * and a CI machine once saw -0.9 dBTP with a -1.5 aim. One dB of headroom keeps the ceiling.
     */
    static final double TRUE_PEAK_LIMIT = -2.0;
    /** The true peak a delivered file may reach (SPEC §5: loudness -14 LUFS, true peak at most -1 dBTP). */
    static final double TRUE_PEAK_CEILING = -1.0;
    /** Where a file over the ceiling is brought back to by {@link #lowerTruePeak}. */
    private static final double TRUE_PEAK_REPAIR_AIM = -1.5;
    private static final double TARGET_LRA = 11.0;

    private final Ffmpeg ffmpeg;
    private final String x264Preset;

    /** @param x264Preset e.g. {@code veryfast} (default), {@code faster}, {@code medium} */
    public FfmpegAssembler(Ffmpeg ffmpeg, String x264Preset) {
        this.ffmpeg = Objects.requireNonNull(ffmpeg, "ffmpeg");
        this.x264Preset = Objects.requireNonNull(x264Preset, "x264Preset");
        if (!x264Preset.matches("[a-z]+")) {
            throw new IllegalArgumentException("x264 preset must be a preset name such as veryfast, got \"" + x264Preset + "\"");
        }
    }

    public FfmpegAssembler(Ffmpeg ffmpeg) {
        this(ffmpeg, "veryfast");
    }

    @Override
    public Joined joinAudio(List<Input> inputs, Path workDir) {
        requireInputs(inputs);
        AssemblyGraph graph = new AssemblyGraph(inputs, probeAll(inputs));
        Path target = prepare(workDir).resolve("joined.wav");
        Path temp = partOf(target);
        List<String> args = inputArgs(inputs, graph);
        args.addAll(List.of("-filter_complex", graph.audio() + ";[acat]aresample=16000,aformat=sample_fmts=s16:channel_layouts=mono[aout]",
                "-map", "[aout]", "-c:a", "pcm_s16le", "-f", "wav", Ffmpeg.fileArg(temp)));
        ffmpeg.ffmpeg("join the audio of " + inputs.size() + " clips", workDir, args);
        moveIntoPlace(temp, target);
        return new Joined(target, starts(inputs), inputs.stream().mapToLong(Input::durationMillis).sum());
    }

    @Override
    public Rendered render(List<Input> inputs, Joined joined, Path captionsAss, Path target, Path workDir) {
        requireInputs(inputs);
        long started = System.nanoTime();
        prepare(workDir);
        boolean withCaptions = captionsAss != null;
        if (withCaptions) {
            copyCaptions(captionsAss, workDir);
        }
        AssemblyGraph graph = new AssemblyGraph(inputs, probeAll(inputs));
        Loudness measured = measureMix(inputs, graph, workDir);
        Path temp = partOf(target);
        List<String> args;
        String filters;
        if (graph.canStream()) {
            args = streamedInputs(inputs, workDir);
            filters = graph.streamed(withCaptions, !graph.voiceOvers().isEmpty());
        } else {
            args = inputArgs(inputs, graph);
            filters = graph.video(withCaptions);
        }
        args.addAll(List.of("-filter_complex", filters + ";[acat]" + loudnorm(measured) + "[aout]",
                "-map", "[vout]", "-map", "[aout]"));
        args.addAll(encoding(temp));
        ffmpeg.ffmpeg("render " + inputs.size() + " clips into " + target.getFileName(), workDir, args);
        Loudness result = Loudness.measure(ffmpeg, temp);
        if (result.truePeakDbtp() > TRUE_PEAK_CEILING) {
            result = lowerTruePeak(temp, result);
        }
        moveIntoPlace(temp, target);
        long renderMillis = (System.nanoTime() - started) / 1_000_000;
        return new Rendered(target, Probe.of(ffmpeg, target).durationMillis(), result.integratedLufs(),
                result.truePeakDbtp(), renderMillis);
    }

    /**
     * Safety net for the rare encode whose true peak still ends over the ceiling: the audio alone is
     * re-encoded with a fixed gain cut (the video stream is copied, not re-encoded), so the file keeps its
     * loudness within a few tenths of a LU and its peaks under {@value #TRUE_PEAK_CEILING} dBTP.
     */
    Loudness lowerTruePeak(Path file, Loudness measured) {
        double cut = TRUE_PEAK_REPAIR_AIM - measured.truePeakDbtp();
        Path lowered = file.resolveSibling(file.getFileName() + ".peak");
        List<String> args = new ArrayList<>(List.of("-i", Ffmpeg.fileArg(file), "-map", "0:v:0", "-map", "0:a:0",
                "-c:v", "copy", "-af", String.format(Locale.ROOT, "volume=%.2fdB", cut),
                "-c:a", "aac", "-b:a", "160k", "-ar", "48000", "-ac", "2",
                "-movflags", "+faststart", "-f", "mp4", Ffmpeg.fileArg(lowered)));
        ffmpeg.ffmpeg(String.format(Locale.ROOT, "lower the true peak of %s from %.1f dBTP", file.getFileName(),
                measured.truePeakDbtp()), null, args);
        moveIntoPlace(lowered, file);
        return Loudness.measure(ffmpeg, file);
    }

    @Override
    public void thumbnail(Path video, Path target) {
        Probe probe = Probe.of(ffmpeg, video);
        double at = Math.min(1.0, probe.durationMillis() / 2000.0);
        Path temp = partOf(target);
        ffmpeg.ffmpeg("take a thumbnail of " + video.getFileName(), null, List.of(
                "-ss", String.format(Locale.ROOT, "%.3f", at), "-i", Ffmpeg.fileArg(video), "-frames:v", "1",
                "-q:v", "3", "-c:v", "mjpeg", "-f", "image2", "-update", "1", Ffmpeg.fileArg(temp)));
        moveIntoPlace(temp, target);
    }

    /** Pass 1: the mixed audio alone through loudnorm in measuring mode (no video decode). */
    private Loudness measureMix(List<Input> inputs, AssemblyGraph graph, Path workDir) {
        List<String> args = inputArgs(inputs, graph);
        args.addAll(List.of("-filter_complex", graph.audio() + String.format(Locale.ROOT,
                        ";[acat]loudnorm=I=%.1f:TP=%.1f:LRA=%.1f:print_format=json[aout]", TARGET_LUFS, TRUE_PEAK_LIMIT, TARGET_LRA),
                "-map", "[aout]", "-f", "null", "-"));
        Ffmpeg.Run run = ffmpeg.ffmpeg("measure the loudness of the mixed audio of " + inputs.size() + " clips", workDir, args);
        return Loudness.parseLoudnorm(run.stderr(), false);
    }

    /** Pass 2 filter: linear gain from the measured values; silence passes through untouched. */
    static String loudnorm(Loudness measured) {
        if (!measured.isAudible()) {
            return "anull";
        }
        double lra = Math.min(50, Math.max(TARGET_LRA, Math.ceil(measured.rangeLu() + 1)));
        return String.format(Locale.ROOT, "loudnorm=I=%.1f:TP=%.1f:LRA=%.1f:measured_I=%.2f:measured_TP=%.2f:"
                        + "measured_LRA=%.2f:measured_thresh=%.2f:offset=%.2f:linear=true:print_format=summary,aresample=48000",
                TARGET_LUFS, TRUE_PEAK_LIMIT, lra, measured.integratedLufs(), measured.truePeakDbtp(),
                measured.rangeLu(), measured.thresholdLufs(), measured.offsetLu());
    }

    private List<String> encoding(Path temp) {
        return new ArrayList<>(List.of("-c:v", "libx264", "-preset", x264Preset, "-profile:v", "high", "-crf", "21",
                "-pix_fmt", "yuv420p", "-r", String.valueOf(AssemblyGraph.FPS), "-c:a", "aac", "-b:a", "160k",
                "-ar", "48000", "-ac", "2", "-movflags", "+faststart", "-f", "mp4", Ffmpeg.fileArg(temp)));
    }

    private static List<String> inputArgs(List<Input> inputs, AssemblyGraph graph) {
        List<String> args = new ArrayList<>();
        for (Input input : inputs) {
            args.addAll(List.of("-i", Ffmpeg.fileArg(input.clip())));
        }
        for (Path voiceOver : graph.voiceOvers()) {
            args.addAll(List.of("-i", Ffmpeg.fileArg(voiceOver)));
        }
        return args;
    }

    /** The clips (and voice-overs) as ffconcat playlists, read one file after another. */
    private static List<String> streamedInputs(List<Input> inputs, Path workDir) {
        List<ConcatList.Entry> clips = inputs.stream()
                .map(i -> new ConcatList.Entry(i.clip(), i.offsetMillis(), i.durationMillis())).toList();
        List<String> args = new ArrayList<>(playlist(ConcatList.write(clips, workDir.resolve("clips.ffconcat"))));
        if (inputs.stream().anyMatch(i -> i.voiceOver() != null)) {
            List<ConcatList.Entry> voices = inputs.stream()
                    .map(i -> new ConcatList.Entry(i.voiceOver(), 0, i.durationMillis())).toList();
            args.addAll(playlist(ConcatList.write(voices, workDir.resolve("voices.ffconcat"))));
        }
        return args;
    }

    private static List<String> playlist(Path list) {
        return List.of("-f", "concat", "-safe", "0", "-segment_time_metadata", "1", "-i", Ffmpeg.fileArg(list));
    }

    private List<Probe> probeAll(List<Input> inputs) {
        return inputs.stream().map(input -> requireVideo(input, Probe.of(ffmpeg, input.clip()))).toList();
    }

    private static Probe requireVideo(Input input, Probe probe) {
        if (!probe.hasVideo()) {
            throw new MediaException("block " + input.blockIndex() + " clip " + input.clip() + " has no video stream");
        }
        return probe;
    }

    private static void requireInputs(List<Input> inputs) {
        if (inputs == null || inputs.isEmpty()) {
            throw new MediaException("nothing to assemble: no clip was given");
        }
        for (Input input : inputs) {
            if (input.durationMillis() <= 0 || input.offsetMillis() < 0) {
                throw new MediaException("block " + input.blockIndex() + " has a bad window: offset "
                        + input.offsetMillis() + " ms, duration " + input.durationMillis() + " ms");
            }
        }
    }

    private static List<Long> starts(List<Input> inputs) {
        List<Long> starts = new ArrayList<>();
        long at = 0;
        for (Input input : inputs) {
            starts.add(at);
            at += input.durationMillis();
        }
        return starts;
    }

    private static void copyCaptions(Path captionsAss, Path workDir) {
        Path inWorkDir = workDir.resolve(AssemblyGraph.CAPTIONS_FILE);
        try {
            if (!Files.exists(inWorkDir) || !Files.isSameFile(captionsAss, inWorkDir)) {
                Files.copy(captionsAss, inWorkDir, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new MediaException("could not copy captions " + captionsAss + " into " + workDir + ": " + e.getMessage(), e);
        }
    }

    private static Path prepare(Path workDir) {
        try {
            return Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new MediaException("could not create work directory " + workDir + ": " + e.getMessage(), e);
        }
    }

    static Path partOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".part");
    }

    static void moveIntoPlace(Path temp, Path target) {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new MediaException("could not rename " + temp + " to " + target + ": " + e.getMessage(), e);
        }
    }
}
