package org.reelforge.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Assembler} on the ffmpeg command line, at the cost of one video encode after the last clip. Each block's
 * sound is prepared as its clip arrives ({@link BlockSound}); {@link #render} then mixes the delivered sound track
 * in Java ({@link SoundMix}: the blocks, the ducked music bed, a linear gain to {@value #TARGET_LUFS} LUFS measured
 * on the mix itself, a peak limiter) and makes one encode (x264, preset configurable) that reads that track and
 * encodes it to AAC alongside the picture. The delivered file is measured with ebur128 (audio only); a file whose
 * true peak still ends over {@value #TRUE_PEAK_CEILING} dBTP gets an audio-only gain cut. Thread-safe; calls block
 * for the length of their ffmpeg runs.
 */
public final class FfmpegAssembler implements Assembler {
    static final double TARGET_LUFS = -14.0;
    /** The true peak a delivered file may reach (SPEC §5: loudness -14 LUFS, true peak at most -1 dBTP). */
    static final double TRUE_PEAK_CEILING = -1.0;
    /** Where a file over the ceiling is brought back to by {@link #lowerTruePeak}. */
    private static final double TRUE_PEAK_REPAIR_AIM = -1.5;
    private static final Logger LOG = LoggerFactory.getLogger(FfmpegAssembler.class);

    private final Ffmpeg ffmpeg;
    private final String x264Preset;
    private final BlockSound blocks;

    /** @param x264Preset e.g. {@code veryfast} (default), {@code faster}, {@code medium} */
    public FfmpegAssembler(Ffmpeg ffmpeg, String x264Preset) {
        this.ffmpeg = Objects.requireNonNull(ffmpeg, "ffmpeg");
        this.x264Preset = Objects.requireNonNull(x264Preset, "x264Preset");
        if (!x264Preset.matches("[a-z]+")) {
            throw new IllegalArgumentException("x264 preset must be a preset name such as veryfast, got \"" + x264Preset + "\"");
        }
        this.blocks = new BlockSound(ffmpeg);
    }

    public FfmpegAssembler(Ffmpeg ffmpeg) {
        this(ffmpeg, "veryfast");
    }

    @Override
    public void prepareClip(Input input, Path workDir) {
        requireInputs(List.of(input));
        blocks.prepare(input, prepare(workDir));
    }

    @Override
    public Joined joinAudio(List<Input> inputs, Path workDir) {
        requireInputs(inputs);
        List<BlockSound.Prepared> prepared = prepareAll(inputs, prepare(workDir));
        Path target = workDir.resolve("joined.wav");
        Path temp = PartFile.of(target);
        try (Wav.Writer out = new Wav.Writer(temp, 1, 16_000)) {
            float[] chunk = new float[1_600];
            for (BlockSound.Prepared block : prepared) {
                copyFrames(block.speech(), block.input().durationMillis() * 16, chunk, out);
            }
        } catch (IOException e) {
            throw new MediaException("could not join the speech of " + inputs.size() + " clips into " + target + ": "
                    + e.getMessage(), e);
        }
        PartFile.moveIntoPlace(temp, target);
        return new Joined(target, starts(inputs), inputs.stream().mapToLong(Input::durationMillis).sum());
    }

    @Override
    public Rendered render(List<Input> inputs, Joined joined, Path captionsAss, Path target, Path workDir) {
        return render(inputs, joined, captionsAss, Look.DEFAULT, target, workDir);
    }

    @Override
    public Rendered render(List<Input> inputs, Joined joined, Path captionsAss, Look look, Path target, Path workDir) {
        requireInputs(inputs);
        long started = System.nanoTime();
        List<BlockSound.Prepared> prepared = prepareAll(inputs, prepare(workDir));
        boolean withCaptions = captionsAss != null && look.burnCaptions();
        if (withCaptions) {
            copyCaptions(captionsAss, workDir);
        }
        SoundMix.Result sound = mixSound(prepared, look, workDir);
        AssemblyGraph graph = new AssemblyGraph(inputs, prepared.stream().map(BlockSound.Prepared::probe).toList(),
                look.aspect());
        encode(inputs, graph, withCaptions, sound.wav(), target, workDir);
        Loudness delivered = Loudness.measure(ffmpeg, target);
        if (delivered.truePeakDbtp() > TRUE_PEAK_CEILING) {
            delivered = lowerTruePeak(target, delivered);
        }
        // INFO, not DEBUG: a delivered loudness off the -14 LUFS target must be explainable from the log afterwards
        LOG.info("{}: mix {} LUFS, gain {} dB, limiter down to {} dB; delivered {} LUFS {} dBTP", target.getFileName(),
                sound.mixLufs(), sound.gainDb(), sound.deepestLimitDb(), delivered.integratedLufs(), delivered.truePeakDbtp());
        long renderMillis = (System.nanoTime() - started) / 1_000_000;
        return new Rendered(target, inputs.stream().mapToLong(Input::durationMillis).sum(), delivered.integratedLufs(),
                delivered.truePeakDbtp(), renderMillis);
    }

    private void encode(List<Input> inputs, AssemblyGraph graph, boolean withCaptions, Path sound, Path target, Path workDir) {
        Path temp = PartFile.of(target);
        List<String> args;
        String video;
        if (graph.canStream()) {
            args = streamedClips(inputs, workDir);
            video = graph.streamedVideo(withCaptions);
        } else {
            args = inputArgs(inputs);
            video = graph.video(withCaptions);
        }
        int soundInput = graph.canStream() ? 1 : inputs.size();
        args.addAll(List.of("-i", Ffmpeg.fileArg(sound), "-filter_complex", video, "-map", "[vout]", "-map", soundInput + ":a:0"));
        args.addAll(List.of("-c:v", "libx264", "-preset", x264Preset, "-profile:v", "high", "-crf", "21",
                "-pix_fmt", "yuv420p", "-r", String.valueOf(AssemblyGraph.FPS)));
        args.addAll(audioEncoding());
        args.addAll(List.of("-movflags", "+faststart", "-f", "mp4", Ffmpeg.fileArg(temp)));
        Ffmpeg.Run run = ffmpeg.ffmpeg("render " + inputs.size() + " clips into " + target.getFileName(), workDir, args);
        Set<Integer> missing = MissingGlyphs.in(run.stderr());
        if (!missing.isEmpty()) {
            LOG.warn("{}: no installed font draws {}; those characters show as boxes in the captions", target.getFileName(),
                    MissingGlyphs.describe(missing));
        }
        PartFile.moveIntoPlace(temp, target);
    }

    private SoundMix.Result mixSound(List<BlockSound.Prepared> prepared, Look look, Path workDir) {
        List<SoundMix.Part> parts = prepared.stream().map(p -> new SoundMix.Part(p.mix(), p.frames48k())).toList();
        Path musicWav = look.music() == null ? null : decodedMusic(look.music(), workDir);
        return new SoundMix(parts, look.music(), musicWav).write(workDir.resolve("sound.wav"));
    }

    /** The music bed as 48 kHz stereo WAV in the work directory, decoded once per track. */
    private Path decodedMusic(MusicBed music, Path workDir) {
        Path wav = workDir.resolve("music.wav");
        Path keyFile = workDir.resolve("music.key");
        String key = music.file().toAbsolutePath() + " " + size(music.file());
        try {
            if (Files.exists(wav) && Files.exists(keyFile) && Files.readString(keyFile).equals(key)) {
                return wav;
            }
            Path temp = PartFile.of(wav);
            ffmpeg.ffmpeg("decode the music " + music.file().getFileName(), workDir, List.of("-i", Ffmpeg.fileArg(music.file()),
                    "-map", "0:a:0", "-ar", "48000", "-ac", "2", "-c:a", "pcm_s16le", "-f", "wav", Ffmpeg.fileArg(temp)));
            PartFile.moveIntoPlace(temp, wav);
            Files.writeString(keyFile, key, StandardCharsets.UTF_8);
            return wav;
        } catch (IOException e) {
            throw new MediaException("could not decode the music " + music.file() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Safety net for the rare sound track whose true peak still ends over the ceiling: it is re-encoded with a fixed
     * gain cut (any video stream is copied), so its peaks end under {@value #TRUE_PEAK_CEILING} dBTP and its
     * loudness moves by the same few tenths of a dB.
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

    /** Blocks not prepared as their clip arrived are prepared now, two at a time (each ffmpeg run is mostly one core). */
    private List<BlockSound.Prepared> prepareAll(List<Input> inputs, Path workDir) {
        return inputs.parallelStream().map(input -> blocks.prepare(input, workDir)).toList();
    }

    private static void copyFrames(Path wav, long frames, float[] chunk, Wav.Writer out) throws IOException {
        try (Wav.Reader in = Wav.Reader.open(wav)) {
            long left = frames;
            boolean ended = false;
            while (left > 0) {
                int wanted = (int) Math.min(chunk.length, left);
                int got = ended ? 0 : in.read(chunk, wanted);
                ended = got < wanted;
                java.util.Arrays.fill(chunk, got, wanted, 0f);
                out.write(chunk, wanted);
                left -= wanted;
            }
        }
    }

    private static List<String> audioEncoding() {
        return List.of("-c:a", "aac", "-b:a", "160k", "-ar", "48000", "-ac", "2");
    }

    private static List<String> inputArgs(List<Input> inputs) {
        List<String> args = new ArrayList<>();
        for (Input input : inputs) {
            args.addAll(List.of("-i", Ffmpeg.fileArg(input.clip())));
        }
        return args;
    }

    /** The clips' pictures as an ffconcat playlist, read one file after another. */
    private static List<String> streamedClips(List<Input> inputs, Path workDir) {
        List<ConcatList.Entry> clips = inputs.stream()
                .map(i -> new ConcatList.Entry(i.clip(), i.offsetMillis(), i.durationMillis())).toList();
        Path list = ConcatList.write(clips, workDir.resolve("clips.ffconcat"));
        return new ArrayList<>(List.of("-f", "concat", "-safe", "0", "-segment_time_metadata", "1", "-i", Ffmpeg.fileArg(list)));
    }

    private static void requireInputs(List<Input> inputs) {
        if (inputs == null || inputs.isEmpty()) {
            throw new MediaException("nothing to assemble: no clip was given");
        }
        for (Input input : inputs) {
            if (input.durationMillis() <= 0 || input.offsetMillis() < 0) {
                throw new MediaException("block " + input.blockIndex() + " has an invalid window: offset "
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

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new MediaException("cannot read the music " + file + ": " + e.getMessage(), e);
        }
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
