package org.reelforge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.reelforge.media.Assembler;
import org.reelforge.media.CaptionStyle;
import org.reelforge.media.Captions;
import org.reelforge.media.Ffmpeg;
import org.reelforge.media.FfmpegAssembler;
import org.reelforge.provider.offline.clips.ClipLook;
import org.reelforge.provider.offline.clips.ClipRenderer;
import org.reelforge.provider.offline.clips.ToneSpeech;
import org.reelforge.video.Language;
import org.reelforge.video.TimedWord;

/**
 * Prints render times of the media layer: five local clips (8+8+8+6+6 s) and their 36 s assembly at
 * 1080×1920 with captions. Not a test: run with
 * {@code java -cp target/classes:target/test-classes:<deps> org.reelforge.bench.MediaBench [dir] [preset]}.
 */
public final class MediaBench {
    private MediaBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/bench"));
        String preset = args.length > 1 ? args[1] : "veryfast";
        Ffmpeg ffmpeg = Ffmpeg.onPath();
        ClipRenderer renderer = new ClipRenderer(ffmpeg, new ToneSpeech(330));
        int[] durations = {8, 8, 8, 6, 6};
        String[] prompts = {"a golden robot, zoom in", "blue data streams pan left", "green forest spiral",
                "red city drift", "purple sky rise"};
        List<Assembler.Input> inputs = new ArrayList<>();
        List<TimedWord> words = new ArrayList<>();
        long start = 0;
        for (int i = 0; i < durations.length; i++) {
            String spoken = "l'intelligence artificielle change notre façon de travailler chaque jour";
            ClipRenderer.Rendered clip = renderer.render(new ClipRenderer.Scene(i + 1, durations[i], prompts[i], spoken, true,
                    Language.FR, null, ClipLook.fromPrompt(prompts[i]), 0), dir.resolve("clip" + (i + 1) + ".mp4"), dir.resolve("w" + i));
            System.out.printf("clip %d (%d s, %s): %d ms%n", i + 1, durations[i], prompts[i], clip.renderMillis());
            inputs.add(new Assembler.Input(i + 1, clip.file(), 0, durations[i] * 1000L, null));
            for (TimedWord w : clip.words()) {
                words.add(w.shift(start));
            }
            start += durations[i] * 1000L;
        }
        FfmpegAssembler assembler = new FfmpegAssembler(ffmpeg, preset);
        Path work = dir.resolve("assembly");
        long t0 = System.nanoTime();
        Assembler.Joined joined = assembler.joinAudio(inputs, work);
        long joinMs = (System.nanoTime() - t0) / 1_000_000;
        Path ass = new Captions(CaptionStyle.tiktok()).writeAss(words, joined.totalMillis(), work.resolve("captions.ass"));
        Assembler.Rendered video = assembler.render(inputs, joined, ass, dir.resolve("final.mp4"), work);
        System.out.printf("joinAudio: %d ms; render (%s, incl. loudness pass 1 and ebur128 check): %d ms; duration %d ms;"
                + " %.1f LUFS, %.1f dBTP%n", joinMs, preset, video.renderMillis(), video.durationMillis(),
                video.integratedLufs(), video.truePeakDbtp());
    }
}
