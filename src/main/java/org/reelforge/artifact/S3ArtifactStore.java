package org.reelforge.artifact;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.reelforge.video.VideoId;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.transfer.s3.S3TransferManager;
import software.amazon.awssdk.transfer.s3.model.DownloadFileRequest;
import software.amazon.awssdk.transfer.s3.model.UploadFileRequest;

/**
 * The artifacts in an S3-compatible bucket (AWS, MinIO, S3Proxy, Ceph, R2…), on the AWS SDK for Java v2. Small
 * files go up in one PUT; files from {@link S3Settings#multipartThreshold} on go through the S3 transfer manager in
 * parts, and the object appears only when the upload is completed — a put that fails is aborted, and a process that
 * dies mid-way leaves an incomplete upload that no read, list or size ever sees (a bucket lifecycle rule
 * {@code AbortIncompleteMultipartUpload} reclaims its parts). Reads check the version (ETag) they expect, and go
 * through this node's {@link NodeCache}.
 */
public final class S3ArtifactStore implements ArtifactStore {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(S3ArtifactStore.class);
    private final S3Settings settings;
    private final S3Location where;
    private final S3Client s3;
    private final S3AsyncClient async;
    private final S3TransferManager transfers;
    private final S3Presigner presigner;
    private final NodeCache cache;
    private final java.util.concurrent.atomic.AtomicLong downloads = new java.util.concurrent.atomic.AtomicLong();

    public S3ArtifactStore(S3Settings settings) {
        this(settings, DefaultCredentialsProvider.builder().build());
    }

    public S3ArtifactStore(S3Settings settings, AwsCredentialsProvider credentials) {
        this.settings = settings;
        this.where = settings.location();
        S3Clients clients = S3Clients.build(settings, credentials);
        this.s3 = clients.sync();
        this.async = clients.async();
        this.presigner = clients.presigner();
        this.transfers = S3TransferManager.builder().s3Client(async).build();
        this.cache = new NodeCache(settings.cacheDir(), settings.cacheMaxBytes());
    }

    /** How many objects this store has downloaded since it opened (a fetch served by the node cache is not one). */
    public long downloads() {
        return downloads.get();
    }

    /** The location this store reads and writes. */
    public S3Location location() {
        return where;
    }

    @Override
    public void put(ArtifactKey key, Path localFile) {
        String objectKey = where.objectKey(key);
        try {
            long size = Files.size(localFile);
            String etag = size >= settings.multipartThreshold() ? uploadInParts(key, localFile) : uploadWhole(key, localFile);
            cache.remember(key, etag, localFile);
        } catch (IOException e) {
            throw new ArtifactException("Cannot publish " + localFile + " as " + where + "/" + key + ": " + e, e);
        } catch (SdkException e) {
            throw failure("publish " + localFile + " as", objectKey, e);
        }
    }

    private String uploadWhole(ArtifactKey key, Path localFile) {
        return s3.putObject(b -> b.bucket(where.bucket()).key(where.objectKey(key)).contentType(MediaTypes.of(key)),
                RequestBody.fromFile(localFile)).eTag();
    }

    private String uploadInParts(ArtifactKey key, Path localFile) {
        UploadFileRequest request = UploadFileRequest.builder().source(localFile)
                .putObjectRequest(b -> b.bucket(where.bucket()).key(where.objectKey(key)).contentType(MediaTypes.of(key)))
                .build();
        return await(transfers.uploadFile(request).completionFuture(), "upload " + localFile + " to " + where + "/" + key)
                .response().eTag();
    }

    @Override
    public boolean fetch(ArtifactKey key, Path localFile) {
        Optional<HeadObjectResponse> head = head(key);
        if (head.isEmpty()) {
            return false;
        }
        String etag = head.get().eTag();
        try {
            Path cached = cache.lookup(key, etag).orElse(null);
            if (cached == null) {
                cached = download(key, etag, head.get().contentLength());
            }
            FileCopies.copyAtomically(cached, localFile);
            if (!cache.enabled()) {
                Files.deleteIfExists(cached);
            }
            return true;
        } catch (IOException e) {
            throw new ArtifactException("Cannot copy " + where + "/" + key + " to " + localFile + ": " + e, e);
        }
    }

