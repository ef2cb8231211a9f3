package org.reelforge.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.reelforge.media.MusicLibrary;
import org.reelforge.video.InvalidRequestException;
import picocli.CommandLine.Option;

/** How a video looks and sounds: format, caption look, music and voice ({@code generate}'s creator options). */
final class OutputFlags {
    @Option(names = "--aspect", paramLabel = "RATIO", description = "9:16 (1080x1920, default), 1:1 (1080x1080) or 16:9 (1920x1080).")
    String aspect;
    @Option(names = "--caption-style", paramLabel = "STYLE",
            description = "karaoke (default: the spoken word lit), pop (word by word), clean (whole lines), boxed (lines on a box) or none.")
    String captionStyle;
    @Option(names = "--caption-position", paramLabel = "WHERE", description = "bottom (default), middle or top.")
    String captionPosition;
    @Option(names = "--caption-font", paramLabel = "FAMILY", description = "An installed font family (default: the bold sans of the language).")
    String captionFont;
    @Option(names = "--caption-color", paramLabel = "#RRGGBB", description = "Text colour (default #FFFFFF).")
    String captionColor;
    @Option(names = "--caption-highlight", paramLabel = "#RRGGBB", description = "Spoken and emphasised words (default #FFD700).")
    String captionHighlight;
    @Option(names = "--caption-size", paramLabel = "PERCENT", description = "Percent of the format's caption size, 50–200 (default 100).")
    Integer captionSize;
    @Option(names = "--music", paramLabel = "SOURCE", description = {"none (default), mood:NAME (a library track of that mood),",
            "a track id from `reelforge music list`, an audio file or a folder of them (one picked at random; added to the library)."})
    String music;
    @Option(names = "--music-volume", paramLabel = "PERCENT", description = "The music bed's level, 0–200 (default 100; ducked under the voice).")
    Integer musicVolume;
    @Option(names = "--voice", paramLabel = "ID", description = "A voice from `reelforge voices --language …` (narrated videos).")
    String voice;
    @Option(names = "--speech-rate", paramLabel = "RATE", description = "Voice-over pace, 0.5–2 (default 1).")
    Double speechRate;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** True when a {@code --music} value names something already in the wire form (none, mood:…, trk_…). */
    static boolean isWireMusic(String value) {
        String v = value.strip();
        return v.equalsIgnoreCase("none") || v.startsWith("mood:") || v.matches("trk_[0-9a-f]{16}");
    }

    /** For an estimate: the file or folder {@code --music} names must exist; the request then has no music (free). */
    String checkedMusicFile() {
        if (!Files.exists(Path.of(music))) {
            throw new InvalidRequestException("music", "must be none, mood:NAME, a track id from `reelforge music list`, "
                    + "an audio file or a folder of them (no file or folder " + music + ")");
        }
        return null;
    }

    /**
     * The {@code music} field of the request: the value as given, or the id of the file (or a random file of the folder)
     * it names, added to the data dir's music library.
     */
    String music(MusicLibrary library) {
        if (music == null || isWireMusic(music)) {
            return music;
        }
        Path path = Path.of(music);
        Path file;
        if (Files.isDirectory(path)) {
            List<Path> tracks;
            try (Stream<Path> files = Files.list(path)) {
                tracks = files.filter(Files::isRegularFile).filter(OutputFlags::isAudio).sorted().toList();
            } catch (IOException e) {
                throw new InvalidRequestException("music", "cannot read the folder " + path + ": " + e.getMessage());
            }
            if (tracks.isEmpty()) {
                throw new InvalidRequestException("music", "the folder " + path + " has no " + String.join("/",
                        MusicLibrary.EXTENSIONS.stream().sorted().toList()) + " file");
            }
            file = tracks.get(RANDOM.nextInt(tracks.size()));
        } else if (Files.isRegularFile(path)) {
            file = path;
        } else {
            throw new InvalidRequestException("music", "must be none, mood:NAME, a track id from `reelforge music list`, "
                    + "an audio file or a folder of them (no file or folder " + path + ")");
        }
        MusicLibrary.Track track;
        try {
            track = library.add(file, null, Set.of());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("music", e.getMessage().replaceFirst("^music:? ?", ""));
        }
        System.err.println("Music: " + track.title() + " (" + track.id() + ", "
                + Math.round(track.durationMillis() / 1000.0) + " s) is in the library");
        return track.id();
    }

    private static boolean isAudio(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && MusicLibrary.EXTENSIONS.contains(name.substring(dot + 1));
    }
}
