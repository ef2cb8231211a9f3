package org.reelforge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.reelforge.media.Assembler;
import org.reelforge.media.Captions;
import org.reelforge.media.CaptionStyle;
import org.reelforge.media.Ffmpeg;
import org.reelforge.media.FfmpegAssembler;
import org.reelforge.media.Loudness;
import org.reelforge.provider.offline.clips.ClipLook;
import org.reelforge.provider.offline.clips.ClipRenderer;
import org.reelforge.provider.offline.speech.EspeakSpeechSynthesizer;
import org.reelforge.video.Language;
import org.reelforge.video.TimedWord;

/**
 * The assembly floor: the same local clips (espeak-ng speech) and captions assembled by ReelForge's assembler and by
 * one bare ffmpeg pass (concat + scale to 1080×1920 at 30 fps + burn + loudnorm + x264 veryfast crf 21 + AAC), in
 * one run, alternating, and the ratio printed. "After the last clip" is what the assembly step waits for once
 * every clip is there: {@code joinAudio} + {@code render}; the per-clip preparation ({@code prepareClip}) runs
 * as each clip arrives and is reported apart. Peak RSS is sampled (this JVM plus its ffmpeg children) while
 * ReelForge assembles. Prints figures; never fails. Run through {@code bench/assembly-floor.sh}.
 */
public final class AssemblyFloorBenchmark {
    private static final Ffmpeg FFMPEG = Ffmpeg.onPath();
    private static final String SPOKEN = "Les volcans d'Islande dorment sous la glace et se réveillent parfois avec"
            + " une force immense";

