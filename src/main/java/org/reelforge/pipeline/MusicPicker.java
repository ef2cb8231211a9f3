package org.reelforge.pipeline;

import java.util.Optional;
import org.reelforge.media.MusicBed;
import org.reelforge.video.Music;
import org.reelforge.video.VideoId;

/** Finds the music bed a video asked for in the installation's music library. Thread-safe. */
public interface MusicPicker {
    /**
     * The bed for {@code music}: empty for {@code none}; a mood picks one of its tracks, the same one every time for
     * {@code video} (a re-assembly keeps its music).
     *
     * @throws org.reelforge.video.InvalidRequestException naming {@code music} when the track or mood is not in the library
     */
    Optional<MusicBed> pick(Music music, VideoId video);

    /** No music library: only {@code none} is possible. */
    MusicPicker NONE = (music, video) -> {
        if (!music.isNone()) {
            throw new org.reelforge.video.InvalidRequestException("music", "there is no music library here (asked for "
                    + music.source() + ")");
        }
        return Optional.empty();
    };
}
