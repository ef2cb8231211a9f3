package org.reelforge.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reelforge.store.StoreTransaction;
import org.reelforge.store.VideoStore;
import org.reelforge.video.ClipOperation;
import org.reelforge.video.Language;
import org.reelforge.video.Script;
import org.reelforge.video.StatusMessages;
import org.reelforge.video.Video;
import org.reelforge.video.VideoId;

/**
 * One frame of a live progress stream (SSE and WebSocket): where the video stands, its message in the subscriber's
 * language and the state of every block's clip ({@code waiting} before its clip exists).
 */
public record ProgressMessage(String videoId, String status, String statusLabel, String currentStep, int completedBlocks,
                              int totalBlocks, int progressPercentage, String message, String errorCategory,
                              String errorMessage, Instant updatedAt, List<BlockState> blocks) {

    public record BlockState(int index, String status, int retryCount) {
    }

    /** True once the video is completed, failed or cancelled: the stream ends after this frame. */
    @JsonIgnore
    public boolean isTerminal() {
        return status.equals("completed") || status.equals("failed") || status.equals("cancelled");
    }

    /** The current frame of {@code id}, read in one go; empty if the video is gone. */
    public static Optional<ProgressMessage> read(VideoStore store, VideoId id, Language lang) {
        return store.read(tx -> tx.video(id).map(v -> of(tx, v, lang)));
    }

    private static ProgressMessage of(StoreTransaction tx, Video v, Language lang) {
        Map<Integer, ClipOperation> clips = new HashMap<>();
        tx.clips(v.id()).forEach(c -> clips.put(c.blockIndex(), c));
        List<BlockState> blocks = tx.currentScript(v.id()).map(Script::blocks).orElse(List.of()).stream()
                .map(b -> block(b.index(), clips.get(b.index()))).toList();
        return new ProgressMessage(v.id().value(), v.status().wireName(), v.statusLabel(),
                v.currentStep() == null ? null : v.currentStep().wireName(), v.completedBlocks(),
                Math.max(v.totalBlocks(), blocks.size()), v.progressPercentage(), StatusMessages.message(v, lang),
                v.errorCategory() == null ? null : v.errorCategory().wireName(),
                v.errorCategory() == null ? null : v.errorCategory().message(lang), v.updatedAt(), blocks);
    }

    private static BlockState block(int index, ClipOperation c) {
        return c == null ? new BlockState(index, "waiting", 0) : new BlockState(index, c.status().wireName(), c.retryCount());
    }
}
