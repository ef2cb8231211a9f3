package org.reelforge.artifact;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.reelforge.video.VideoId;

/**
 * Where the files of the videos live, by {@link ArtifactKey}, not by path: the data directory on one machine, an
 * S3-compatible bucket for several. A step works on node-local scratch files ({@link Scratch}) and publishes each
 * one whole with {@link #put} once it succeeded; a step on another node reads it back with {@link #fetch}.
 *
 * <p><b>Atomicity.</b> {@link #put} makes the object visible whole or not at all: on the filesystem a temporary
 * file renamed over the target, on S3 a single PUT or a multipart upload completed only after its last part. A put
 * that throws, or a process that dies in the middle, leaves nothing under the key (or the previous object, untouched).
 *
 * <p><b>Threading.</b> Implementations are thread-safe; every method blocks until done and may be called from
 * many threads and nodes at once. Two puts of one key race: the last to complete wins, whole.
 *
 * <p><b>Failures.</b> Anything the store cannot do throws {@link ArtifactException} naming the key and the cause;
 * a missing object is never an exception where the method answers with an {@code Optional} or a boolean.
 */
public interface ArtifactStore extends AutoCloseable {
    /**
     * Size, content type and version of a stored object.
     *
     * @param version changes whenever the object is replaced (its S3 ETag; size and time on the filesystem): an HTTP
     *                ETag, and what a cache compares
     */
    record Info(long size, String contentType, String version) {
    }

    /**
     * An open read of (part of) an object; close it. {@code length} is the number of bytes {@code stream} yields.
     */
    record Content(InputStream stream, long length, String contentType) implements Closeable {
        @Override
        public void close() throws IOException {
            stream.close();
        }
    }

    /**
     * Publishes {@code localFile} whole under {@code key}, replacing any object there. The local file is left in
     * place (the caller's scratch is still theirs) and, on a store with a node cache, is remembered so this node
     * does not download it again.
     *
     * @throws ArtifactException when the file cannot be read or the store refuses it; nothing is then under the key
     *                           that was not there before
     */
    void put(ArtifactKey key, Path localFile);

    /**
     * Copies the object at {@code key} into {@code localFile} (replaced if present, parent folders created),
     * served from this node's cache when it holds the same object.
     *
     * @return false, leaving {@code localFile} alone, when there is no such object
     */
    boolean fetch(ArtifactKey key, Path localFile);

    /** Size and content type, or empty when there is no such object. One round trip at most. */
    Optional<Info> info(ArtifactKey key);

    /** True when a non-empty object is at {@code key}. */
    default boolean exists(ArtifactKey key) {
        return info(key).filter(i -> i.size() > 0).isPresent();
    }

    /**
     * Reads {@code length} bytes from {@code offset} of the object (an HTTP Range read): empty when there is no such
     * object. {@code offset + length} must not pass the end of the object (see {@link #info}).
     */
    Optional<Content> open(ArtifactKey key, long offset, long length);

    /**
     * A URL a client may GET the object from without our credentials for {@code ttl} (a presigned S3 URL), or empty
     * when this store cannot hand one out (the filesystem): then serve it through {@link #open}.
     */
    default Optional<URI> presign(ArtifactKey key, Duration ttl) {
        return Optional.empty();
    }

    /** The keys of a video's objects, sorted. */
    List<ArtifactKey> list(VideoId id);

    /** The keys of every object under {@code videos/}, sorted (for copying a whole library). */
    List<ArtifactKey> listAll();

    /** Removes one object; nothing happens when it is absent. */
    void delete(ArtifactKey key);

    /** Removes every object of a video (and this node's cached copies); returns how many there were. */
    int deleteVideo(VideoId id);

    /**
     * Checks that the store answers (for {@code /api/ready}: the filesystem is writable, the bucket is reachable with
     * our credentials): empty when it does, else what failed. Cheap enough to run on every probe.
     */
    Optional<String> problem();

    /** Where the objects live, for logs and messages (never credentials), e.g. {@code s3://bucket/prefix}. */
    String describe();

    /** Where one object lives, for messages: a file path on the filesystem, {@code s3://bucket/prefix/key} on S3. */
    default String locate(ArtifactKey key) {
        return describe() + "/" + key.value();
    }

    /** Releases connections and threads; the default has none. */
    @Override
    default void close() {
    }
}
