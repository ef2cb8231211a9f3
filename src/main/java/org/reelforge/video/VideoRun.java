package org.reelforge.video;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One video's run, the aggregate the engine works on: the video, its scripts, its clip operations, its assembly
 * tracking and its ledger, loaded once and saved in one versioned transaction with the events and ledger lines its
 * changes produced ({@link #changes()}). Every change goes through a method here, which keeps the video's block counts,
 * writes the event and enforces the transition tables of {@link VideoStatus} and {@link ClipStatus}.
 * Not thread-safe: one run is worked on by one thread (the video's version keeps two workers apart).
 */
public final class VideoRun {
    private Video video;
    private Script original;
    private Script adapted;
    private final TreeMap<Integer, ClipOperation> clips = new TreeMap<>();
    private AssemblyTracking tracking;
    private final List<CostEntry> costs = new ArrayList<>();
    private Changes changes = Changes.none();

    private VideoRun(Video video, Script original, Script adapted, Collection<ClipOperation> clips,
                     AssemblyTracking tracking, Collection<CostEntry> costs) {
        this.video = video;
        this.original = original;
        this.adapted = adapted;
        clips.forEach(c -> this.clips.put(c.blockIndex(), c));
        this.tracking = tracking;
        this.costs.addAll(costs);
    }

    /** A run as stored: nothing to save until it changes. */
    public static VideoRun of(Video video, Script original, Script adapted, Collection<ClipOperation> clips,
                              AssemblyTracking tracking, Collection<CostEntry> costs) {
        return new VideoRun(video, original, adapted, clips, tracking, costs);
    }

    /** A new video, queued; its first event says what was asked. */
    public static VideoRun create(Video video, String summary) {
        VideoRun run = new VideoRun(video, null, null, List.of(), null, List.of());
        run.changes = run.changes.asInserted();
        run.event(EventType.QUEUED, summary, video.createdAt());
        return run;
    }

    // ---- reading

    public Video video() {
        return video;
    }

    public VideoId id() {
        return video.id();
    }

    /** The script clips and voice are made from: the adapted one when it exists. */
    public Optional<Script> script() {
        return Optional.ofNullable(adapted != null ? adapted : original);
    }

    public Script requireScript() {
        return script().orElseThrow(() -> new IllegalStateException("video " + id() + " has no script yet"));
    }

    public Optional<Script> original() {
        return Optional.ofNullable(original);
    }

    public Optional<Script> adapted() {
        return Optional.ofNullable(adapted);
    }

    public Optional<ClipOperation> clip(int block) {
        return Optional.ofNullable(clips.get(block));
    }

    public List<ClipOperation> clips() {
        return List.copyOf(clips.values());
    }

    public List<ClipOperation> clipsIn(ClipStatus status) {
        return clips.values().stream().filter(c -> c.status() == status).toList();
    }

    public int count(ClipStatus status) {
        return (int) clips.values().stream().filter(c -> c.status() == status).count();
    }

    /** The latest successful clip before {@code block} (extend mode continues from it). */
    public Optional<ClipOperation> lastSuccessBefore(int block) {
        return clips.headMap(block, false).descendingMap().values().stream()
                .filter(c -> c.status() == ClipStatus.SUCCESS).findFirst();
    }

    public Optional<AssemblyTracking> tracking() {
        return Optional.ofNullable(tracking);
    }

    /** Every ledger line: stored and new. */
    public List<CostEntry> costs() {
        return List.copyOf(costs);
    }

    /** What the video has spent so far, in millionths of a dollar. */
    public long spentMicros() {
        return costs.stream().filter(e -> e.kind() == CostEntry.Kind.SPENT).mapToLong(CostEntry::amountMicroUsd).sum();
    }

    /** What the generations still running will cost if they complete (booked when they end). */
    public long inFlightMicros() {
        return clips.values().stream().filter(c -> c.isInFlight() && c.quote() != null)
                .mapToLong(c -> c.quote().amountMicroUsd()).sum();
    }

    /** What was changed since the run was loaded or last saved. */
    public Changes changes() {
        return changes;
    }

    /** The store saved the changes: the video has its new version and nothing is pending. */
    public void saved(long newVersion) {
        video = video.withVersion(newVersion);
        changes = Changes.none();
    }

    // ---- what a step changes

    /** Appends a line to the history without changing the state (a skipped step, a resubmission…). */
    public void record(EventType type, String message, Instant at) {
        event(type, message, at);
    }

    /** Books ledger lines (calls made on the way, e.g. tokens of a refused LLM reply). */
    public void book(Collection<CostEntry> entries) {
        costs.addAll(entries);
        changes = changes.withCosts(entries);
    }

    /** Moves the video on (status, step, counters) with an event; the transition table applies. */
    public void update(Video next, EventType type, String message) {
        if (!next.id().equals(video.id()) || next.version() != video.version()) {
            throw new IllegalArgumentException("video " + next.id() + " v" + next.version() + " is not this run's video "
                    + video.id() + " v" + video.version());
        }
        video = next;
        changes = changes.withVideo();
        event(type, message, next.updatedAt());
    }

    /** The video moved without anything worth a line in its history (e.g. the rate limit's clock cleared). */
    public void touch(Video next) {
        if (!next.equals(video)) {
            video = next;
            changes = changes.withVideo();
        }
    }

    public void saveScript(ScriptKind kind, Script script) {
        if (kind == ScriptKind.ORIGINAL) {
            original = script;
        } else {
            adapted = script;
        }
        changes = changes.withScript(kind);
    }

    /** The current script with {@code block} replaced (same index): the adapted one when it exists. */
    public void replaceBlock(Block block) {
        if (adapted != null) {
            saveScript(ScriptKind.ADAPTED, adapted.withBlock(block));
        } else {
            saveScript(ScriptKind.ORIGINAL, requireScript().withBlock(block));
        }
    }

    /**
     * Saves a clip's new state with the video's block counts, an event and what it cost. The clip's own methods
     * enforce its transitions; this keeps the video's view of them.
     */
    public void saveClip(ClipOperation clip, EventType type, String message, Collection<CostEntry> entries, Instant now) {
        if (!clip.videoId().equals(id())) {
            throw new IllegalArgumentException("clip of " + clip.videoId() + " given to the run of " + id());
        }
        clips.put(clip.blockIndex(), clip);
        changes = changes.withClip(clip.blockIndex());
        book(entries);
        int total = script().map(s -> s.blocks().size()).orElse(clips.size());
        video = video.withBlocks(total, count(ClipStatus.SUCCESS), currentBlock(total), now);
        changes = changes.withVideo();
        event(type, message, now);
    }

    /** Keeps a clip change that is not worth an event or a video write (the next poll's time). */
    public void rescheduleClip(ClipOperation clip) {
        clips.put(clip.blockIndex(), clip);
        changes = changes.withClip(clip.blockIndex());
    }

    /** Forgets every clip row (a script replaced before any clip was made). */
    public void dropClips() {
        changes = changes.withRemovedClips(clips.keySet());
        clips.clear();
    }

    public void saveTracking(AssemblyTracking t) {
        tracking = t;
        changes = changes.withTracking();
    }

    /** A re-roll, retry or reset starts the assembly wait over: the deadline runs from the next time clips are missing. */
    public void restartAssemblyWait() {
        if (tracking != null) {
            tracking = null;
            changes = changes.withTracking();
        }
    }

    private void event(EventType type, String message, Instant at) {
        changes = changes.withEvent(new VideoEvent(0, id(), at, type, message));
    }

    /** The first block (1-based) that is neither done nor abandoned: the one being generated in extend mode. */
    private int currentBlock(int total) {
        for (int i = 1; i <= total; i++) {
            ClipOperation c = clips.get(i);
            if (c == null || !c.isSettled()) {
                return i;
            }
        }
        return total;
    }

    /** The two scripts a video keeps: as written (or supplied) and as adapted for speech (narrated mode). */
    public enum ScriptKind {
        ORIGINAL, ADAPTED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * What a save must write: the video row (versioned) when it changed or is new, the changed clip rows, the
     * tracking, the scripts, the new events and ledger lines.
     */
    public record Changes(boolean inserted, boolean video, Set<Integer> clips, Set<Integer> removedClips,
                          boolean tracking, Set<ScriptKind> scripts, List<VideoEvent> events, List<CostEntry> costs) {
        public Changes {
            clips = Set.copyOf(clips);
            removedClips = Set.copyOf(removedClips);
            scripts = scripts.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scripts));
            events = List.copyOf(events);
            costs = List.copyOf(costs);
        }

        static Changes none() {
            return new Changes(false, false, Set.of(), Set.of(), false, Set.of(), List.of(), List.of());
        }

        /** Nothing to write. */
        public boolean isEmpty() {
            return !inserted && !video && clips.isEmpty() && removedClips.isEmpty() && !tracking && scripts.isEmpty()
                    && events.isEmpty() && costs.isEmpty();
        }

        /** Whether the save must bump the video's version (anything but a poll's reschedule changes it). */
        public boolean bumpsVersion() {
            return video || !removedClips.isEmpty() || tracking || !scripts.isEmpty() || !events.isEmpty() || !costs.isEmpty();
        }

        Changes asInserted() {
            return new Changes(true, true, clips, removedClips, tracking, scripts, events, costs);
        }

        Changes withVideo() {
            return new Changes(inserted, true, clips, removedClips, tracking, scripts, events, costs);
        }

        Changes withTracking() {
            return new Changes(inserted, video, clips, removedClips, true, scripts, events, costs);
        }

        Changes withClip(int block) {
            Set<Integer> c = new TreeSet<>(clips);
            c.add(block);
            Set<Integer> r = new TreeSet<>(removedClips);
            r.remove(block);
            return new Changes(inserted, video, c, r, tracking, scripts, events, costs);
        }

        Changes withRemovedClips(Collection<Integer> blocks) {
            Set<Integer> r = new TreeSet<>(removedClips);
            r.addAll(blocks);
            Set<Integer> c = new TreeSet<>(clips);
            c.removeAll(blocks);
            return new Changes(inserted, video, c, r, tracking, scripts, events, costs);
        }

        Changes withScript(ScriptKind kind) {
            Set<ScriptKind> s = scripts.isEmpty() ? EnumSet.noneOf(ScriptKind.class) : EnumSet.copyOf(scripts);
            s.add(kind);
            return new Changes(inserted, video, clips, removedClips, tracking, s, events, costs);
        }

        Changes withEvent(VideoEvent e) {
            List<VideoEvent> list = new ArrayList<>(events);
            list.add(e);
            return new Changes(inserted, video, clips, removedClips, tracking, scripts, list, costs);
        }

        Changes withCosts(Collection<CostEntry> entries) {
            List<CostEntry> list = new ArrayList<>(costs);
            list.addAll(entries);
            return new Changes(inserted, video, clips, removedClips, tracking, scripts, events, list);
        }
    }
}
