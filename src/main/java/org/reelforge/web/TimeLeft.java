package org.reelforge.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.reelforge.pipeline.LibraryStatistics.StepSample;
import org.reelforge.video.Step;
import org.reelforge.video.Video;
import org.reelforge.video.VideoEvent;
import org.reelforge.video.VideoStatus;

/**
 * Time left for a running video from this installation's history, not from the percentage (which said "~1 h" after
 * a retry that took 55 s): for each step still to run, the median duration of the last {@value #PER_STEP} runs of
 * that step by the provider that did it most recently (audio, clips and assembly per block, times this video's
 * blocks); for the step running now, that minus the time it has run. Unknown when a step has no history yet.
 */
final class TimeLeft {
    static final int PER_STEP = 20;
    private static final Set<Step> PER_BLOCK = Set.of(Step.AUDIO, Step.CLIPS, Step.ASSEMBLY);
    private static final Set<String> STARTS = Set.of("queued", "resume_requested", "retry_requested", "script_generated",
            "script_adapted", "clips_started", "assembly_started", "block_regenerating");

    /**
     * @param remainingSeconds null when unknown
     * @param basis {@code history} (medians of past runs), {@code no_history} (a step was never measured here)
     * @param samples how many past step runs the estimate rests on
     */
    record Estimate(Long remainingSeconds, String basis, int samples) {
    }

    private TimeLeft() {
    }

    /** Null for a video that is not running (finished, or waiting for a person). */
    static Estimate of(Video v, List<VideoEvent> events, List<StepSample> history, Instant now) {
        if (!running(v.status())) {
            return null;
        }
        Step current = v.currentStep() != null ? v.currentStep() : v.startFrom();
        List<Step> steps = Step.sequence(v.request().mode());
        int from = current == null ? steps.size() : steps.indexOf(current);
        // A regenerated block renders one clip, not the whole video's.
        int clipBlocks = "block_regenerating".equals(latestStart(events)) ? 1 : Math.max(1, v.totalBlocks());
        double left = 0;
        int samples = 0;
        for (int i = Math.max(0, from); i < steps.size(); i++) {
            List<Double> durations = durations(steps.get(i), history);
            if (durations.isEmpty()) {
                return new Estimate(null, "no_history", samples);
            }
            samples += durations.size();
            Step s = steps.get(i);
            double step = median(durations) * (s == Step.CLIPS ? clipBlocks : PER_BLOCK.contains(s) ? Math.max(1, v.totalBlocks()) : 1);
            left += i == from ? Math.max(0, step - runningFor(events, now)) : step;
        }
        return new Estimate(Math.round(left), "history", samples);
    }

    private static boolean running(VideoStatus status) {
        String s = status.wireName();
        return !(s.equals("completed") || s.equals("failed") || s.equals("cancelled") || s.equals("awaiting_approval"));
    }

    /** Seconds (per block where it applies) of the latest runs of {@code step} by its most recent provider. */
    private static List<Double> durations(Step step, List<StepSample> history) {
        List<StepSample> runs = history.stream().filter(s -> s.step().equals(step.wireName()))
                .sorted(Comparator.comparingLong(StepSample::finishedAtMillis)).toList();
        if (runs.isEmpty()) {
            return List.of();
        }
        String provider = runs.get(runs.size() - 1).provider();
        List<Double> out = new ArrayList<>();
        for (int i = runs.size() - 1; i >= 0 && out.size() < PER_STEP; i--) {
            StepSample s = runs.get(i);
            if (s.provider().equals(provider)) {
                out.add(s.took().toMillis() / 1000.0 / (PER_BLOCK.contains(step) ? s.blocks() : 1));
            }
        }
        return out;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Seconds since the latest event that started a step of this video. */
    private static double runningFor(List<VideoEvent> events, Instant now) {
        VideoEvent start = latest(events);
        return start == null ? 0 : Math.max(0, Duration.between(start.at(), now).toMillis() / 1000.0);
    }

    private static String latestStart(List<VideoEvent> events) {
        VideoEvent start = latest(events);
        return start == null ? null : start.type().wireName();
    }

    private static VideoEvent latest(List<VideoEvent> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (STARTS.contains(events.get(i).type().wireName())) {
                return events.get(i);
            }
        }
        return null;
    }
}
