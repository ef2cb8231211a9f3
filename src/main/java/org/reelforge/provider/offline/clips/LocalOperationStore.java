package org.reelforge.provider.offline.clips;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.reelforge.ReelForgeException;
import org.reelforge.video.VideoId;

/**
 * The files of the local provider under its state directory: {@code operations/<name>.json} (one per
 * operation, written atomically), {@code submissions.log} (append-only, one tab-separated line per submit,
 * forced to disk) and {@code clips/<name>.mp4} (rendered clips). A file lock makes submits from several
 * processes take turns.
 */
final class LocalOperationStore {
    private static final Pattern NAME = Pattern.compile("local-vid_[a-z0-9_]+-b\\d+-a\\d+");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** FileChannel.lock refuses a second lock from the same JVM, so threads take turns here first. */
    private static final Map<Path, Object> MONITORS = new ConcurrentHashMap<>();

    private final Path operations;
    private final Path clips;
    private final Path log;
    private final Path lock;

    LocalOperationStore(Path stateDir) {
        try {
            this.operations = Files.createDirectories(stateDir.resolve("operations"));
            this.clips = Files.createDirectories(stateDir.resolve("clips"));
        } catch (IOException e) {
            throw new ReelForgeException("could not create the local provider's state in " + stateDir + ": " + e.getMessage(), e);
        }
        this.log = stateDir.resolve("submissions.log");
        this.lock = stateDir.resolve("submit.lock");
    }

    static String operationName(VideoId videoId, int block, int attempt) {
        return "local-" + videoId + "-b" + block + "-a" + attempt;
    }

    static boolean isOperationName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** Runs {@code action} holding the submit lock: a monitor within this JVM, a file lock across processes. */
    <T> T locked(Supplier<T> action) {
        synchronized (MONITORS.computeIfAbsent(lock.toAbsolutePath().normalize(), key -> new Object())) {
            return fileLocked(action);
        }
    }

    private <T> T fileLocked(Supplier<T> action) {
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            return action.get();
        } catch (IOException e) {
            throw new ReelForgeException("could not lock " + lock + ": " + e.getMessage(), e);
        }
    }

    void save(LocalOperation operation) {
        Path target = operations.resolve(operation.name() + ".json");
        Path temp = operations.resolve(operation.name() + ".json.part");
        try {
            Files.write(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(operation));
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ReelForgeException("could not save local operation " + operation.name() + ": " + e.getMessage(), e);
        }
    }

    Optional<LocalOperation> find(String name) {
        if (!isOperationName(name)) {
            return Optional.empty();
        }
        Path file = operations.resolve(name + ".json");
        try {
            return Files.exists(file) ? Optional.of(JSON.readValue(file.toFile(), LocalOperation.class)) : Optional.empty();
        } catch (IOException e) {
            throw new ReelForgeException("could not read local operation " + file + ": " + e.getMessage(), e);
        }
    }

    Path clip(String name) {
        return clips.resolve(name + ".mp4");
    }

    Path workDir(String name) {
        return clips.resolve(name + ".work");
    }

    void append(LocalClipGenerator.Submission submission) {
        String line = String.join("\t", String.valueOf(submission.at().toEpochMilli()), submission.videoId().value(),
                String.valueOf(submission.blockIndex()), String.valueOf(submission.attempt()),
                submission.operationName().orElse("-"), submission.accepted() ? "accepted" : "rejected") + "\n";
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        } catch (IOException e) {
            throw new ReelForgeException("could not record a submission in " + log + ": " + e.getMessage(), e);
        }
    }

    List<LocalClipGenerator.Submission> submissions() {
        try {
            if (!Files.exists(log)) {
                return List.of();
            }
            return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                    .map(LocalOperationStore::submission).toList();
        } catch (IOException e) {
            throw new ReelForgeException("could not read " + log + ": " + e.getMessage(), e);
        }
    }

    private static LocalClipGenerator.Submission submission(String line) {
        String[] f = line.split("\t");
        return new LocalClipGenerator.Submission(Instant.ofEpochMilli(Long.parseLong(f[0])), new VideoId(f[1]),
                Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[4].equals("-") ? Optional.empty() : Optional.of(f[4]),
                f[5].equals("accepted"));
    }
}
