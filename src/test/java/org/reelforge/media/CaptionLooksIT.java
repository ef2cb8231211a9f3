package org.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.reelforge.video.Aspect;
import org.reelforge.video.CaptionLook;
import org.reelforge.video.CaptionOptions;
import org.reelforge.video.CaptionPosition;
import org.reelforge.video.TimedWord;

/** Each look in each position, rendered by libass: the text lands where asked and inside the safe area. */
class CaptionLooksIT {
    private static final List<TimedWord> WORDS = CaptionsTest.evenly("Voici quatre mots visibles", 0, 400);
    /** The second word is being said. */
    private static final double AT = 0.6;

    @TempDir
    Path root;

    private CaptionFrames.Frame frame(CaptionOptions options, Aspect aspect, String background) throws Exception {
        CaptionStyle style = CaptionStyle.of(options, aspect, Fontconfig.captionFont().family());
        String ass = new Captions(style).ass(WORDS, 3_000);
        Path dir = root.resolve(options.style().wireName() + "-" + options.position().wireName() + "-" + aspect.name());
        return CaptionFrames.render(TestMedia.FFMPEG, ass, aspect.width(), aspect.height(), AT, background, dir);
    }

    private static void assertPlaced(int[] box, SafeArea safe, CaptionPosition position, String what) {
        assertThat(box).as(what + " pixels").isNotNull();
        assertThat(safe.contains(box[0], box[1], box[2], box[3]))
                .as("%s box %d,%d..%d,%d inside %s", what, box[0], box[1], box[2], box[3], safe).isTrue();
        assertThat(Math.abs((box[0] + box[2]) / 2 - safe.centreX())).as(what + " horizontally centred").isLessThan(12);
        switch (position) {
            case BOTTOM -> assertThat(safe.height() - safe.bottom() - box[3]).as(what + " near the safe bottom").isBetween(0, 40);
            case TOP -> assertThat(box[1] - safe.top()).as(what + " near the safe top").isBetween(0, 40);
            case MIDDLE -> assertThat(Math.abs((box[1] + box[3]) / 2 - safe.centreY())).as(what + " centred").isLessThan(30);
        }
    }

    @ParameterizedTest
    @EnumSource(CaptionPosition.class)
    void karaokePopAndCleanTextLandsInsideTheSafeAreaAtThePosition(CaptionPosition position) throws Exception {
        for (CaptionLook look : List.of(CaptionLook.KARAOKE, CaptionLook.POP, CaptionLook.CLEAN)) {
            CaptionOptions options = CaptionOptions.defaults().withStyle(look).withPosition(position);
            assertPlaced(frame(options, Aspect.PORTRAIT, "black").brightBox(40), SafeArea.TIKTOK, position, look.wireName());
        }
    }

    @ParameterizedTest
    @EnumSource(CaptionPosition.class)
    void boxedLinesSitOnADarkBoxThatStaysInsideTheSafeArea(CaptionPosition position) throws Exception {
        CaptionOptions options = CaptionOptions.defaults().withStyle(CaptionLook.BOXED).withPosition(position);
        CaptionFrames.Frame frame = frame(options, Aspect.PORTRAIT, "0xb0b0b0");
        int[] box = frame.darkBox(110);
        assertPlaced(box, SafeArea.TIKTOK, position, "box");
        int[] text = frame.brightBox(235);
        assertThat(text).as("white text on the box").isNotNull();
        assertThat(text[0]).isGreaterThan(box[0]);
        assertThat(text[2]).isLessThan(box[2]);
    }

    @ParameterizedTest
    @EnumSource(Aspect.class)
    void everyFormatKeepsCaptionsInsideItsOwnSafeArea(Aspect aspect) throws Exception {
        for (CaptionPosition position : CaptionPosition.values()) {
            CaptionOptions options = CaptionOptions.defaults().withPosition(position).withSize(200);
            assertPlaced(frame(options, aspect, "black").brightBox(40), SafeArea.of(aspect), position, aspect.ratio());
        }
    }

    @ParameterizedTest
    @EnumSource(CaptionLook.class)
    void theSpokenWordIsHighlightedOnlyInKaraokeAndNothingIsDrawnForNone(CaptionLook look) throws Exception {
        CaptionOptions options = CaptionOptions.defaults().withStyle(look);
        CaptionFrames.Frame blue = frame(options.withColors("#FFFFFF", "#0000FF"), Aspect.PORTRAIT, "black");
        if (look == CaptionLook.NONE) {
            assertThat(blue.brightBox(40)).isNull();
            return;
        }
        CaptionFrames.Frame white = frame(options.withColors("#FFFFFF", "#FFFFFF"), Aspect.PORTRAIT, "black");
        long changed = blue.differingPixels(white, 60);
        if (look == CaptionLook.KARAOKE) {
            assertThat(changed).as("pixels of the highlighted word").isGreaterThan(1_000);
        } else {
            assertThat(changed).as("nothing is highlighted in " + look).isZero();
        }
    }
}