    private AssemblyFloorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/bench/floor"));
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        for (int i = 2; i < args.length; i++) {
            run(root.resolve(args[i] + "s"), Integer.parseInt(args[i]), repeats);
        }
        if (args.length <= 2) {
            run(root.resolve("36s"), 36, repeats);
            run(root.resolve("180s"), 180, repeats);
        }
    }

    private static void run(Path dir, int seconds, int repeats) throws Exception {
        Files.createDirectories(dir);
        List<Assembler.Input> inputs = new ArrayList<>();
        List<TimedWord> words = clips(dir, seconds, inputs);
        long total = inputs.stream().mapToLong(Assembler.Input::durationMillis).sum();
        Path ass = new Captions(CaptionStyle.tiktok()).writeAss(words, total, dir.resolve("captions.ass"));
        FfmpegAssembler assembler = new FfmpegAssembler(FFMPEG);
        List<Long> bare = new ArrayList<>();
        List<Long> ours = new ArrayList<>();
        long prepare = 0;
        long peakRss = 0;
        long peakChildren = 0;
        List<Long> joins = new ArrayList<>();
        List<Long> bareCpu = new ArrayList<>();
        List<Long> oursCpu = new ArrayList<>();
        Assembler.Rendered rendered = null;
        for (int r = 0; r < repeats; r++) {
            long cpu0 = cpuMillis();
            bare.add(bare(dir, inputs));
            bareCpu.add(cpuMillis() - cpu0);
            Path work = dir.resolve("work" + r);
            prepare += BenchHooks.prepareEach(assembler, inputs, work);
            long prepared = System.nanoTime();
            long cpu1 = cpuMillis();
            RssSampler rss = RssSampler.start();
            Assembler.Joined joined = assembler.joinAudio(inputs, work);
            long joinedAt = System.nanoTime();
            rendered = assembler.render(inputs, joined, ass, dir.resolve("final.mp4"), work);
            ours.add((System.nanoTime() - prepared) / 1_000_000);
            oursCpu.add(cpuMillis() - cpu1);
            joins.add((joinedAt - prepared) / 1_000_000);
            long[] peaks = rss.stop();
            peakRss = Math.max(peakRss, peaks[0]);
            peakChildren = Math.max(peakChildren, peaks[1]);
        }
        Loudness bareLoudness = Loudness.measure(FFMPEG, dir.resolve("bare.mp4"));
        List<Double> paired = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            paired.add(Math.round(1000.0 * ours.get(r) / bare.get(r)) / 1000.0);
        }
        long bestBare = bare.stream().mapToLong(Long::longValue).min().orElseThrow();
        long bestOurs = ours.stream().mapToLong(Long::longValue).min().orElseThrow();
        System.out.printf(Locale.ROOT, "%d s (%d clips), load %s: bare pass %s ms, ReelForge after the last clip %s ms"
                        + " (prepare as clips arrive: %d ms per run) → ratio %.3f (best of %d; run by run %s); delivered %.1f LUFS %.1f dBTP"
                        + " (bare %.1f LUFS %.1f dBTP); joinAudio %s ms; peak RSS during assembly %d MB (ffmpeg %d MB);"
                        + " CPU time bare %s ms, ReelForge %s ms → CPU ratio %.3f%n",
                seconds, inputs.size(), load(), bare, ours, prepare / repeats, (double) bestOurs / bestBare, repeats, paired,
                rendered.integratedLufs(), rendered.truePeakDbtp(), bareLoudness.integratedLufs(), bareLoudness.truePeakDbtp(),
                joins, peakRss / 1024, peakChildren / 1024, bareCpu, oursCpu,
                oursCpu.stream().mapToLong(Long::longValue).sum() / (double) bareCpu.stream().mapToLong(Long::longValue).sum());
    }

    private static List<TimedWord> clips(Path dir, int seconds, List<Assembler.Input> inputs) {
        ClipRenderer renderer = new ClipRenderer(FFMPEG, new EspeakSpeechSynthesizer());
        String[] prompts = {"a golden robot, zoom in", "blue data streams pan left", "green forest spiral",
                "red city drift", "purple sky rise", "orange lava pulse"};
        List<TimedWord> words = new ArrayList<>();
        long start = 0;
        for (int i = 0; start < seconds * 1000L; i++) {
            int d = seconds * 1000L - start >= 8_000 ? 8 : 6;
            Path clip = dir.resolve("clip" + (i + 1) + ".mp4");
            ClipRenderer.Scene scene = new ClipRenderer.Scene(i + 1, d, prompts[i % prompts.length], SPOKEN, true, Language.FR,
                    null, ClipLook.fromPrompt(prompts[i % prompts.length] + i), 0);
            List<TimedWord> clipWords = Files.exists(clip) ? List.of()
                    : renderer.render(scene, clip, dir.resolve("w" + i)).words();
            inputs.add(new Assembler.Input(i + 1, clip, 0, d * 1000L, null));
            for (TimedWord w : clipWords) {
                words.add(w.shift(start));
            }
            start += d * 1000L;
        }
        if (words.isEmpty()) {
            words.add(new TimedWord("(clips reused)", 0, 1_000));
        }
        return words;
    }

    private static long bare(Path dir, List<Assembler.Input> inputs) throws IOException {
        StringBuilder list = new StringBuilder("ffconcat version 1.0\n");
        for (Assembler.Input in : inputs) {
            list.append("file '").append(in.clip().getFileName()).append("'\n");
        }
        Files.writeString(dir.resolve("bare.ffconcat"), list);
        long t0 = System.nanoTime();
        FFMPEG.ffmpeg("bare assembly pass", dir, List.of("-f", "concat", "-safe", "0", "-i", "bare.ffconcat",
                "-vf", "scale=1080:1920:force_original_aspect_ratio=increase,crop=1080:1920,fps=30,ass=captions.ass",
                "-af", "loudnorm=I=-14:TP=-1:LRA=11", "-c:v", "libx264", "-preset", "veryfast", "-crf", "21",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "160k", "-ar", "48000", "-movflags", "+faststart", "bare.mp4"));
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** CPU time of this JVM and of every ffmpeg it has waited for (/proc/self/stat: utime, stime, cutime, cstime). */
    private static long cpuMillis() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        return ticks * 10;
    }

    private static String load() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " " + parts[1];
    }

    /** Samples the resident memory of this JVM plus its child processes every 100 ms. */
    private static final class RssSampler {
        private final AtomicLong peakKb = new AtomicLong();
        private final AtomicLong peakChildrenKb = new AtomicLong();
        private volatile boolean running = true;
        private final Thread thread = new Thread(this::sample, "rss-sampler");

        static RssSampler start() {
            RssSampler s = new RssSampler();
            s.thread.setDaemon(true);
            s.thread.start();
            return s;
        }

        private void sample() {
            while (running) {
                long children = ProcessHandle.current().descendants().mapToLong(p -> rssKb(p.pid())).sum();
                peakKb.accumulateAndGet(rssKb(ProcessHandle.current().pid()) + children, Math::max);
                peakChildrenKb.accumulateAndGet(children, Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** @return {total, ffmpeg children} peak resident kB */
        long[] stop() throws InterruptedException {
            running = false;
            thread.join();
            return new long[] {peakKb.get(), peakChildrenKb.get()};
        }

        private static long rssKb(long pid) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("\\D+", ""));
                    }
                }
            } catch (IOException | RuntimeException e) {
                return 0; // the process ended between listing and reading
            }
            return 0;
        }
    }
}
