package org.reelforge.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.reelforge.pipeline.ConcurrentUpdateException;
import org.reelforge.pipeline.VideoLibrary;
import org.reelforge.pipeline.VideoRuns;
import org.reelforge.video.AssemblyTracking;
import org.reelforge.video.ClipOperation;
import org.reelforge.video.CostEntry;
import org.reelforge.video.Script;
import org.reelforge.video.Video;
import org.reelforge.video.VideoEvent;
import org.reelforge.video.VideoId;
import org.reelforge.video.VideoRun;
import org.reelforge.video.VideoStatus;

/**
 * {@link VideoRuns} and {@link VideoLibrary} in memory, with the same contract as the database (versioned saves,
 * conflicts, event ids in commit order): the engine's rules run on it in milliseconds. Every value it holds is
 * immutable, so a loaded run never shares state with the store. Thread-safe (one lock).
 */
public final class InMemoryVideoRuns implements VideoRuns, VideoLibrary {
    private final Map<VideoId, Stored> videos = new LinkedHashMap<>();
    private long nextEventId = 1;

    /** One video as saved. */
    private record Stored(Video video, Script original, Script adapted, TreeMap<Integer, ClipOperation> clips,
                          AssemblyTracking tracking, List<CostEntry> costs, List<VideoEvent> events) {
    }

    @Override
    public synchronized Optional<VideoRun> load(VideoId id) {
        Stored s = videos.get(id);
        return s == null ? Optional.empty()
                : Optional.of(VideoRun.of(s.video, s.original, s.adapted, s.clips.values(), s.tracking, s.costs));
    }

    @Override
    public synchronized void save(VideoRun run) {
        VideoRun.Changes changes = run.changes();
        if (changes.isEmpty()) {
            return;
        }
        Stored before = videos.get(run.id());
        if (changes.inserted() ? before != null : before == null || before.video.version() != run.video().version()) {
            throw new ConcurrentUpdateException("video " + run.id() + " was changed by another worker or a person (expected "
                    + "version " + run.video().version() + ")");
        }
        long version = changes.inserted() ? 0 : run.video().version() + 1;
        TreeMap<Integer, ClipOperation> clips = before == null ? new TreeMap<>() : new TreeMap<>(before.clips);
        changes.removedClips().forEach(clips::remove);
        changes.clips().forEach(b -> run.clip(b).ifPresent(c -> clips.put(b, c)));
        List<CostEntry> costs = new ArrayList<>(before == null ? List.of() : before.costs);
        costs.addAll(changes.costs());
        List<VideoEvent> events = new ArrayList<>(before == null ? List.of() : before.events);
        for (VideoEvent e : changes.events()) {
            events.add(new VideoEvent(nextEventId++, e.videoId(), e.at(), e.type(), e.message()));
        }
        Script original = changes.scripts().contains(VideoRun.ScriptKind.ORIGINAL) ? run.original().orElse(null)
                : before == null ? null : before.original;
        Script adapted = changes.scripts().contains(VideoRun.ScriptKind.ADAPTED) ? run.adapted().orElse(null)
                : before == null ? null : before.adapted;
        AssemblyTracking tracking = changes.tracking() ? run.tracking().orElse(null) : before == null ? null : before.tracking;
        videos.put(run.id(), new Stored(run.video().withVersion(version), original, adapted, clips, tracking,
                List.copyOf(costs), List.copyOf(events)));
        run.saved(version);
    }

    @Override
    public synchronized void delete(VideoId id) {
        videos.remove(id);
    }

    @Override
    public synchronized List<VideoId> unfinished() {
        return videos.values().stream().map(Stored::video).filter(v -> !v.status().isIdle())
                .sorted(Comparator.comparing(Video::createdAt)).map(Video::id).toList();
    }

    @Override
    public synchronized int inFlightClips(String provider) {
        return (int) videos.values().stream().filter(s -> !s.video.status().isTerminal())
                .flatMap(s -> s.clips.values().stream())
                .filter(c -> provider.equals(c.provider()) && c.isInFlight()).count();
    }

    @Override
    public synchronized Optional<Video> video(VideoId id) {
        return Optional.ofNullable(videos.get(id)).map(Stored::video);
    }

    @Override
    public synchronized List<Video> page(String owner, VideoStatus status, int offset, int limit) {
        return videos.values().stream().map(Stored::video)
                .filter(v -> owner == null || owner.equals(v.owner()))
                .filter(v -> status == null || status == v.status())
                .sorted(Comparator.comparing(Video::createdAt).thenComparing(v -> v.id().value()).reversed())
                .skip(offset).limit(limit).toList();
    }

    @Override
    public synchronized int count(String owner, VideoStatus status) {
        return page(owner, status, 0, Integer.MAX_VALUE).size();
    }

    @Override
    public synchronized List<VideoEvent> events(VideoId id, long afterId, int limit) {
        return Optional.ofNullable(videos.get(id)).map(Stored::events).orElse(List.of()).stream()
                .filter(e -> e.id() > afterId).limit(limit).toList();
    }

    @Override
    public synchronized List<VideoEvent> latestEvents(VideoId id, int limit) {
        List<VideoEvent> all = Optional.ofNullable(videos.get(id)).map(Stored::events).orElse(List.of());
        return all.subList(Math.max(0, all.size() - limit), all.size());
    }

    @Override
    public synchronized Map<VideoId, EventMark> eventMarks(Collection<VideoId> ids) {
        Map<VideoId, EventMark> marks = new HashMap<>();
        for (VideoId id : ids) {
            List<VideoEvent> events = Optional.ofNullable(videos.get(id)).map(Stored::events).orElse(List.of());
            if (!events.isEmpty()) {
                marks.put(id, new EventMark(id, events.get(events.size() - 1).id(), events.size()));
            }
        }
        return marks;
    }
}
