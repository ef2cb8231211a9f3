package org.reelforge.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reelforge.video.TimedWord;

/**
 * Festival's {@code cmu_us_slt_arctic_hts} voice (Debian: festival, festvox-us-slt-hts): a natural female voice made
 * independently of espeak-ng, and the start time of each word it says (its first segment's start), for the
 * alignment benchmark's ground truth. Runs {@code festival --batch} on a generated Scheme script.
 */
final class FestivalVoice {
    record Spoken(Path wav, List<TimedWord> words) {
    }

    private FestivalVoice() {
    }

    static boolean installed() {
        return Files.isDirectory(Path.of("/usr/share/festival/voices/us/cmu_us_slt_arctic_hts"));
    }

    /** Speaks {@code text} into {@code base}.wav at {@code rate} Hz mono; words as Festival timed them. */
    static Spoken speak(String text, Path base, int rate) throws IOException, InterruptedException {
        Path raw = base.resolveSibling(base.getFileName() + "-festival.wav");
        Path words = base.resolveSibling(base.getFileName() + ".words");
        Path script = base.resolveSibling(base.getFileName() + ".scm");
        String quoted = "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        Files.writeString(script, "(voice_cmu_us_slt_arctic_hts)\n"
                + "(set! utt (utt.synth (Utterance Text " + quoted + ")))\n"
                + "(utt.save.wave utt \"" + raw + "\" 'riff)\n"
                + "(set! fd (fopen \"" + words + "\" \"w\"))\n"
                + "(mapcar (lambda (w) (format fd \"%s %f\\n\" (item.name w)"
                + " (item.feat w \"R:SylStructure.daughter1.daughter1.segment_start\"))) (utt.relation.items utt 'Word))\n"
                + "(fclose fd)\n", StandardCharsets.UTF_8);
        run("festival", "--batch", script.toString());
        Path wav = base.resolveSibling(base.getFileName() + ".wav");
        run("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", raw.toString(), "-ar", String.valueOf(rate), "-ac", "1",
                "-c:a", "pcm_s16le", wav.toString());
        List<TimedWord> timed = new ArrayList<>();
        String[] spoken = text.split("\\s+");
        List<String> lines = Files.readAllLines(words).stream().filter(l -> !l.isBlank()).toList();
        if (lines.size() != spoken.length) {
            throw new IllegalStateException("Festival said " + lines.size() + " words for " + spoken.length + ": " + lines);
        }
        for (int i = 0; i < lines.size(); i++) {
            long start = Math.round(Double.parseDouble(lines.get(i).split(" ")[1]) * 1000);
            timed.add(new TimedWord(spoken[i], start, start + 1));
        }
        return new Spoken(wav, timed);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command).toLowerCase(Locale.ROOT) + " failed: " + out);
        }
    }
}
