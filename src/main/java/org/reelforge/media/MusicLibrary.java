package org.reelforge.media;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The music tracks of a data directory: {@code <dataDir>/music/<id>.<ext>} and a small JSON index
 * ({@code music/index.json}) with each track's title, moods, duration and loudness (measured once, when added).
 * A track's file name is made here from its content's hash: the name it was uploaded under is only shown, never
 * used as a path. Thread-safe within a process (the index is read and replaced under a lock, temp-then-rename).
 *
 * <p>{@link #pick} reads the {@code --music} value: {@code none}, a file, a folder (a random track of it),
 * {@code mood:NAME} (a random library track of that mood) or a library track id.
 */
public final class MusicLibrary {
    public static final Set<String> EXTENSIONS = Set.of("mp3", "m4a", "aac", "wav", "flac", "ogg", "opus");
    private static final Pattern MOOD = Pattern.compile("[a-z0-9][a-z0-9-]{0,23}");
    private static final Pattern ID = Pattern.compile("trk_[0-9a-f]{16}");
    private static final int MAX_MOODS = 8;
    private static final int MAX_TITLE = 120;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final Ffmpeg ffmpeg;
    private final Object lock = new Object();

    public MusicLibrary(Path dataDir, Ffmpeg ffmpeg) {
        this.dir = Objects.requireNonNull(dataDir, "dataDir").resolve("music");
        this.ffmpeg = Objects.requireNonNull(ffmpeg, "ffmpeg");
    }

    /**
     * A library track.
     *
     * @param file the track's file name inside the library folder (made here: {@code <id>.<ext>})
     */
    public record Track(String id, String title, Set<String> moods, String file, long durationMillis, double loudnessLufs) {
        public Track {
            moods = Set.copyOf(moods);
        }
    }

    /**
     * Copies {@code source} into the library, measured and tagged. Adding the same content again returns the track
     * already there (with the new title and moods).
     *
     * @throws IllegalArgumentException naming the rule when the extension, a mood or the sound is not acceptable
     */
    public Track add(Path source, String title, Set<String> moods) {
        String extension = extension(source);
        Set<String> tags = checkedMoods(moods);
        String shown = title == null || AssText.plain(title).isEmpty() ? AssText.plain(source.getFileName().toString())
                : AssText.plain(title);
        shown = shown.codePointCount(0, shown.length()) > MAX_TITLE ? shown.substring(0, shown.offsetByCodePoints(0, MAX_TITLE)) : shown;
        MusicBed measured = measure(source, 100);
        String id = "trk_" + sha256(source).substring(0, 16);
        Track track = new Track(id, shown, tags, id + "." + extension, measured.durationMillis(), measured.loudnessLufs());
        synchronized (lock) {
            try {
                Files.createDirectories(dir);
                Path target = dir.resolve(track.file());
                if (!Files.exists(target)) {
                    Path temp = PartFile.of(target);
                    Files.copy(source, temp);
                    PartFile.moveIntoPlace(temp, target);
                }
                List<Track> tracks = new ArrayList<>(read().stream().filter(t -> !t.id().equals(id)).toList());
                tracks.add(track);
                write(tracks);
                return track;
            } catch (IOException e) {
                throw new MediaException("could not add " + source.getFileName() + " to the music library " + dir + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /** The tracks, in the order they were added. */
    public List<Track> list() {
        synchronized (lock) {
            return read();
        }
    }

    /** Removes a track and its file; false when there was none. */
    public boolean remove(String id) {
        synchronized (lock) {
            List<Track> tracks = read();
            Optional<Track> found = tracks.stream().filter(t -> t.id().equals(id)).findFirst();
            if (found.isEmpty()) {
                return false;
            }
            try {
                write(tracks.stream().filter(t -> !t.id().equals(id)).toList());
                Files.deleteIfExists(dir.resolve(found.get().file()));
                return true;
            } catch (IOException e) {
                throw new MediaException("could not remove track " + id + " from " + dir + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * The music a video asks for: empty for {@code none}; else a bed at {@code volumePercent}.
     *
     * @throws IllegalArgumentException naming {@code music} and the rule for a value that names nothing usable
     */
    public Optional<MusicBed> pick(String spec, int volumePercent, Random random) {
        String value = spec == null ? "none" : spec.strip();
        if (value.isEmpty() || value.equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        if (value.startsWith("mood:")) {
            String mood = value.substring(5).toLowerCase(Locale.ROOT);
            List<Track> matching = list().stream().filter(t -> t.moods().contains(mood)).toList();
            if (matching.isEmpty()) {
                throw new IllegalArgumentException("music: no library track has the mood \"" + AssText.plain(mood) + "\"");
            }
            return Optional.of(bed(matching.get(random.nextInt(matching.size())), volumePercent));
        }
        if (ID.matcher(value).matches()) {
            return Optional.of(bed(list().stream().filter(t -> t.id().equals(value)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("music: no library track " + value)), volumePercent));
        }
        Path path = Path.of(value);
        if (Files.isDirectory(path)) {
            List<Path> files = audioFiles(path);
            if (files.isEmpty()) {
                throw new IllegalArgumentException("music: the folder " + path + " holds no " + String.join("/", new TreeSet<>(EXTENSIONS)) + " file");
            }
            return Optional.of(measure(files.get(random.nextInt(files.size())), volumePercent));
        }
        if (Files.isRegularFile(path)) {
            extension(path);
            return Optional.of(measure(path, volumePercent));
        }
        throw new IllegalArgumentException("music: must be none, a file, a folder, mood:NAME or a library track id (got \""
                + AssText.plain(value) + "\")");
    }

    /** The bed of a library track. */
    public MusicBed bed(Track track, int volumePercent) {
        return new MusicBed(dir.resolve(track.file()), track.durationMillis(), track.loudnessLufs(), volumePercent);
    }

    private MusicBed measure(Path file, int volumePercent) {
        Probe probe = Probe.of(ffmpeg, file);
        if (!probe.hasAudio()) {
            throw new IllegalArgumentException("music: " + file.getFileName() + " has no sound ffmpeg can read");
        }
        Loudness loudness = Loudness.measure(ffmpeg, file);
        if (!loudness.isAudible()) {
            throw new IllegalArgumentException("music: " + file.getFileName() + " is silent");
        }
        return new MusicBed(file, probe.durationMillis(), loudness.integratedLufs(), volumePercent);
    }

    private static List<Path> audioFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(f -> EXTENSIONS.contains(extensionOf(f))).sorted().toList();
        } catch (IOException e) {
            throw new MediaException("could not list the music folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private static String extension(Path file) {
        String extension = extensionOf(file);
        if (!EXTENSIONS.contains(extension)) {
            throw new IllegalArgumentException("music: a track must be one of " + String.join(", ", new TreeSet<>(EXTENSIONS))
                    + " (got \"" + AssText.plain(file.getFileName().toString()) + "\")");
        }
        return extension;
    }

    private static String extensionOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static Set<String> checkedMoods(Set<String> moods) {
        Set<String> tags = new TreeSet<>();
        for (String mood : moods == null ? Set.<String>of() : moods) {
            String tag = mood == null ? "" : mood.strip().toLowerCase(Locale.ROOT);
            if (!MOOD.matcher(tag).matches()) {
                throw new IllegalArgumentException("music mood must be 1-24 lower-case letters, digits or '-' (got \""
                        + AssText.plain(String.valueOf(mood)) + "\")");
            }
            tags.add(tag);
        }
        if (tags.size() > MAX_MOODS) {
            throw new IllegalArgumentException("a track has at most " + MAX_MOODS + " moods (got " + tags.size() + ")");
        }
        return tags;
    }

    private List<Track> read() {
        Path index = dir.resolve("index.json");
        if (!Files.exists(index)) {
            return List.of();
        }
        try {
            return JSON.readValue(index.toFile(), new TypeReference<List<Track>>() { });
        } catch (IOException e) {
            throw new MediaException("the music index " + index + " is unreadable: " + e.getMessage(), e);
        }
    }

    private void write(List<Track> tracks) throws IOException {
        Path index = dir.resolve("index.json");
        Path temp = PartFile.of(index);
        JSON.writeValue(temp.toFile(), tracks);
        PartFile.moveIntoPlace(temp, index);
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new MediaException("could not read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
