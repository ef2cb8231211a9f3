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
 * configurable) that copies a sound track mastered beforehand in cheap audio-only passes: the mix is measured,
 * then loudnorm'd to {@value #TARGET_LUFS} LUFS with true peaks under {@value #TRUE_PEAK_CEILING} dBTP, checked
 * on the encoded AAC itself. The returned loudness is measured on the written file with ebur128. Thread-safe;
 * calls block for the length of the encode.
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
    private static final int MASTERING_ATTEMPTS = 3;
    /** Mastering stops once the encoded track is this close to {@value #TARGET_LUFS} LUFS. */
    private static final double MASTERING_TOLERANCE_LU = 0.5;
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
        Path temp = PartFile.of(target);
        List<String> args = inputArgs(inputs, graph.voiceOvers());
        args.addAll(List.of("-filter_complex", graph.audio() + ";[acat]aresample=16000,aformat=sample_fmts=s16:channel_layouts=mono[aout]",
                "-map", "[aout]", "-c:a", "pcm_s16le", "-f", "wav", Ffmpeg.fileArg(temp)));
        ffmpeg.ffmpeg("join the audio of " + inputs.size() + " clips", workDir, args);
        PartFile.moveIntoPlace(temp, target);
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
        Path audio = masterAudio(inputs, graph, workDir);
        Path temp = PartFile.of(target);
        List<String> args;
        String video;
        int audioInput;
        if (graph.canStream()) {
            args = streamedClips(inputs, workDir);
            video = graph.streamedVideo(withCaptions);
            audioInput = 1;
        } else {
            args = inputArgs(inputs, List.of());
            video = graph.video(withCaptions);
            audioInput = inputs.size();
        }
        args.addAll(List.of("-i", Ffmpeg.fileArg(audio), "-filter_complex", video,
                "-map", "[vout]", "-map", audioInput + ":a:0"));
        args.addAll(encoding(temp));
        ffmpeg.ffmpeg("render " + inputs.size() + " clips into " + target.getFileName(), workDir, args);
        PartFile.moveIntoPlace(temp, target);
        Loudness result = Loudness.measure(ffmpeg, target);
        long renderMillis = (System.nanoTime() - started) / 1_000_000;
        return new Rendered(target, Probe.of(ffmpeg, target).durationMillis(), result.integratedLufs(),
                result.truePeakDbtp(), renderMillis);
    }

    /**
     * The delivered sound track, mastered alone before the one video encode (which copies it): the mix is
     * measured, then encoded to AAC through loudnorm and measured again as a listener would hear it. Short,
     * peaky speech makes loudnorm's limiter land up to a LU under its target, and resampling plus AAC raise
     * true peaks by ~0.6 dB, so the aims are corrected from what the encoded file measured, at most
     * {@value #MASTERING_ATTEMPTS} times (audio only: about 2.5 s each for 36 s on 2 cores; usually one is enough).
     */
    private Path masterAudio(List<Input> inputs, AssemblyGraph graph, Path workDir) {
        Loudness mix = measureMix(inputs, graph, workDir);
        Path audio = workDir.resolve("audio.m4a");
        double aimLufs = TARGET_LUFS;
        double aimPeak = TRUE_PEAK_LIMIT;
        Loudness got = encodeAudio(inputs, graph, loudnorm(mix, aimLufs, aimPeak), audio, workDir);
        for (int attempt = 2; attempt <= MASTERING_ATTEMPTS && mix.isAudible() && !onTarget(got); attempt++) {
            aimLufs = Math.max(TARGET_LUFS - 3, Math.min(TARGET_LUFS + 3, aimLufs + TARGET_LUFS - got.integratedLufs()));
            if (got.truePeakDbtp() > TRUE_PEAK_CEILING) {
                aimPeak -= got.truePeakDbtp() - TRUE_PEAK_CEILING + 0.2;
            }
            got = encodeAudio(inputs, graph, loudnorm(mix, aimLufs, aimPeak), audio, workDir);
        }
        if (got.truePeakDbtp() > TRUE_PEAK_CEILING) {
            lowerTruePeak(audio, got);
        }
        return audio;
    }

    private static boolean onTarget(Loudness encoded) {
        return Math.abs(encoded.integratedLufs() - TARGET_LUFS) <= MASTERING_TOLERANCE_LU && encoded.truePeakDbtp() <= TRUE_PEAK_CEILING;
    }

    private Loudness encodeAudio(List<Input> inputs, AssemblyGraph graph, String loudnorm, Path audio, Path workDir) {
        Path temp = PartFile.of(audio);
        List<String> args = inputArgs(inputs, graph.voiceOvers());
        args.addAll(List.of("-filter_complex", graph.audio() + ";[acat]" + loudnorm + "[aout]", "-map", "[aout]"));
        args.addAll(audioEncoding());
        args.addAll(List.of("-f", "mp4", Ffmpeg.fileArg(temp)));
        ffmpeg.ffmpeg("master the sound of " + inputs.size() + " clips", workDir, args);
        PartFile.moveIntoPlace(temp, audio);
        return Loudness.measure(ffmpeg, audio);
    }

    /**
     * Safety net for the rare sound track whose true peak still ends over the ceiling after mastering: it
     * is re-encoded with a fixed gain cut (any video stream is copied), so its peaks end under
     * {@value #TRUE_PEAK_CEILING} dBTP and its loudness moves by the same few tenths of a dB.
     */
    Loudness lowerTruePeak(Path file, Loudness measured) {
        double cut = TRUE_PEAK_REPAIR_AIM - measured.truePeakDbtp();
        Path lowered = file.resolveSibling(file.getFileName() + ".peak");
        List<String> args = new ArrayList<>(List.of("-i", Ffmpeg.fileArg(file), "-map", "0", "-c:v", "copy",
                "-af", String.format(Locale.ROOT, "volume=%.2fdB", cut)));
        args.addAll(audioEncoding());
        args.addAll(List.of("-movflags", "+faststart", "-f", "mp4", Ffmpeg.fileArg(lowered)));
        ffmpeg.ffmpeg(String.format(Locale.ROOT, "lower the true peak of %s from %.1f dBTP", file.getFileName(),
                measured.truePeakDbtp()), null, args);
        PartFile.moveIntoPlace(lowered, file);
        return Loudness.measure(ffmpeg, file);
    }

    @Override
    public void thumbnail(Path video, Path target) {
        Probe probe = Probe.of(ffmpeg, video);
        double at = Math.min(1.0, probe.durationMillis() / 2000.0);
        Path temp = PartFile.of(target);
        ffmpeg.ffmpeg("take a thumbnail of " + video.getFileName(), null, List.of(
                "-ss", String.format(Locale.ROOT, "%.3f", at), "-i", Ffmpeg.fileArg(video), "-frames:v", "1",
                "-q:v", "3", "-c:v", "mjpeg", "-f", "image2", "-update", "1", Ffmpeg.fileArg(temp)));
        PartFile.moveIntoPlace(temp, target);
    }

    /** Pass 1: the mixed audio alone through loudnorm in measuring mode (no video decode). */
    private Loudness measureMix(List<Input> inputs, AssemblyGraph graph, Path workDir) {
        List<String> args = inputArgs(inputs, graph.voiceOvers());
        args.addAll(List.of("-filter_complex", graph.audio() + String.format(Locale.ROOT,
                        ";[acat]loudnorm=I=%.1f:TP=%.1f:LRA=%.1f:print_format=json[aout]", TARGET_LUFS, TRUE_PEAK_LIMIT, TARGET_LRA),
                "-map", "[aout]", "-f", "null", "-"));
        Ffmpeg.Run run = ffmpeg.ffmpeg("measure the loudness of the mixed audio of " + inputs.size() + " clips", workDir, args);
        return Loudness.parseLoudnorm(run.stderr(), false);
    }

    /** Pass 2 filter: linear gain from the measured values; silence passes through untouched. */
    static String loudnorm(Loudness measured) {
        return loudnorm(measured, TARGET_LUFS, TRUE_PEAK_LIMIT);
    }

    private static String loudnorm(Loudness measured, double aimLufs, double aimPeak) {
        if (!measured.isAudible()) {
            return "anull";
        }
        double lra = Math.min(50, Math.max(TARGET_LRA, Math.ceil(measured.rangeLu() + 1)));
        return String.format(Locale.ROOT, "loudnorm=I=%.1f:TP=%.1f:LRA=%.1f:measured_I=%.2f:measured_TP=%.2f:"
                        + "measured_LRA=%.2f:measured_thresh=%.2f:offset=%.2f:linear=true:print_format=summary,aresample=48000",
                aimLufs, aimPeak, lra, measured.integratedLufs(), measured.truePeakDbtp(),
                measured.rangeLu(), measured.thresholdLufs(), measured.offsetLu());
    }

    private List<String> encoding(Path temp) {
        return new ArrayList<>(List.of("-c:v", "libx264", "-preset", x264Preset, "-profile:v", "high", "-crf", "21",
                "-pix_fmt", "yuv420p", "-r", String.valueOf(AssemblyGraph.FPS), "-c:a", "copy",
                "-movflags", "+faststart", "-f", "mp4", Ffmpeg.fileArg(temp)));
    }

    private static List<String> audioEncoding() {
        return List.of("-c:a", "aac", "-b:a", "160k", "-ar", "48000", "-ac", "2");
    }

    private static List<String> inputArgs(List<Input> inputs, List<Path> voiceOvers) {
        List<String> args = new ArrayList<>();
        for (Input input : inputs) {
            args.addAll(List.of("-i", Ffmpeg.fileArg(input.clip())));
        }
        for (Path voiceOver : voiceOvers) {
            args.addAll(List.of("-i", Ffmpeg.fileArg(voiceOver)));
        }
        return args;
    }

    /** The clips' pictures as an ffconcat playlist, read one file after another. */
    private static List<String> streamedClips(List<Input> inputs, Path workDir) {
        List<ConcatList.Entry> clips = inputs.stream()
                .map(i -> new ConcatList.Entry(i.clip(), i.offsetMillis(), i.durationMillis())).toList();
        return new ArrayList<>(playlist(ConcatList.write(clips, workDir.resolve("clips.ffconcat"))));
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


}
