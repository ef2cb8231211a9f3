package org.reelforge.wire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.reelforge.video.AssemblyTracking;
import org.reelforge.video.Block;
import org.reelforge.video.ClipOperation;
import org.reelforge.video.CostEntry;
import org.reelforge.video.Language;
import org.reelforge.video.Script;
import org.reelforge.video.StatusMessages;
import org.reelforge.video.Video;
import org.reelforge.video.VideoEvent;
import org.reelforge.video.VideoRequest;
import org.reelforge.video.VideoRun;

/**
 * The one view of a video, built from its run: {@link Detail} is what {@code reelforge status --json} prints and the
 * API serves, {@link Progress} is one frame of a live stream, {@link Summary} a library item. They share how the
 * status, the message and the error read, in the reader's language. Field names are snake_case on the wire.
 */
public final class VideoView {
    private VideoView() {
    }

    /**
     * What the views need beyond the run: the default budget, the estimate, and the configured job retries (for the
     * "Retrying (n/N)" message).
     */
    public record Context(BigDecimal defaultBudget, Function<VideoRequest, BigDecimal> estimate, int maxJobRetries) {
    }

    public record Detail(String videoId, String owner, String theme, int targetDuration, String style, String language,
                         String mode, String clipStrategy, String status, String statusLabel, String currentStep,
                         String lastSuccessfulStep, String startFrom, int totalBlocks, int completedBlocks,
                         int progressPercentage, String message, String errorCategory, String errorMessage,
                         String failureReason, int attempts, Instant createdAt, Instant updatedAt, String quality,
                         ReviewView review, ResultView result, OutputView output, List<BlockView> blocks,
                         TrackingView assembly, CostView costs, List<EventView> events) {
    }

    /** How the video is delivered: format, captions, music, voice (the request's output options). */
    public record OutputView(String aspect, String captionStyle, String captionPosition, String captionFont,
                             String captionColor, String captionHighlight, int captionSize, String music,
                             int musicVolume, String voice, double speechRate) {
        static OutputView of(org.reelforge.video.OutputOptions o) {
            var c = o.captions();
            return new OutputView(o.aspect().ratio(), c.style().wireName(), c.position().wireName(), c.font(), c.color(),
                    c.highlight(), c.sizePercent(), o.music().source(), o.music().volumePercent(), o.voice(),
                    o.speechRate());
        }
    }

    public record ReviewView(boolean required, Instant approvedAt) {
    }

    /** What final.mp4 holds: its real length, the blocks used and missing. */
    public record ResultView(double durationSeconds, int blocksUsed, List<Integer> blocksMissing, boolean partial,
                             double integratedLufs) {
    }

    /** @param media the person's own file the block is made from ({@code {id, kind, name, keep_sound}}); null when generated */
    public record BlockView(int index, int duration, String visualPrompt, String spokenText, String onScreenText,
                            List<String> emphasis, ScriptDocument.MediaDocument media, ClipView clip, SpeechView speech) {
    }

    public record ClipView(String status, int retryCount, int submissions, String operationName, String lastError,
                           String errorCategory, Instant updatedAt, Instant nextCheckAt, String resolution,
                           BigDecimal costUsd) {
    }

    /** How well what is heard in the block matches its script; {@code mismatched} flags a block to look at. */
    public record SpeechView(double confidence, String heard, boolean mismatched) {
    }

    public record TrackingView(String status, int expectedClips, int foundClips, Instant firstDetectedAt,
                               Instant lastCheckedAt) {
    }

    /** @param estimateUsd what the configured providers were expected to cost before any call */
    public record CostView(BigDecimal spentUsd, BigDecimal savedUsd, BigDecimal estimateUsd, BigDecimal budgetUsd,
                           int calls, int notCharged, List<ProviderCost> byProvider) {
    }

    public record ProviderCost(String provider, String operation, int calls, double units, String unit,
                               BigDecimal amountUsd) {
    }

    public record EventView(long id, Instant at, String type, String message) {
    }

    /** One frame of a live progress stream: where the video stands and the state of every block's clip. */
    public record Progress(String videoId, String status, String statusLabel, String currentStep, int completedBlocks,
                           int totalBlocks, int progressPercentage, String message, String errorCategory,
                           String errorMessage, Instant updatedAt, List<BlockState> blocks) {
        /** True once the video is completed, failed or cancelled: the stream ends after this frame. */
        @JsonIgnore
        public boolean isTerminal() {
            return status.equals("completed") || status.equals("failed") || status.equals("cancelled");
        }
    }

    /** A block's clip in a progress frame: {@code waiting} before its clip exists. */
    public record BlockState(int index, String status, int retryCount) {
    }

    /** A library item (the files' links are the API's to add). */
    public record Summary(String videoId, String theme, String status, String statusLabel, int progressPercentage,
                          String message, int targetDuration, Double durationSeconds, boolean partial, String language,
                          Instant createdAt, Instant updatedAt) {
    }

