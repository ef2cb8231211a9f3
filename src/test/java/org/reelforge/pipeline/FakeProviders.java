package org.reelforge.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.reelforge.media.Assembler;
import org.reelforge.media.ClipInspector;
import org.reelforge.provider.ProviderCall;
import org.reelforge.provider.ScriptWriter;
import org.reelforge.provider.SpeechSynthesizer;
import org.reelforge.provider.Transcriber;
import org.reelforge.video.Block;
import org.reelforge.video.Language;
import org.reelforge.video.Script;
import org.reelforge.video.TimedWord;

/** Small counting fakes of the other ports, for the engine's simulated-time tests (no ffmpeg, no network). */
final class FakeProviders {
    private FakeProviders() {
    }

    /** Fails the next call(s) with the given error, if one is set. */
    static final class OneShot {
        private RuntimeException next;
        private int times;

        void set(RuntimeException e) {
            set(e, 1);
        }

        /** Fails the next {@code n} calls with {@code e}. */
        void set(RuntimeException e, int n) {
            next = e;
            times = n;
        }

        void fire() {
            if (times > 0) {
                times--;
                throw next;
            }
        }
    }

    static final class Writer implements ScriptWriter {
        final AtomicInteger writes = new AtomicInteger();
        final AtomicInteger adapts = new AtomicInteger();
        final AtomicInteger rewrites = new AtomicInteger();
        final OneShot writeFailure = new OneShot();
        final OneShot adaptFailure = new OneShot();
        final OneShot rewriteFailure = new OneShot();
        private final int[] durations;

        Writer(int... durations) {
            this.durations = durations;
        }

        @Override
        public String name() {
            return "fake-llm";
        }

        @Override
        public Written write(Brief brief) {
            writes.incrementAndGet();
            writeFailure.fire();
            List<Block> blocks = new ArrayList<>();
            for (int i = 0; i < durations.length; i++) {
                blocks.add(new Block(i + 1, durations[i], "a red scene " + (i + 1), "Phrase numéro " + (i + 1) + " sur " + brief.theme(), null));
            }
            return new Written(new Script("Title", "bold colours", blocks),
                    List.of(new ProviderCall("fake-llm", "script", 1000, "output_token")));
        }

        @Override
        public Written adaptForSpeech(Script script, Language language) {
            adapts.incrementAndGet();
            adaptFailure.fire();
            return new Written(script.withBlocks(script.blocks().stream()
                    .map(b -> b.withSpokenText(b.spokenText() + ".")).toList()),
                    List.of(new ProviderCall("fake-llm", "adapt", 500, "output_token")));
        }

        @Override
        public RewrittenBlock rewriteRefusedBlock(Block block, String styleGuide, String reason, Language language) {
            rewrites.incrementAndGet();
            rewriteFailure.fire();
            return new RewrittenBlock(block.withVisualPrompt("a calm abstract scene in soft blue"),
                    List.of(new ProviderCall("fake-llm", "rewrite", 100, "output_token")));
        }
    }

    /** A model check that fails when a test says so, counting its calls. */
    static final class Check implements org.reelforge.provider.Preflight {
        final AtomicInteger checks = new AtomicInteger();
        volatile RuntimeException failure;

        @Override
        public void check() {
            checks.incrementAndGet();
            if (failure != null) {
                throw failure;
            }
        }
    }

    static final class Speech implements SpeechSynthesizer {
        final AtomicInteger calls = new AtomicInteger();
        final OneShot failure = new OneShot();

        @Override
        public String name() {
            return "fake-tts";
        }

        @Override
        public Speech synthesize(String text, Language language, double rate, Path target) {
            calls.incrementAndGet();
            failure.fire();
            write(target, "voice " + text);
            String[] words = text.split("\\s+");
            List<TimedWord> timed = new ArrayList<>();
            for (int i = 0; i < words.length; i++) {
                timed.add(new TimedWord(words[i], i * 300L, i * 300L + 250));
            }
            return new Speech(target, words.length * 300L, timed, new ProviderCall("fake-tts", "voice", text.length(), "character"));
        }
    }

    static final class Listener implements Transcriber {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String name() {
            return "fake-whisper";
        }

        @Override
        public Transcript transcribe(Path audio, Language language, List<Segment> expected) {
            calls.incrementAndGet();
            List<TimedWord> words = new ArrayList<>();
            for (Segment s : expected) {
                String[] parts = s.text().split("\\s+");
                long step = (s.endMillis() - s.startMillis()) / parts.length;
                for (int i = 0; i < parts.length; i++) {
                    words.add(new TimedWord(parts[i], s.startMillis() + i * step, s.startMillis() + (i + 1) * step));
                }
            }
            return new Transcript(words, new ProviderCall("fake-whisper", "transcription", 1, "minute"));
        }
    }

    /**
     * Looks at the fake clips: a clip file is usable unless it says {@code corrupt}; its length is what it says
     * ({@code duration=8000}), or a minute. Counts full inspections.
     */
    static final class Inspector implements ClipInspector {
        final AtomicInteger inspections = new AtomicInteger();

