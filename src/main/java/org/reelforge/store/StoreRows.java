package org.reelforge.store;

import java.time.Instant;
import org.reelforge.video.BilledOperation;
import org.reelforge.video.BillingUnit;
import org.reelforge.video.Charge;
import org.reelforge.video.ClipOperation;
import org.reelforge.video.ClipStatus;
import org.reelforge.video.CompletedStep;
import org.reelforge.video.CostEntry;
import org.reelforge.video.ErrorCategory;
import org.reelforge.video.ErrorKind;
import org.reelforge.video.Step;
import org.reelforge.video.Video;
import org.reelforge.video.VideoId;
import org.reelforge.video.VideoStatus;
import org.reelforge.wire.Json;
import org.reelforge.wire.RequestDocument;

/**
 * The rows of the tables, one record each with the columns' names (Jdbi maps them by name, snake_case to
 * camelCase, and binds them with {@code bindMethods}); each says how it becomes the domain's value and back. Values
 * kept as JSON (the request, what was delivered, a quote) are read and written here. Public only because Jdbi reflects
 * over them; nothing outside this package uses them.
 */
public final class StoreRows {
    private StoreRows() {
    }

    public record VideoRow(VideoId id, String owner, String requestJson, VideoStatus status, CompletedStep lastSuccessfulStep,
                    Step currentStep, int attempts, String failureReason, ErrorCategory errorCategory, int totalBlocks,
                    int completedBlocks, int currentBlock, Instant createdAt, Instant updatedAt, long version,
                    Instant rateLimitedSince, Instant approvedAt, Instant finalizedAt, String deliveredJson) {

        static VideoRow of(Video v) {
            return new VideoRow(v.id(), v.owner(), Json.write(RequestDocument.of(v.request())), v.status(),
                    v.lastSuccessfulStep(), v.currentStep(), v.attempts(), v.failureReason(), v.errorCategory(),
                    v.totalBlocks(), v.completedBlocks(), v.currentBlock(), v.createdAt(), v.updatedAt(), v.version(),
                    v.rateLimitedSince(), v.approvedAt(), v.finalizedAt(),
                    v.delivered() == null ? null : Json.write(v.delivered()));
        }

        Video toVideo() {
            return new Video(id, owner, Json.read(requestJson, RequestDocument.class).toRequest(), status,
                    lastSuccessfulStep, currentStep, attempts, failureReason, errorCategory, totalBlocks, completedBlocks,
                    currentBlock, createdAt, updatedAt, version, rateLimitedSince, approvedAt, finalizedAt,
                    deliveredJson == null ? null : Json.read(deliveredJson, Video.Delivered.class));
        }
    }

    public record ClipRow(VideoId videoId, int blockIndex, String operationName, String prompt, ClipStatus status, int retryCount,
                   int submissions, String resultRef, long resultOffsetMs, String lastError, ErrorKind lastErrorKind,
                   ErrorCategory errorCategory, int promptRewritten, Instant createdAt, Instant updatedAt,
                   Instant nextCheckAt, String provider, String quoteJson, long costMicroUsd, String resolution,
                   String digest) {

        static ClipRow of(ClipOperation c) {
            return new ClipRow(c.videoId(), c.blockIndex(), c.operationName(), c.prompt(), c.status(), c.retryCount(),
                    c.submissions(), c.resultRef(), c.resultOffsetMillis(), c.lastError(), c.lastErrorKind(),
                    c.errorCategory(), c.promptRewritten() ? 1 : 0, c.createdAt(), c.updatedAt(), c.nextCheckAt(),
                    c.provider(), c.quote() == null ? null : Json.write(c.quote()), c.costMicroUsd(), c.resolution(),
                    c.digest());
        }

        ClipOperation toClip() {
            return new ClipOperation(videoId, blockIndex, operationName, prompt, status, retryCount, submissions, resultRef,
                    resultOffsetMs, lastError, lastErrorKind, errorCategory, promptRewritten == 1, createdAt, updatedAt,
                    nextCheckAt, provider, quoteJson == null ? null : Json.read(quoteJson, Charge.class), costMicroUsd,
                    resolution, digest);
        }
    }

    public record CostRow(VideoId videoId, Instant at, String kind, String provider, BilledOperation operation, double units,
                   BillingUnit unit, long amountMicroUsd, String note, int charged, int blockIndex) {

        static CostRow of(CostEntry e) {
            Charge c = e.charge();
            return new CostRow(e.videoId(), e.at(), e.kind().name(), c.provider(), c.operation(), c.units(), c.unit(),
                    c.amountMicroUsd(), c.note(), c.charged() ? 1 : 0, e.blockIndex());
        }

        CostEntry toEntry() {
            return new CostEntry(videoId, at, CostEntry.Kind.valueOf(kind),
                    new Charge(provider, operation, units, unit, amountMicroUsd, note, charged == 1), blockIndex);
        }
    }
}
