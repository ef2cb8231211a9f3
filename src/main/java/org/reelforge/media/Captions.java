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
import org.reelforge.video.TimedWord;

/**
 * Writes captions from timed words: an ASS script to burn in (one event per spoken word, the line's
 * words shown with the active one highlighted) and an SRT file (one cue per line) to download.
 * Every word is shown verbatim, escaped by {@link AssText}. Events never overlap, start in increasing
 * order and lie inside {@code [0, durationMillis]}; words that start after the end are left out.
 * Stateless and thread-safe.
 */
public final class Captions {
    /** Hold a line's last word a little after it is said, unless the next line starts sooner. */
    private static final long HOLD_MILLIS = 300;
    /** Rough advance of an average bold glyph, in font sizes, to shrink lines that would overflow. */
    private static final double GLYPH_WIDTH = 0.68;

    private final CaptionStyle style;

    public Captions(CaptionStyle style) {
        this.style = Objects.requireNonNull(style, "style");
    }

    public CaptionStyle style() {
        return style;
    }

    /** The ASS script for {@code words} in a video of {@code durationMillis}. */
    public String ass(List<TimedWord> words, long durationMillis) {
        StringBuilder out = new StringBuilder(header());
        for (Event event : events(words, durationMillis)) {
            out.append("Dialogue: 0,").append(assTime(event.startCs())).append(',').append(assTime(event.endCs()))
                    .append(",Caption,,0,0,0,,").append(assText(event)).append('\n');
        }
        return out.toString();
    }

    /** The SRT cues for {@code words}: one cue per caption line, plain text. */
    public String srt(List<TimedWord> words, long durationMillis) {
        StringBuilder out = new StringBuilder();
        int number = 1;
        Event cue = null;
        for (Event event : events(words, durationMillis)) {
            if (cue != null && cue.line() != event.line()) {
                appendCue(out, number++, cue);
                cue = null;
            }
            cue = cue == null ? event : new Event(cue.line(), -1, cue.startCs(), event.endCs());
        }
        if (cue != null) {
            appendCue(out, number, cue);
        }
        return out.toString();
    }

    /** Writes {@link #ass} to {@code target} (temporary name, then rename). */
    public Path writeAss(List<TimedWord> words, long durationMillis, Path target) {
        return write(ass(words, durationMillis), target);
    }

    /** Writes {@link #srt} to {@code target} (temporary name, then rename). */
    public Path writeSrt(List<TimedWord> words, long durationMillis, Path target) {
        return write(srt(words, durationMillis), target);
    }

    private String header() {
        return "[Script Info]\nScriptType: v4.00+\nPlayResX: " + style.playResX() + "\nPlayResY: " + style.playResY()
                + "\nWrapStyle: 2\nScaledBorderAndShadow: yes\n\n[V4+ Styles]\n"
                + "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold,"
                + " Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow,"
                + " Alignment, MarginL, MarginR, MarginV, Encoding\n"
                + "Style: Caption," + style.fontFamily() + "," + style.fontSize()
                + ",&H00FFFFFF,&H00FFFFFF,&H00000000,&H00000000,-1,0,0,0,100,100,0,0,1," + style.outline()
                + ",0,2," + style.marginL() + "," + style.marginR() + "," + style.marginV() + ",1\n\n[Events]\n"
                + "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n";
    }

    private String assText(Event event) {
        List<TimedWord> words = event.line().words();
        StringBuilder text = new StringBuilder(scaleToFit(event.line()));
        for (int i = 0; i < words.size(); i++) {
            String word = AssText.escape(words.get(i).text());
            text.append(i == 0 ? "" : " ");
            text.append(i == event.activeWord()
                    ? "{\\c&H" + style.highlightBgr() + "&}" + word + "{\\c&HFFFFFF&}"
                    : word);
        }
        return text.toString();
    }

    /** Shrinks a line that would not fit between the margins (a very long word), never wraps it. */
    private String scaleToFit(CaptionLine line) {
        double estimated = CaptionLine.length(line.text()) * GLYPH_WIDTH * style.fontSize();
        if (estimated <= style.lineWidth()) {
            return "";
        }
        int percent = Math.max(20, (int) Math.floor(100.0 * style.lineWidth() / estimated));
        return "{\\fscx" + percent + "\\fscy" + percent + "}";
    }

    /** One event per word, in centiseconds (ASS precision), clamped, ordered and non-overlapping. */
    List<Event> events(List<TimedWord> words, long durationMillis) {
        long endCs = durationMillis / 10;
        List<CaptionLine> lines = CaptionLine.split(words, style);
        List<Event> events = new ArrayList<>();
        long previousEnd = 0;
        for (int l = 0; l < lines.size(); l++) {
            CaptionLine line = lines.get(l);
            long nextLineStart = l + 1 < lines.size() ? lines.get(l + 1).startMillis() : Long.MAX_VALUE;
            for (int w = 0; w < line.words().size(); w++) {
                long start = Math.max(previousEnd, Math.round(line.words().get(w).startMillis() / 10.0));
                long end = Math.min(endCs, Math.round(wordEnd(line, w, nextLineStart) / 10.0));
                if (end > start) {
                    events.add(new Event(line, w, start, end));
                    previousEnd = end;
                }
            }
        }
        return events;
    }

    private static long wordEnd(CaptionLine line, int index, long nextLineStart) {
        List<TimedWord> words = line.words();
        if (index + 1 < words.size()) {
            return Math.max(words.get(index + 1).startMillis(), words.get(index).startMillis() + 10);
        }
        TimedWord last = words.get(index);
        long held = Math.max(last.endMillis() + HOLD_MILLIS, last.startMillis() + 10);
        return Math.max(Math.min(held, nextLineStart), last.startMillis() + 10);
    }

    private static void appendCue(StringBuilder out, int number, Event cue) {
        out.append(number).append('\n').append(srtTime(cue.startCs())).append(" --> ").append(srtTime(cue.endCs()))
                .append('\n').append(cue.line().text()).append("\n\n");
    }

    static String assTime(long centis) {
        return String.format(Locale.ROOT, "%d:%02d:%02d.%02d", centis / 360_000, centis / 6000 % 60,
                centis / 100 % 60, centis % 100);
    }

    static String srtTime(long centis) {
        return String.format(Locale.ROOT, "%02d:%02d:%02d,%03d", centis / 360_000, centis / 6000 % 60,
                centis / 100 % 60, centis % 100 * 10);
    }

    private static Path write(String content, Path target) {
        Path temp = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            return Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new MediaException("could not write captions to " + target + ": " + e.getMessage(), e);
        }
    }

    /** A caption event: {@code line} on screen with word {@code activeWord} highlighted. */
    record Event(CaptionLine line, int activeWord, long startCs, long endCs) {
    }
}
