package org.reelforge.app;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.reelforge.media.CaptionStyle;
import org.reelforge.media.Captions;
import org.reelforge.media.Emphasis;
import org.reelforge.media.Ffmpeg;
import org.reelforge.media.FfmpegAssembler;
import org.reelforge.media.FfmpegClipInspector;
import org.reelforge.media.MusicBed;
import org.reelforge.media.MusicLibrary;
import org.reelforge.media.OwnMedia;
import org.reelforge.pipeline.CaptionWriter;
import org.reelforge.pipeline.MediaTools;
import org.reelforge.pipeline.MusicPicker;
import org.reelforge.pipeline.OwnClips;
import org.reelforge.video.Aspect;
import org.reelforge.video.BlockMedia;
import org.reelforge.video.InvalidRequestException;
import org.reelforge.video.Music;
import org.reelforge.video.VideoId;

/** The engine's media ports on ffmpeg and libass: assembly, captions in each look, own media, the music library. */
final class MediaWiring {
    private MediaWiring() {
    }

    static MediaTools tools(Ffmpeg ffmpeg, String x264Preset, MusicLibrary library) {
        OwnMedia own = new OwnMedia(ffmpeg, x264Preset);
        CaptionWriter captions = (words, how, millis, ass, srt) -> {
            Captions c = new Captions(CaptionStyle.of(how.options(), how.aspect(), how.language()));
            c.writeAss(words, Emphasis.of(how.emphasis()), millis, ass);
            c.writeSrt(words, millis, srt);
        };
        OwnClips ownClips = new OwnClips() {
            @Override
            public long make(Path source, BlockMedia media, long durationMillis, Aspect aspect, Path target, Path workDir) {
                return own.blockClip(source, durationMillis, aspect, media.keepSound(), target, workDir).durationMillis();
            }

            @Override
            public BlockMedia.Kind kindOf(Path file) {
                return own.isImage(file) ? BlockMedia.Kind.IMAGE : BlockMedia.Kind.VIDEO;
            }
        };
        return new MediaTools(new FfmpegAssembler(ffmpeg, x264Preset), captions, new FfmpegClipInspector(ffmpeg), ownClips,
                picker(library));
    }

    /** A mood picks the same track for a video every time (seeded by its id), so a re-assembly keeps its music. */
    static MusicPicker picker(MusicLibrary library) {
        return (Music music, VideoId video) -> {
            if (music.isNone()) {
                return Optional.<MusicBed>empty();
            }
            try {
                return library.pick(music.source(), music.volumePercent(), new Random(video.value().hashCode()));
            } catch (IllegalArgumentException e) {
                String m = e.getMessage();
                throw new InvalidRequestException("music", m.startsWith("music: ") ? m.substring(7) : m);
            }
        };
    }
}
