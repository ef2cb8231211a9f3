package org.reelforge.pipeline;

import java.util.Objects;
import org.reelforge.media.Assembler;
import org.reelforge.media.ClipInspector;

/** The media ports the engine works with: assembly, captions, clip checks, own media and music. */
public record MediaTools(Assembler assembler, CaptionWriter captions, ClipInspector inspector, OwnClips ownClips,
                         MusicPicker music) {
    public MediaTools {
        Objects.requireNonNull(assembler, "assembler");
        Objects.requireNonNull(captions, "captions");
        Objects.requireNonNull(inspector, "inspector");
        Objects.requireNonNull(ownClips, "ownClips");
        Objects.requireNonNull(music, "music");
    }
}
