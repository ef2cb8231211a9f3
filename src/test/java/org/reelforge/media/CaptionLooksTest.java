package org.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reelforge.video.Aspect;
import org.reelforge.video.CaptionLook;
import org.reelforge.video.CaptionOptions;
import org.reelforge.video.CaptionPosition;
import org.reelforge.video.TimedWord;

class CaptionLooksTest {
    private static final List<TimedWord> WORDS = CaptionsTest.evenly("the quick brown fox jumps over", 0, 400);

    private static Captions captions(CaptionLook look, CaptionPosition position) {
        return new Captions(CaptionStyle.of(CaptionOptions.defaults().withStyle(look).withPosition(position), Aspect.PORTRAIT,
                "DejaVu Sans"));
    }

    private static List<String> dialogues(String ass) {
        return ass.lines().filter(l -> l.startsWith("Dialogue: ")).toList();
    }

    private static String styleLine(String ass) {
        return ass.lines().filter(l -> l.startsWith("Style: ")).findFirst().orElseThrow();
    }

    @Test
    void karaokeShowsTheLineWithTheSpokenWordHighlightedOnceForEveryWord() {
        List<String> events = dialogues(captions(CaptionLook.KARAOKE, CaptionPosition.BOTTOM).ass(WORDS, 3_000));
        assertThat(events).hasSize(6);
        assertThat(events.get(1)).endsWith(",,the {\\c&H00FFFF&}quick{\\c&HFFFFFF&} brown fox");
    }

    @Test
    void popShowsEachWordAloneGrowingIn() {
        String ass = captions(CaptionLook.POP, CaptionPosition.BOTTOM).ass(WORDS, 3_000);
        List<String> events = dialogues(ass);
        assertThat(events).hasSize(6);
        assertThat(events.get(2)).endsWith("{\\fscx70\\fscy70\\t(0,90,\\fscx100\\fscy100)}brown");
        assertThat(styleLine(ass)).startsWith("Style: Caption,DejaVu Sans,65,");
    }