        @Override
        public Inspection inspect(Path clip) {
            inspections.incrementAndGet();
            return look(clip);
        }

        @Override
        public Inspection look(Path clip) {
            if (!Files.isRegularFile(clip)) {
                return Inspection.bad("the file is missing");
            }
            String content;
            try {
                content = Files.readString(clip);
            } catch (IOException e) {
                return Inspection.bad(e.getMessage());
            }
            if (content.contains("corrupt")) {
                return Inspection.bad("it does not decode (moov atom not found)");
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("duration=(\\d+)").matcher(content);
            return new Inspection(true, m.find() ? Long.parseLong(m.group(1)) : 60_000, true, null);
        }

        @Override
        public void frame(Path clip, long atMillis, Path png) {
            write(png, "png of " + clip.getFileName() + " at " + atMillis);
        }
    }

    static final class Assembly implements Assembler, CaptionWriter {
        final AtomicInteger renders = new AtomicInteger();
        final OneShot renderFailure = new OneShot();
        volatile List<Input> lastInputs = List.of();
        volatile List<TimedWord> lastWords = List.of();
        volatile Captioning lastCaptioning;
        volatile Look lastLook;
        final java.util.List<Integer> prepared = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public Joined joinAudio(List<Input> inputs, Path workDir) {
            List<Long> starts = new ArrayList<>();
            long t = 0;
            for (Input i : inputs) {
                starts.add(t);
                t += i.durationMillis();
            }
            return new Joined(FakeProviders.write(workDir.resolve("joined.wav"), "audio"), starts, t);
        }

        @Override
        public void prepareClip(Input input, Path workDir) {
            prepared.add(input.blockIndex());
        }

        @Override
        public Rendered render(List<Input> inputs, Joined joined, Path captionsAss, Look look, Path target, Path workDir) {
            lastLook = look;
            return render(inputs, joined, captionsAss, target, workDir);
        }

        @Override
        public Rendered render(List<Input> inputs, Joined joined, Path captionsAss, Path target, Path workDir) {
            renders.incrementAndGet();
            renderFailure.fire();
            lastInputs = List.copyOf(inputs);
            FakeProviders.write(target, "final " + inputs.size());
            return new Rendered(target, joined.totalMillis(), -14.0, -1.5, 1);
        }

        @Override
        public void thumbnail(Path video, Path target) {
            FakeProviders.write(target, "jpeg");
        }

        @Override
        public void write(List<TimedWord> words, Captioning how, long videoMillis, Path ass, Path srt) {
            lastCaptioning = how;
            lastWords = List.copyOf(words);
            FakeProviders.write(ass, "ass " + words.size());
            FakeProviders.write(srt, "srt " + words.size());
        }
    }

    /** Own media: a fake clip of the block's length from any file that does not say "unreadable"; counts the clips made. */
    static final class Own implements OwnClips {
        final AtomicInteger made = new AtomicInteger();

        @Override
        public long make(Path source, org.reelforge.video.BlockMedia media, long durationMillis,
                         org.reelforge.video.Aspect aspect, Path target, Path workDir) {
            String content;
            try {
                content = Files.readString(source);
            } catch (IOException e) {
                throw new org.reelforge.media.MediaException("cannot read " + source + ": " + e.getMessage());
            }
            if (content.contains("unreadable")) {
                throw new org.reelforge.media.MediaException(source.getFileName() + " is neither a picture nor a video");
            }
            made.incrementAndGet();
            write(target, "own clip duration=" + durationMillis + " " + aspect.ratio());
            return durationMillis;
        }

        @Override
        public org.reelforge.video.BlockMedia.Kind kindOf(Path file) {
            try {
                if (Files.readString(file).contains("not media")) {
                    throw new org.reelforge.media.MediaException(file.getFileName()
                            + " is neither a picture nor a video (ffprobe found no video stream)");
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return file.getFileName().toString().endsWith(".png") ? org.reelforge.video.BlockMedia.Kind.IMAGE
                    : org.reelforge.video.BlockMedia.Kind.VIDEO;
        }
    }

    /** The music library of the tests: one track, "trk_00000000000000aa", mood "calm". */
    static final class Music implements MusicPicker {
        @Override
        public java.util.Optional<org.reelforge.media.MusicBed> pick(org.reelforge.video.Music music,
                                                                     org.reelforge.video.VideoId video) {
            if (music.isNone()) {
                return java.util.Optional.empty();
            }
            if ("calm".equals(music.mood()) || "trk_00000000000000aa".equals(music.trackId())) {
                return java.util.Optional.of(new org.reelforge.media.MusicBed(Path.of("calm.mp3"), 60_000, -20,
                        music.volumePercent()));
            }
            throw new org.reelforge.video.InvalidRequestException("music", "no library track " + music.source());
        }
    }

    static Path write(Path target, String content) {
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(target, content);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