    public static Detail detail(VideoRun run, List<VideoEvent> events, Language lang, Context context) {
        Video v = run.video();
        VideoRequest r = v.request();
        Map<Integer, Video.SpeechMatch> speech = new LinkedHashMap<>();
        Optional.ofNullable(v.delivered()).ifPresent(d -> d.speech().forEach(s -> speech.put(s.block(), s)));
        List<BlockView> blocks = new ArrayList<>();
        run.script().map(Script::blocks).orElse(List.of())
                .forEach(b -> blocks.add(block(b, run.clip(b.index()).orElse(null), speech.get(b.index()))));
        Common c = Common.of(v, lang, context.maxJobRetries());
        return new Detail(v.id().value(), v.owner(), r.theme(), r.targetDurationSeconds(), r.style().wireName(),
                r.language().tag(), r.mode().wireName(), r.clipStrategy().wireName(), v.status().wireName(), v.statusLabel(),
                v.currentStep() == null ? null : v.currentStep().wireName(),
                v.lastSuccessfulStep() == null ? null : v.lastSuccessfulStep().wireName(),
                v.startFrom() == null ? null : v.startFrom().wireName(), v.totalBlocks(), v.completedBlocks(),
                v.progressPercentage(), c.message, c.errorCategory, c.errorMessage, v.failureReason(), v.attempts(),
                v.createdAt(), v.updatedAt(), v.isDraft() ? "draft" : "final", new ReviewView(r.review(), v.approvedAt()),
                result(v), OutputView.of(r.output()), blocks, run.tracking().map(VideoView::tracking).orElse(null),
                costs(run.costs(), context.estimate().apply(r), r.budgetUsd() != null ? r.budgetUsd() : context.defaultBudget()),
                events.stream().map(e -> new EventView(e.id(), e.at(), e.type().wireName(), e.message())).toList());
    }

    public static Progress progress(VideoRun run, Language lang, int maxJobRetries) {
        Video v = run.video();
        List<BlockState> blocks = run.script().map(Script::blocks).orElse(List.of()).stream()
                .map(b -> run.clip(b.index()).map(c -> new BlockState(b.index(), c.status().wireName(), c.retryCount()))
                        .orElse(new BlockState(b.index(), "waiting", 0)))
                .toList();
        Common c = Common.of(v, lang, maxJobRetries);
        return new Progress(v.id().value(), v.status().wireName(), v.statusLabel(),
                v.currentStep() == null ? null : v.currentStep().wireName(), v.completedBlocks(),
                Math.max(v.totalBlocks(), blocks.size()), v.progressPercentage(), c.message, c.errorCategory,
                c.errorMessage, v.updatedAt(), blocks);
    }

    public static Summary summary(Video v, Language lang, int maxJobRetries) {
        Common c = Common.of(v, lang, maxJobRetries);
        Video.Delivered d = v.delivered();
        return new Summary(v.id().value(), v.request().theme(), v.status().wireName(), v.statusLabel(),
                v.progressPercentage(), c.message, v.request().targetDurationSeconds(),
                d == null ? null : d.durationMillis() / 1000.0, d != null && d.partial(), v.request().language().tag(),
                v.createdAt(), v.updatedAt());
    }

    /** How a video's status, message and error read, shared by every view. */
    private record Common(String message, String errorCategory, String errorMessage) {
        static Common of(Video v, Language lang, int maxJobRetries) {
            Language reader = lang == null ? v.request().language() : lang;
            return new Common(StatusMessages.message(v, reader, maxJobRetries),
                    v.errorCategory() == null ? null : v.errorCategory().wireName(),
                    v.errorCategory() == null ? null : v.errorCategory().message(reader));
        }
    }

    private static ResultView result(Video v) {
        Video.Delivered d = v.delivered();
        return d == null ? null : new ResultView(d.durationMillis() / 1000.0, d.blocksUsed(), d.missingBlocks(),
                d.partial(), d.integratedLufs());
    }

    private static BlockView block(Block b, ClipOperation c, Video.SpeechMatch s) {
        ClipView clip = c == null ? null : new ClipView(c.status().wireName(), c.retryCount(), c.submissions(),
                c.operationName(), c.lastError(), c.errorCategory() == null ? null : c.errorCategory().wireName(),
                c.updatedAt(), c.nextCheckAt(), c.resolution(), BigDecimal.valueOf(c.costMicroUsd(), 6).stripTrailingZeros());
        SpeechView speech = s == null ? null : new SpeechView(s.confidence(), s.heard(), s.mismatched());
        return new BlockView(b.index(), b.durationSeconds(), b.visualPrompt(), b.spokenText(), b.onScreenText(),
                b.emphasis(), ScriptDocument.MediaDocument.of(b.media()), clip, speech);
    }

    private static TrackingView tracking(AssemblyTracking t) {
        return new TrackingView(t.status().wireName(), t.expectedClips(), t.foundClips(), t.firstDetectedAt(),
                t.lastCheckedAt());
    }

    static CostView costs(List<CostEntry> entries, BigDecimal estimate, BigDecimal budget) {
        Map<String, List<CostEntry>> groups = new LinkedHashMap<>();
        List<CostEntry> spent = entries.stream().filter(e -> e.kind() == CostEntry.Kind.SPENT).toList();
        spent.forEach(e -> groups.computeIfAbsent(e.provider() + "\u0000" + e.operation() + "\u0000" + e.unit(),
                k -> new ArrayList<>()).add(e));
        List<ProviderCost> byProvider = groups.values().stream().map(g -> new ProviderCost(g.get(0).provider(),
                g.get(0).operation().wireName(), g.size(), g.stream().mapToDouble(CostEntry::units).sum(),
                g.get(0).unit().wireName(), usd(g))).toList();
        int notCharged = (int) spent.stream().filter(e -> !e.charge().charged()).count();
        return new CostView(usd(spent), usd(entries.stream().filter(e -> e.kind() == CostEntry.Kind.SAVED).toList()),
                estimate, budget, spent.size() - notCharged, notCharged, byProvider);
    }

    private static BigDecimal usd(List<CostEntry> entries) {
        return BigDecimal.valueOf(entries.stream().mapToLong(CostEntry::amountMicroUsd).sum(), 6);
    }
}