    @Test
    void cleanShowsWholeLinesWithoutHighlight() {
        List<String> events = dialogues(captions(CaptionLook.CLEAN, CaptionPosition.BOTTOM).ass(WORDS, 3_000));
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).startsWith("Dialogue: 0,0:00:00.00,0:00:01.60,").endsWith(",,the quick brown fox");
        assertThat(events.get(1)).endsWith(",,jumps over");
    }

    @Test
    void boxedDrawsLinesOnATranslucentBoxPaddedInsideTheMargins() {
        String ass = captions(CaptionLook.BOXED, CaptionPosition.BOTTOM).ass(WORDS, 3_000);
        assertThat(dialogues(ass)).hasSize(2);
        // BorderStyle 3 (opaque box) in a 40 % transparent black, padding 12, margins = safe insets + padding
        assertThat(styleLine(ass)).isEqualTo("Style: Caption,DejaVu Sans,50,&H00FFFFFF,&H00FFFFFF,&H66000000,&H00000000,"
                + "-1,0,0,0,100,100,0,0,3,12,0,2,72,132,452,1");
    }

    @Test
    void noneWritesNoEventButTheSrtStillHasEveryLine() {
        Captions none = captions(CaptionLook.NONE, CaptionPosition.BOTTOM);
        assertThat(dialogues(none.ass(WORDS, 3_000))).isEmpty();
        assertThat(none.srt(WORDS, 3_000)).contains("the quick brown fox", "jumps over");
    }

    @Test
    void positionsAlignToTheSafeAreasBottomTopOrCentre() {
        assertThat(styleLine(captions(CaptionLook.CLEAN, CaptionPosition.TOP).ass(WORDS, 3_000))).endsWith(",8,62,122,162,1");
        String middle = captions(CaptionLook.CLEAN, CaptionPosition.MIDDLE).ass(WORDS, 3_000);
        assertThat(styleLine(middle)).contains(",5,62,122,");
        // centre of the safe area: x (60 + 1080 - 120) / 2, y (160 + 1920 - 440) / 2
        assertThat(dialogues(middle)).allMatch(e -> e.contains(",,{\\pos(510,820)}"));
    }

    @Test
    void emphasisedWordsAreHighlightedInEveryLookWhateverTheirCaseOrPunctuation() {
        List<TimedWord> words = CaptionsTest.evenly("L'IA, apprend vite.", 0, 400);
        Emphasis emphasis = Emphasis.of(List.of("l'ia", "VITE"));
        for (CaptionLook look : List.of(CaptionLook.CLEAN, CaptionLook.BOXED, CaptionLook.KARAOKE)) {
            String ass = captions(look, CaptionPosition.BOTTOM).ass(words, emphasis, 2_000);
            assertThat(dialogues(ass).get(0)).contains("{\\c&H00FFFF&}L'IA,{\\c&HFFFFFF&}");
            assertThat(dialogues(ass).get(dialogues(ass).size() - 1)).contains("{\\c&H00FFFF&}vite.{\\c&HFFFFFF&}");
        }
        assertThat(dialogues(captions(CaptionLook.CLEAN, CaptionPosition.BOTTOM).ass(words, emphasis, 2_000)).get(0))
                .contains(" apprend ");
    }

    @Test
    void chosenColoursAreWrittenInAssOrder() {
        CaptionStyle style = CaptionStyle.of(CaptionOptions.defaults().withColors("#112233", "#FF8000"), Aspect.PORTRAIT, "DejaVu Sans");
        String ass = new Captions(style).ass(WORDS, 3_000);
        assertThat(styleLine(ass)).contains(",&H00332211,&H00332211,");
        assertThat(dialogues(ass).get(0)).contains("{\\c&H0080FF&}the{\\c&H332211&}");
    }

    @Test
    void hostileEmphasisAndWordsNeverBecomeOverrideTags() {
        List<TimedWord> words = List.of(new TimedWord("{\\c&H0000FF&\\fs200}", 0, 400), new TimedWord("a\\Nb", 400, 800),
                new TimedWord("}{", 800, 1200));
        Emphasis emphasis = Emphasis.of(List.of("{\\c&H0000FF&\\fs200}", "\\N", "}{\\b1}"));
        for (CaptionLook look : CaptionLook.values()) {
            String ass = captions(look, CaptionPosition.MIDDLE).ass(words, emphasis, 2_000);
            for (String event : dialogues(ass)) {
                String text = event.substring(event.indexOf(",,") + 2);
                // what is left once our own tags are removed holds no unescaped brace and no backslash escape
                String user = text.replaceAll("\\{\\\\(pos\\(\\d+,\\d+\\)|c&H[0-9A-F]{6}&|fscx\\d+\\\\fscy\\d+(\\\\t\\(0,\\d+,\\\\fscx100\\\\fscy100\\))?)}", "");
                assertThat(user.replace("\\{", "").replace("\\}", "")).doesNotContain("{", "}");
                assertThat(user.replace("\\{", "").replace("\\}", "").replace("\\" + AssText.WORD_JOINER, ""))
                        .doesNotContain("\\");
            }
        }
    }

    @Test
    void chineseAndJapaneseWithoutSpacesAreCutIntoLinesThatFitAndJoinedWithoutSpaces() {
        String sentence = "人工智能正在改变我们的生活方式和工作方式以及学习的方法";
        List<TimedWord> words = List.of(new TimedWord(sentence, 0, 6_000));
        CaptionStyle style = CaptionStyle.tiktok("Noto Sans CJK SC");
        List<CaptionLine> lines = CaptionLine.split(words, style);
        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(String.join("", lines.stream().map(CaptionLine::text).toList())).isEqualTo(sentence);
        for (CaptionLine line : lines) {
            assertThat(CaptionWords.width(line.text())).isLessThanOrEqualTo(style.maxLineChars());
        }
        assertThat(lines.get(0).startMillis()).isZero();
        assertThat(lines.get(lines.size() - 1).endMillis()).isEqualTo(6_000);
        List<TimedWord> japanese = List.of(new TimedWord("今日は", 0, 500), new TimedWord("いい", 500, 900),
                new TimedWord("天気", 900, 1300));
        assertThat(CaptionLine.split(japanese, style).get(0).text()).isEqualTo("今日はいい天気");
    }

    @Test
    void eachFormatKeepsItsOwnFrameSizeAndMargins() {
        for (Aspect aspect : Aspect.values()) {
            CaptionStyle style = CaptionStyle.of(CaptionOptions.defaults(), aspect, "DejaVu Sans");
            assertThat(style.playResX()).isEqualTo(aspect.width());
            assertThat(style.playResY()).isEqualTo(aspect.height());
            assertThat(style.fontSize()).isEqualTo(aspect.captionSize());
            assertThat(style.marginV()).isGreaterThan(aspect.safeBottom());
            assertThat(style.marginL()).isGreaterThan(aspect.safeLeft());
        }
        assertThat(CaptionStyle.of(CaptionOptions.defaults().withSize(150), Aspect.LANDSCAPE, "DejaVu Sans").fontSize()).isEqualTo(81);
    }
}
