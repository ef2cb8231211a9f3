package org.reelforge.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.reelforge.video.CaptionLook;
import org.reelforge.video.CaptionPosition;
import org.reelforge.video.TimedWord;

/**
 * Writes captions from timed words: an ASS script to burn in, in the style's {@link CaptionLook}, and an SRT file
 * (one cue per line) to download. Karaoke writes one event per spoken word (the line with the active word
 * highlighted), pop one event per word (the word alone, popping in), clean and boxed one event per line, none no
 * event. Emphasised words are drawn in the highlight colour. Every word is shown verbatim, escaped by
 * {@link AssText}; only this class writes override tags, from validated numbers and colours. Events never
 * overlap, start in increasing order and lie inside {@code [0, durationMillis]}; words that start after the end
 * are left out. Stateless and thread-safe.
 */
public final class Captions {
    /** Hold a line's last word a little after it is said, unless the next line starts sooner. */
    private static final long HOLD_MILLIS = 300;
    /** Pop: the word grows from this scale to 100 % … */
    private static final int POP_FROM_PERCENT = 70;
    /** … in this many milliseconds. */
    private static final int POP_MILLIS = 90;
    /** Boxed: the box is black at this ASS alpha (00 opaque, FF transparent): about 60 % opaque. */
    private static final String BOX_ALPHA = "66";

    private final CaptionStyle style;

    public Captions(CaptionStyle style) {
        this.style = Objects.requireNonNull(style, "style");
    }

    public CaptionStyle style() {
        return style;
    }

    /** The ASS script for {@code words} in a video of {@code durationMillis}. */
    public String ass(List<TimedWord> words, long durationMillis) {
        return ass(words, Emphasis.none(), durationMillis);
    }

    /** The ASS script for {@code words}, the words of {@code emphasis} in the highlight colour. */
    public String ass(List<TimedWord> words, Emphasis emphasis, long durationMillis) {
        StringBuilder out = new StringBuilder(header());
        if (style.look() == CaptionLook.NONE) {
            return out.toString();
        }
        for (Event event : shownEvents(words, durationMillis)) {
            out.append("Dialogue: 0,").append(assTime(event.startCs())).append(',').append(assTime(event.endCs()))
                    .append(",Caption,,0,0,0,,").append(assText(event, emphasis)).append('\n');
        }
        return out.toString();
    }

    /** The SRT cues for {@code words}: one cue per caption line, plain text (written for every look, none too). */
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

    /** Writes {@link #ass(List, Emphasis, long)} to {@code target} (temporary name, then rename). */
    public Path writeAss(List<TimedWord> words, Emphasis emphasis, long durationMillis, Path target) {
        return write(ass(words, emphasis, durationMillis), target);
    }

    /** Writes {@link #srt} to {@code target} (temporary name, then rename). */
    public Path writeSrt(List<TimedWord> words, long durationMillis, Path target) {
        return write(srt(words, durationMillis), target);
    }

    private String header() {
        boolean boxed = style.look() == CaptionLook.BOXED;
        String outlineColour = boxed ? "&H" + BOX_ALPHA + "000000" : "&H00000000";
        return "[Script Info]\nScriptType: v4.00+\nPlayResX: " + style.playResX() + "\nPlayResY: " + style.playResY()
                + "\nWrapStyle: 2\nScaledBorderAndShadow: yes\n\n[V4+ Styles]\n"
                + "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold,"
                + " Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow,"
                + " Alignment, MarginL, MarginR, MarginV, Encoding\n"
                + "Style: Caption," + style.fontFamily() + "," + style.fontSize()
                + ",&H00" + style.textBgr() + ",&H00" + style.textBgr() + "," + outlineColour + ",&H00000000,-1,0,0,0,100,100,0,0,"
                + (boxed ? 3 : 1) + "," + style.outline() + ",0," + style.alignment() + "," + style.marginL() + ","
                + style.marginR() + "," + style.marginV() + ",1\n\n[Events]\n"
                + "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n";
    }

    private String assText(Event event, Emphasis emphasis) {
        StringBuilder text = new StringBuilder(placement());
        List<TimedWord> words = event.line().words();
        if (style.look() == CaptionLook.POP) {
            String word = words.get(event.activeWord()).text();
            text.append(scaleToFit(AssText.plain(word))).append(String.format(Locale.ROOT,
                    "{\\fscx%d\\fscy%d\\t(0,%d,\\fscx100\\fscy100)}", POP_FROM_PERCENT, POP_FROM_PERCENT, POP_MILLIS));
            return text.append(coloured(AssText.escape(word), emphasis.marks(word))).toString();
        }
        text.append(scaleToFit(event.line().text()));
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i).text();
            text.append(i > 0 && event.line().spaceBefore(i) ? " " : "");
            boolean karaokeActive = style.look() == CaptionLook.KARAOKE && i == event.activeWord();
            text.append(coloured(AssText.escape(word), karaokeActive || emphasis.marks(word)));
        }
        return text.toString();
    }

    private String coloured(String escapedWord, boolean highlighted) {
        return highlighted ? "{\\c&H" + style.highlightBgr() + "&}" + escapedWord + "{\\c&H" + style.textBgr() + "&}" : escapedWord;
    }

    /** Middle captions are centred on the safe area (libass would centre them on the frame). */
    private String placement() {
        if (style.position() != CaptionPosition.MIDDLE) {
            return "";
        }
        SafeArea safe = style.safeArea();
        return "{\\pos(" + safe.centreX() + "," + safe.centreY() + ")}";
    }

    /** Shrinks a line that would not fit between the margins (a very long word), never wraps it. */
    private String scaleToFit(String line) {
        double estimated = CaptionLine.length(line) * CaptionStyle.GLYPH_WIDTH * style.fontSize();
        if (estimated <= style.lineWidth()) {
            return "";
        }
        int percent = Math.max(20, (int) Math.floor(100.0 * style.lineWidth() / estimated));
        return "{\\fscx" + percent + "\\fscy" + percent + "}";
    }

    /** The events the look shows: per word (karaoke, pop) or per line (clean, boxed). */
    private List<Event> shownEvents(List<TimedWord> words, long durationMillis) {
        List<Event> perWord = events(words, durationMillis);
        if (style.look() == CaptionLook.KARAOKE || style.look() == CaptionLook.POP) {
            return perWord;
        }
        List<Event> perLine = new ArrayList<>();
        for (Event event : perWord) {
            Event last = perLine.isEmpty() ? null : perLine.get(perLine.size() - 1);
            if (last != null && last.line() == event.line()) {
                perLine.set(perLine.size() - 1, new Event(last.line(), -1, last.startCs(), event.endCs()));
            } else {
                perLine.add(new Event(event.line(), -1, event.startCs(), event.endCs()));
            }
        }
        return perLine;
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
        Path temp = PartFile.of(target);
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MediaException("could not write captions to " + target + ": " + e.getMessage(), e);
        }
        PartFile.moveIntoPlace(temp, target);
        return target;
    }

    /** A caption event: {@code line} on screen with word {@code activeWord} highlighted (-1: none). */
    record Event(CaptionLine line, int activeWord, long startCs, long endCs) {
    }
}
