package org.reelforge.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One block's sound, prepared when its clip arrives so that the assembly after the last clip only reads files:
 * the clip's own sound (lowered {@value #UNDER_VOICE_OVER_DB} dB under a voice-over) plus the voice-over, exactly the
 * block's length, as 48 kHz stereo WAV for the mix and as 16 kHz mono WAV for alignment, and the clip's probe.
 * Files live in {@code <workDir>/blocks/<index>/}; a key file records what they were made from, so a changed clip
 * (a regenerated block) is prepared again and an unchanged one never twice.
 */
final class BlockSound {
    static final String UNDER_VOICE_OVER_DB = "-12dB";
    static final String MIX_FILE = "sound.wav";
    static final String SPEECH_FILE = "speech.wav";
    private static final String PROBE_FILE = "probe.json";
    private static final String KEY_FILE = "key";

    private final Ffmpeg ffmpeg;

    BlockSound(Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    /** A block's prepared files. */
    record Prepared(Assembler.Input input, Probe probe, Path mix, Path speech) {
        long frames48k() {
            return input.durationMillis() * 48;
        }
    }

    /** The block's prepared files, made now unless they exist for this very clip, window and voice-over. */
    Prepared prepare(Assembler.Input input, Path workDir) {
        Path dir = workDir.resolve("blocks").resolve(String.valueOf(input.blockIndex()));
        String key = key(input);
        try {
            Files.createDirectories(dir);
            Path keyFile = dir.resolve(KEY_FILE);
            if (Files.exists(keyFile) && Files.readString(keyFile).equals(key) && Files.exists(dir.resolve(PROBE_FILE))) {
                return new Prepared(input, Probe.parse(Files.readString(dir.resolve(PROBE_FILE))), dir.resolve(MIX_FILE),
                        dir.resolve(SPEECH_FILE));
            }
            Files.deleteIfExists(keyFile);
            String json = ffmpeg.ffprobe("probe " + input.clip().getFileName(), List.of("-print_format", "json",
                    "-show_format", "-show_streams", Ffmpeg.fileArg(input.clip()))).stdout();
            Probe probe = Probe.parse(json);
            if (!probe.hasVideo()) {
                throw new MediaException("block " + input.blockIndex() + " clip " + input.clip() + " has no video stream");
            }
            render(input, probe, dir);
            Files.writeString(dir.resolve(PROBE_FILE), json, StandardCharsets.UTF_8);
            Files.writeString(keyFile, key, StandardCharsets.UTF_8);
            return new Prepared(input, probe, dir.resolve(MIX_FILE), dir.resolve(SPEECH_FILE));
        } catch (IOException e) {
            throw new MediaException("could not prepare the sound of block " + input.blockIndex() + " in " + dir + ": "
                    + e.getMessage(), e);
        }
    }

    private void render(Assembler.Input input, Probe probe, Path dir) {
        List<String> args = new ArrayList<>(List.of("-i", Ffmpeg.fileArg(input.clip())));
        if (input.voiceOver() != null) {
            args.addAll(List.of("-i", Ffmpeg.fileArg(input.voiceOver())));
        }
        Path mix = PartFile.of(dir.resolve(MIX_FILE));
        Path speech = PartFile.of(dir.resolve(SPEECH_FILE));
        args.addAll(List.of("-filter_complex", graph(input, probe.hasAudio()),
                "-map", "[mix]", "-c:a", "pcm_s16le", "-f", "wav", Ffmpeg.fileArg(mix),
                "-map", "[speech]", "-c:a", "pcm_s16le", "-f", "wav", Ffmpeg.fileArg(speech)));
        ffmpeg.ffmpeg("prepare the sound of block " + input.blockIndex(), dir, args);
        PartFile.moveIntoPlace(mix, dir.resolve(MIX_FILE));
        PartFile.moveIntoPlace(speech, dir.resolve(SPEECH_FILE));
    }

    /** Clip sound (input 0) and voice-over (input 1) → {@code [mix]} 48 kHz stereo and {@code [speech]} 16 kHz mono. */
    static String graph(Assembler.Input input, boolean clipHasAudio) {
        String d = seconds(input.durationMillis());
        long samples = input.durationMillis() * 48;
        String clip = clipHasAudio
                ? String.format(Locale.ROOT, "[0:a]atrim=start=%s:duration=%s,asetpts=PTS-STARTPTS,%s%s", seconds(input.offsetMillis()),
                        d, normalised(samples), input.voiceOver() == null ? "" : ",volume=" + UNDER_VOICE_OVER_DB)
                : String.format(Locale.ROOT, "anullsrc=r=48000:cl=stereo,atrim=end_sample=%d", samples);
        String sound = input.voiceOver() == null ? clip + "[sound];"
                : clip + "[clip];[1:a]asetpts=PTS-STARTPTS," + normalised(samples)
                + "[voice];[clip][voice]amix=inputs=2:duration=first:normalize=0[sound];";
        return sound + String.format(Locale.ROOT, "[sound]asplit=2[m][s];[m]atrim=end_sample=%d[mix];"
                + "[s]aresample=16000,aformat=sample_fmts=s16:channel_layouts=mono[speech]", samples);
    }

    /** 48 kHz stereo float, padded with silence and cut to exactly {@code samples} samples. */
    private static String normalised(long samples) {
        return "aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,apad,atrim=end_sample=" + samples;
    }

    private static String key(Assembler.Input input) {
        return String.join("\n", fileKey(input.clip()), String.valueOf(input.offsetMillis()),
                String.valueOf(input.durationMillis()), input.voiceOver() == null ? "-" : fileKey(input.voiceOver()));
    }

    private static String fileKey(Path file) {
        try {
            return file.toAbsolutePath() + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new MediaException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
