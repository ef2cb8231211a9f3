package org.reelforge.wire;

import java.math.BigDecimal;
import org.reelforge.video.Aspect;
import org.reelforge.video.CaptionLook;
import org.reelforge.video.CaptionOptions;
import org.reelforge.video.CaptionPosition;
import org.reelforge.video.ClipStrategy;
import org.reelforge.video.Language;
import org.reelforge.video.Mode;
import org.reelforge.video.Music;
import org.reelforge.video.OutputOptions;
import org.reelforge.video.Style;
import org.reelforge.video.VideoRequest;

/**
 * The JSON form of a {@link VideoRequest}, with wire names for the enums. Absent fields take the defaults users expect
 * (SPEC §1; the output options: 9:16, karaoke captions at the bottom, white and yellow, no music, the provider's voice).
 */
public record RequestDocument(String theme, Integer targetDuration, String style, String language, String mode,
                              String clipStrategy, ScriptDocument script, BigDecimal budgetUsd, Boolean review,
                              Boolean draft, String aspect, String captionStyle, String captionPosition, String captionFont,
                              String captionColor, String captionHighlight, Integer captionSize, String music,
                              Integer musicVolume, String voice, Double speechRate) {

    public RequestDocument(String theme, Integer targetDuration, String style, String language, String mode,
                           String clipStrategy, ScriptDocument script, BigDecimal budgetUsd, Boolean review, Boolean draft) {
        this(theme, targetDuration, style, language, mode, clipStrategy, script, budgetUsd, review, draft, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    public static RequestDocument of(VideoRequest r) {
        OutputOptions o = r.output();
        CaptionOptions c = o.captions();
        return new RequestDocument(r.theme(), r.targetDurationSeconds(), r.style().wireName(), r.language().tag(),
                r.mode().wireName(), r.clipStrategy().wireName(), r.script() == null ? null : ScriptDocument.of(r.script()),
                r.budgetUsd(), r.review(), r.draft(), o.aspect().ratio(), c.style().wireName(), c.position().wireName(),
                c.font(), c.color(), c.highlight(), c.sizePercent(), o.music().source(), o.music().volumePercent(),
                o.voice(), o.speechRate());
    }

    /** Applies the defaults to absent fields and validates everything, each broken rule naming its field. */
    public VideoRequest toRequest() {
        return new VideoRequest(theme,
                targetDuration == null ? VideoRequest.DEFAULT_DURATION : targetDuration,
                style == null ? Style.INFORMATIVE : Style.parse("style", style),
                language == null ? Language.FR : Language.of(language),
                mode == null ? Mode.NATIVE_AUDIO : Mode.parse("mode", mode),
                clipStrategy == null ? ClipStrategy.PARALLEL : ClipStrategy.parse("clip_strategy", clipStrategy),
                script == null ? null : script.toScript(),
                budgetUsd, Boolean.TRUE.equals(review), Boolean.TRUE.equals(draft), output());
    }

    private OutputOptions output() {
        CaptionOptions d = CaptionOptions.defaults();
        CaptionOptions captions = new CaptionOptions(
                captionStyle == null ? d.style() : CaptionLook.parse("caption_style", captionStyle),
                captionPosition == null ? d.position() : CaptionPosition.parse("caption_position", captionPosition),
                captionFont, captionColor == null ? d.color() : captionColor,
                captionHighlight == null ? d.highlight() : captionHighlight,
                captionSize == null ? d.sizePercent() : captionSize);
        return new OutputOptions(aspect == null ? Aspect.PORTRAIT : Aspect.parse("aspect", aspect), captions,
                new Music(music, musicVolume == null ? Music.NONE.volumePercent() : musicVolume), voice,
                speechRate == null ? 1.0 : speechRate);
    }
}
