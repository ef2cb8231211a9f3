package org.reelforge.pipeline;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.reelforge.cost.CostLedger;
import org.reelforge.provider.ProviderCall;
import org.reelforge.video.ClipOperation;
import org.reelforge.video.ClipStatus;
import org.reelforge.video.Script;
import org.reelforge.video.Video;

/**
 * The working state of one pass over a video's clips: the video (its latest saved version), its script
 * and its clip rows. Every change goes through {@link #save}, one transaction with the video's
 * block counts and an event.
 */
final class ClipRound {
    private final Journal journal;
    private final CostLedger ledger;
    private final Clock clock;
    private final Script script;
    private final TreeMap<Integer, ClipOperation> clips = new TreeMap<>();
    private Video video;

    ClipRound(Journal journal, CostLedger ledger, Clock clock, Video video, Script script, List<ClipOperation> rows) {
        this.journal = journal;
        this.ledger = ledger;
        this.clock = clock;
        this.video = video;
        this.script = script;
        rows.forEach(c -> clips.put(c.blockIndex(), c));
    }

    Video video() {
        return video;
    }

    Script script() {
        return script;
    }

    Optional<ClipOperation> clip(int block) {
        return Optional.ofNullable(clips.get(block));
    }

    List<ClipOperation> clips() {
        return List.copyOf(clips.values());
    }

    List<ClipOperation> clipsIn(ClipStatus status) {
        return clips.values().stream().filter(c -> c.status() == status).toList();
    }

    long count(ClipStatus status) {
        return clips.values().stream().filter(c -> c.status() == status).count();
    }

    Optional<ClipOperation> lastSuccessBefore(int block) {
        return clips.headMap(block, false).descendingMap().values().stream()
                .filter(c -> c.status() == ClipStatus.SUCCESS).findFirst();
    }

    /** Saves a clip's new state with the video's block counts, an event and the calls it cost. */
    void save(ClipOperation clip, String type, String message, List<ProviderCall> calls) {
        clips.put(clip.blockIndex(), clip);
        Video counted = video.withBlocks(script.blocks().size(), (int) count(ClipStatus.SUCCESS), currentBlock(),
                clock.instant());
        video = journal.commit(counted, type, message, tx -> {
            tx.saveClip(clip);
            ledger.spent(tx, video.id(), calls, clock.instant());
        });
    }

    /** An event and its calls that change no clip. */
    void record(String type, String message, List<ProviderCall> calls) {
        video = journal.commit(video, type, message, tx -> ledger.spent(tx, video.id(), calls, clock.instant()));
    }

    /** Keeps an in-memory change that was persisted elsewhere (a poll's next time). */
    void replace(ClipOperation clip) {
        clips.put(clip.blockIndex(), clip);
    }

    void updateVideo(Video saved) {
        video = saved;
    }

    /** The first block (1-based) that is neither done nor abandoned: the one being generated in extend mode. */
    private int currentBlock() {
        for (int i = 1; i <= script.blocks().size(); i++) {
            ClipOperation c = clips.get(i);
            if (c == null || (c.status() != ClipStatus.SUCCESS && c.status() != ClipStatus.ABANDONED)) {
                return i;
            }
        }
        return script.blocks().size();
    }
}
