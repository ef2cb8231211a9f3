package org.reelforge.pipeline;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.reelforge.cost.CostLedger;
import org.reelforge.store.StoreTransaction;
import org.reelforge.store.VideoStore;
import org.reelforge.video.AssemblyTracking;
import org.reelforge.video.Block;
import org.reelforge.video.ClipOperation;
import org.reelforge.video.CostEntry;
import org.reelforge.video.Language;
import org.reelforge.video.Script;
import org.reelforge.video.StatusMessages;
import org.reelforge.video.Video;
import org.reelforge.video.VideoEvent;
import org.reelforge.video.VideoId;
import org.reelforge.video.VideoRequest;

/**
 * Everything a person wants to know about one video, as one document: `reelforge status --json` prints it
 * and the API serves it. Field names are snake_case on the wire.
 */
public record VideoReport(String videoId, String owner, String theme, int targetDuration, String style, String language,
                          String mode, String clipStrategy, String status, String statusLabel, String currentStep,
                          String lastSuccessfulStep, String startFrom, int totalBlocks, int completedBlocks,
                          int progressPercentage, String message, String errorCategory, String errorMessage,
                          String failureReason, int attempts, Instant createdAt, Instant updatedAt,
                          List<BlockReport> blocks, TrackingReport assembly, CostReport costs, List<EventReport> events) {

    public record BlockReport(int index, int duration, String visualPrompt, String spokenText, String onScreenText,
                              ClipReport clip) {
    }

    public record ClipReport(String status, int retryCount, int submissions, String operationName, String lastError,
                             String errorCategory, Instant updatedAt, Instant nextCheckAt) {
    }

    public record TrackingReport(String status, int expectedClips, int foundClips, Instant firstDetectedAt,
                                 Instant lastCheckedAt) {
    }

    /** @param estimateUsd what the configured providers were expected to cost before any call */
    public record CostReport(BigDecimal spentUsd, BigDecimal savedUsd, BigDecimal estimateUsd, BigDecimal budgetUsd,
                             int calls, List<ProviderCost> byProvider) {
    }

    public record ProviderCost(String provider, String operation, int calls, double units, String unit,
                               BigDecimal amountUsd) {
    }

    public record EventReport(long id, Instant at, String type, String message) {
    }

    /** How a report gets the numbers that are not in the store: the default budget and the cost estimate. */
    public record Context(BigDecimal defaultBudget, Function<VideoRequest, BigDecimal> estimate) {
    }

    /** Reads the report of {@code id} in one read; empty if there is no such video. */
    public static Optional<VideoReport> of(VideoStore store, VideoId id, Language language, Context context,
                                           int maxEvents) {
        return store.read(tx -> tx.video(id).map(v -> build(tx, v, language, context, maxEvents)));
    }

    private static VideoReport build(StoreTransaction tx, Video v, Language lang, Context context, int maxEvents) {
        Map<Integer, ClipOperation> clips = new LinkedHashMap<>();
        tx.clips(v.id()).forEach(c -> clips.put(c.blockIndex(), c));
        List<BlockReport> blocks = new ArrayList<>();
        Optional<Script> script = tx.currentScript(v.id());
        script.ifPresent(s -> s.blocks().forEach(b -> blocks.add(block(b, clips.get(b.index())))));
        List<VideoEvent> events = tx.events(v.id(), 0, 100_000);
        List<EventReport> recent = events.subList(Math.max(0, events.size() - maxEvents), events.size()).stream()
                .map(e -> new EventReport(e.id(), e.at(), e.type(), e.message())).toList();
        var r = v.request();
        return new VideoReport(v.id().value(), v.owner(), r.theme(), r.targetDurationSeconds(), r.style().wireName(),
                r.language().tag(), r.mode().wireName(), r.clipStrategy().wireName(), v.status().wireName(), v.statusLabel(),
                v.currentStep() == null ? null : v.currentStep().wireName(),
                v.lastSuccessfulStep() == null ? null : v.lastSuccessfulStep().wireName(),
                v.startFrom() == null ? null : v.startFrom().wireName(), v.totalBlocks(), v.completedBlocks(),
                v.progressPercentage(), StatusMessages.message(v, lang),
                v.errorCategory() == null ? null : v.errorCategory().wireName(),
                v.errorCategory() == null ? null : v.errorCategory().message(lang), v.failureReason(), v.attempts(),
                v.createdAt(), v.updatedAt(), blocks, tx.tracking(v.id()).map(VideoReport::tracking).orElse(null),
                costs(tx.costs(v.id()), context.estimate().apply(r),
                        r.budgetUsd() != null ? r.budgetUsd() : context.defaultBudget()), recent);
    }

    private static BlockReport block(Block b, ClipOperation c) {
        ClipReport clip = c == null ? null : new ClipReport(c.status().wireName(), c.retryCount(), c.submissions(),
                c.operationName(), c.lastError(), c.errorCategory() == null ? null : c.errorCategory().wireName(),
                c.updatedAt(), c.nextCheckAt());
        return new BlockReport(b.index(), b.durationSeconds(), b.visualPrompt(), b.spokenText(), b.onScreenText(), clip);
    }

    private static TrackingReport tracking(AssemblyTracking t) {
        return new TrackingReport(t.status().wireName(), t.expectedClips(), t.foundClips(), t.firstDetectedAt(),
                t.lastCheckedAt());
    }

    static CostReport costs(List<CostEntry> entries, BigDecimal estimate, BigDecimal budget) {
        Map<String, List<CostEntry>> groups = new LinkedHashMap<>();
        entries.stream().filter(e -> e.kind() == CostEntry.Kind.SPENT)
                .forEach(e -> groups.computeIfAbsent(e.provider() + "\u0000" + e.operation() + "\u0000" + e.unit(),
                        k -> new ArrayList<>()).add(e));
        List<ProviderCost> byProvider = groups.values().stream().map(g -> new ProviderCost(g.get(0).provider(),
                g.get(0).operation(), g.size(), g.stream().mapToDouble(CostEntry::units).sum(), g.get(0).unit(),
                CostLedger.total(g, CostEntry.Kind.SPENT))).toList();
        int calls = (int) entries.stream().filter(e -> e.kind() == CostEntry.Kind.SPENT).count();
        return new CostReport(CostLedger.total(entries, CostEntry.Kind.SPENT), CostLedger.total(entries, CostEntry.Kind.SAVED),
                estimate, budget, calls, byProvider);
    }
}
