package org.reelforge.wire;

import java.math.BigDecimal;
import org.reelforge.video.ClipStrategy;
import org.reelforge.video.Language;
import org.reelforge.video.Mode;
import org.reelforge.video.Style;
import org.reelforge.video.VideoRequest;

/** The JSON form of a {@link VideoRequest}, with wire names for the enums. */
public record RequestDocument(String theme, Integer targetDuration, String style, String language, String mode,
                              String clipStrategy, ScriptDocument script, BigDecimal budgetUsd, Boolean review,
                              Boolean draft) {

    public static RequestDocument of(VideoRequest r) {
        return new RequestDocument(r.theme(), r.targetDurationSeconds(), r.style().wireName(), r.language().tag(),
                r.mode().wireName(), r.clipStrategy().wireName(), r.script() == null ? null : ScriptDocument.of(r.script()),
                r.budgetUsd(), r.review(), r.draft());
    }

    /** Applies the defaults of SPEC §1 to absent fields and validates everything. */
    public VideoRequest toRequest() {
        return new VideoRequest(theme,
                targetDuration == null ? VideoRequest.DEFAULT_DURATION : targetDuration,
                style == null ? Style.INFORMATIVE : Style.parse("style", style),
                language == null ? Language.FR : Language.of(language),
                mode == null ? Mode.NATIVE_AUDIO : Mode.parse("mode", mode),
                clipStrategy == null ? ClipStrategy.PARALLEL : ClipStrategy.parse("clip_strategy", clipStrategy),
                script == null ? null : script.toScript(),
                budgetUsd, Boolean.TRUE.equals(review), Boolean.TRUE.equals(draft));
    }
}