    /** Downloads the version {@code etag} of {@code key} into the cache (or a temporary file when it is off). */
    private Path download(ArtifactKey key, String etag, long size) throws IOException {
        Path temp = cache.incoming(key);
        downloads.incrementAndGet();
        try {
            if (size >= settings.multipartThreshold()) {
                DownloadFileRequest request = DownloadFileRequest.builder().destination(temp)
                        .getObjectRequest(b -> b.bucket(where.bucket()).key(where.objectKey(key)).ifMatch(etag)).build();
                await(transfers.downloadFile(request).completionFuture(), "download " + where + "/" + key);
            } else {
                Files.deleteIfExists(temp);
                s3.getObject(GetObjectRequest.builder().bucket(where.bucket()).key(where.objectKey(key)).ifMatch(etag).build(), temp);
            }
            if (Files.size(temp) != size) {
                throw new ArtifactException(where + "/" + key + " arrived with " + Files.size(temp) + " bytes instead of " + size);
            }
            return cache.adopt(key, etag, temp);
        } catch (SdkException e) {
            throw failure("download", where.objectKey(key), e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public Optional<Info> info(ArtifactKey key) {
        return head(key).map(h -> new Info(h.contentLength(), h.contentType() == null ? MediaTypes.of(key) : h.contentType(),
                h.eTag() == null ? Long.toHexString(h.contentLength()) : h.eTag().replace("\"", "")));
    }

    private Optional<HeadObjectResponse> head(ArtifactKey key) {
        try {
            return Optional.of(s3.headObject(b -> b.bucket(where.bucket()).key(where.objectKey(key))));
        } catch (SdkServiceException e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw failure("read the size of", where.objectKey(key), e);
        } catch (SdkException e) {
            throw failure("read the size of", where.objectKey(key), e);
        }
    }

    @Override
    public Optional<Content> open(ArtifactKey key, long offset, long length) {
        if (length == 0) {
            return info(key).map(i -> new Content(new ByteArrayInputStream(new byte[0]), 0, i.contentType()));
        }
        try {
            ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(where.bucket()).key(where.objectKey(key))
                    .range("bytes=" + offset + "-" + (offset + length - 1)));
            String type = in.response().contentType() == null ? MediaTypes.of(key) : in.response().contentType();
            InputStream bounded = new BoundedInputStream(in, length);
            return Optional.of(new Content(bounded, length, type));
        } catch (SdkServiceException e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw failure("read", where.objectKey(key), e);
        } catch (SdkException e) {
            throw failure("read", where.objectKey(key), e);
        }
    }

    @Override
    public Optional<URI> presign(ArtifactKey key, Duration ttl) {
        try {
            return Optional.of(presigner.presignGetObject(b -> b.signatureDuration(ttl)
                    .getObjectRequest(g -> g.bucket(where.bucket()).key(where.objectKey(key)))).url().toURI());
        } catch (URISyntaxException e) {
            throw new ArtifactException("the presigned URL of " + where + "/" + key + " is not a URI: " + e.getMessage(), e);
        }
    }

    @Override
    public List<ArtifactKey> list(VideoId id) {
        return listUnder(ArtifactKey.videoPrefix(id));
    }

    @Override
    public List<ArtifactKey> listAll() {
        return listUnder("videos/");
    }

    private List<ArtifactKey> listUnder(String folder) {
        String prefix = where.objectPrefix(folder);
        try {
            List<ArtifactKey> keys = new ArrayList<>();
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(where.bucket()).prefix(prefix)).contents()) {
                ArtifactKey k = where.artifactKey(o.key());
                if (k != null) {
                    keys.add(k);
                }
            }
            keys.sort(java.util.Comparator.comparing(ArtifactKey::value));
            return keys;
        } catch (SdkException e) {
            throw failure("list", prefix, e);
        }
    }

    @Override
    public void delete(ArtifactKey key) {
        try {
            s3.deleteObject(b -> b.bucket(where.bucket()).key(where.objectKey(key)));
        } catch (SdkException e) {
            throw failure("delete", where.objectKey(key), e);
        }
    }

    @Override
    public int deleteVideo(VideoId id) {
        List<ArtifactKey> keys = list(id);
        keys.forEach(this::delete);
        cache.forget(ArtifactKey.videoPrefix(id));
        return keys.size();
    }

    @Override
    public Optional<String> problem() {
        try {
            s3.headBucket(b -> b.bucket(where.bucket()));
            return Optional.empty();
        } catch (SdkServiceException e) {
            return Optional.of("bucket " + where.bucket() + " answered " + e.statusCode()
                    + (e.statusCode() == 404 ? " (no such bucket)" : e.statusCode() == 403 ? " (credentials refused)" : ""));
        } catch (SdkException e) {
            return Optional.of("cannot reach " + where + ": " + e.getMessage());
        }
    }

    @Override
    public String describe() {
        return where + (settings.endpoint() == null ? "" : " at " + settings.endpoint());
    }

    /** Waits for a transfer; an interrupted wait cancels it (the multipart upload is aborted, nothing is published). */
    private <T> T await(CompletableFuture<T> transfer, String what) {
        try {
            return transfer.get();
        } catch (InterruptedException e) {
            transfer.cancel(true);
            Thread.currentThread().interrupt();
            throw new ArtifactException("Interrupted while trying to " + what + "; the transfer was cancelled", e);
        } catch (CancellationException e) {
            throw new ArtifactException("Cancelled while trying to " + what, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SdkException sdk) {
                throw sdk;
            }
            throw new ArtifactException("Cannot " + what + ": " + cause, cause);
        }
    }

    private ArtifactException failure(String what, String objectKey, SdkException e) {
        String status = e instanceof SdkServiceException s ? " (HTTP " + s.statusCode() + ")" : "";
        return new ArtifactException("Cannot " + what + " s3://" + where.bucket() + "/" + objectKey + status + ": "
                + e.getMessage(), e);
    }

    @Override
    public void close() {
        transfers.close();
        presigner.close();
        async.close();
        s3.close();
        LOG.debug("closed {}", where);
    }
}
