package org.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.reelforge.video.TimedWord;

class CaptionsTest {
    private static final Pattern DIALOGUE = Pattern.compile("Dialogue: 0,(\\d+):(\\d\\d):(\\d\\d)\\.(\\d\\d),(\\d+):(\\d\\d):(\\d\\d)\\.(\\d\\d),Caption,,0,0,0,,(.*)");
    private final Captions captions = new Captions(CaptionStyle.tiktok("DejaVu Sans"));

    static List<TimedWord> evenly(String text, long startMillis, long wordMillis) {
        List<TimedWord> words = new ArrayList<>();
        long t = startMillis;
        for (String w : text.split(" ")) {
            words.add(new TimedWord(w, t, t + wordMillis - 50));
            t += wordMillis;
        }
        return words;
    }

    private static List<long[]> times(String ass) {
        List<long[]> times = new ArrayList<>();
        for (String line : ass.split("\n")) {
            Matcher m = DIALOGUE.matcher(line);
            if (m.matches()) {
                times.add(new long[] {centis(m, 1), centis(m, 5)});
            }
        }
        return times;
    }

    private static long centis(Matcher m, int group) {
        return Long.parseLong(m.group(group)) * 360_000 + Long.parseLong(m.group(group + 1)) * 6000
                + Long.parseLong(m.group(group + 2)) * 100 + Long.parseLong(m.group(group + 3));
    }

    @Test
    void everyWordIsInTheScriptAndEachWordHasOneHighlightedEvent() {
        List<TimedWord> words = evenly("L'intelligence artificielle apprend à partir de données massives chaque jour", 0, 400);
        String ass = captions.ass(words, 10_000);
        for (TimedWord word : words) {
            assertThat(ass).contains("{\\c&H00FFFF&}" + word.text() + "{\\c&HFFFFFF&}");
        }
        assertThat(times(ass)).hasSize(words.size());
    }

    @Test
    void eventTimesIncreaseWithoutOverlapAndStayInsideTheDuration() {
        List<TimedWord> words = new ArrayList<>(evenly("one two three four five six", 0, 300));
        words.addAll(evenly("after a long pause here", 3_000, 250));
        words.add(new TimedWord("late", 4_900, 5_600));
        List<long[]> times = times(captions.ass(words, 5_000));
        long previousEnd = 0;
        for (long[] t : times) {
            assertThat(t[0]).isGreaterThanOrEqualTo(previousEnd);
            assertThat(t[1]).isGreaterThan(t[0]).isLessThanOrEqualTo(500);
            previousEnd = t[1];
        }
    }

    @Test
    void linesHoldAtMostFourWordsAndNeverCrossALongPause() {
        List<TimedWord> words = new ArrayList<>(evenly("a b c d e f", 0, 200));
        words.addAll(evenly("g h", 2_000, 200));
        List<CaptionLine> lines = CaptionLine.split(words, captions.style());
        assertThat(lines).extracting(CaptionLine::text).containsExactly("a b c d", "e f", "g h");
    }

    @Test
    void longLinesAreCutAtAboutTwentyTwoCharacters() {
        List<CaptionLine> lines = CaptionLine.split(evenly("extraordinary revolutionary ideas", 0, 300), captions.style());
        assertThat(lines).extracting(CaptionLine::text).containsExactly("extraordinary", "revolutionary ideas");
    }

    @Test
    void bracesAndBackslashesAreEscapedForLibass() {
        assertThat(AssText.escape("{\\b1}x")).isEqualTo("\\{\\\u2060b1\\}x");
        assertThat(AssText.escape("C:\\New\\n\\h")).isEqualTo("C:\\\u2060New\\\u2060n\\\u2060h");
        assertThat(AssText.escape("}")).isEqualTo("\\}");
    }

    @Test
    void newlinesAndControlCharactersBecomeSpacesSoAWordCannotEndTheDialogueLine() {
        String ass = captions.ass(List.of(new TimedWord("bad\nDialogue:\r\tword\u2028x", 0, 500)), 1_000);
        assertThat(ass).contains("bad Dialogue: word x");
        assertThat(ass.lines().filter(l -> l.startsWith("Dialogue:"))).hasSize(1);
    }

    @Test
    void emojiAndRightToLeftTextPassUnchanged() {
        String ass = captions.ass(List.of(new TimedWord("😀👍🏽", 0, 400), new TimedWord("مرحبا", 400, 800),
                new TimedWord("שלום", 800, 1200)), 2_000);
        assertThat(ass).contains("😀👍🏽", "مرحبا", "שלום");
    }

    @Test
    void styleKeepsCaptionsInsideTheTikTokSafeArea() {
        String ass = captions.ass(evenly("hello", 0, 400), 1_000);
        assertThat(ass).contains("PlayResX: 1080", "PlayResY: 1920",
                "Style: Caption,DejaVu Sans,50,&H00FFFFFF,&H00FFFFFF,&H00000000,&H00000000,-1,0,0,0,100,100,0,0,1,2,0,2,62,122,442,1");
    }

    @Test
    void aVeryLongWordIsShrunkToFitBetweenTheMargins() {
        String ass = captions.ass(List.of(new TimedWord("Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz", 0, 900)), 1_000);
        assertThat(ass).containsPattern("\\{\\\\fscx\\d+\\\\fscy\\d+}");
    }

    @Test
    void srtHasOneCuePerLineWithPlainText() {
        String srt = captions.srt(evenly("un deux trois quatre cinq {six}", 0, 500), 5_000);
        assertThat(srt).isEqualTo("1\n00:00:00,000 --> 00:00:02,000\nun deux trois quatre\n\n"
                + "2\n00:00:02,000 --> 00:00:03,250\ncinq {six}\n\n");
    }
}
