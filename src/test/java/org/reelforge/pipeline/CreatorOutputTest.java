package org.reelforge.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.video.Aspect;
import org.reelforge.video.BlockMedia;
import org.reelforge.video.CaptionLook;
import org.reelforge.video.ClipOperation;
import org.reelforge.video.ClipStatus;
import org.reelforge.video.CostEntry;
import org.reelforge.video.InvalidRequestException;
import org.reelforge.video.Music;
import org.reelforge.video.OutputOptions;
import org.reelforge.video.TimedWord;
import org.reelforge.video.VideoId;
import org.reelforge.video.VideoRequest;
import org.reelforge.video.VideoStatus;
import org.reelforge.wire.CaptionWordsDocument;

/**
 * What a creator chooses beyond the script, on the real engine in memory: their own file for a block (no provider, no
 * cost), the format, caption look and music reaching the clip model and the assembly, each clip's sound prepared as it
 * arrives, and captions corrected after the fact burned again without paying anything.
 */
class CreatorOutputTest {
    @TempDir
    Path dir;
    private PipelineHarness h;

    @AfterEach
    void tearDown() throws Exception {
        if (h != null) {
            h.close();
        }
    }

    private VideoId reviewed() {
        VideoId id = h.submit(VideoRequest.of("Les volcans").withDuration(16).withReview(true));
        h.runToEnd();
        assertThat(h.video(id).status()).isEqualTo(VideoStatus.AWAITING_APPROVAL);
        return id;
    }

    @Test
    void aBlockMadeFromAPersonsFileNeverReachesTheClipModelAndCostsNothing() throws Exception {
        h = PipelineHarness.inMemory(dir, 8, 8);
        VideoId id = reviewed();
        Path mine = Files.writeString(dir.resolve("plage.mp4"), "my own beach video");

        h.control.attachMedia(id, 2, mine, "plage.mp4", true);
        h.control.approve(id);
        h.runToEnd();

        assertThat(h.video(id).status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(h.clips.submissions()).as("only block 1 goes to the clip model").isEqualTo(1);
        assertThat(h.own.made.get()).isEqualTo(1);
        ClipOperation own = h.clip(id, 2);
        assertThat(own.status()).isEqualTo(ClipStatus.SUCCESS);
        assertThat(own.isOwnMedia()).isTrue();
        assertThat(own.submissions()).isZero();
        assertThat(h.costs(id)).filteredOn(e -> e.blockIndex() == 2).isEmpty();
        assertThat(h.assembly.lastInputs).extracting(i -> i.blockIndex()).containsExactly(1, 2);
        assertThat(h.video(id).delivered().missingBlocks()).isEmpty();
    }

    @Test
    void aFileThatIsNeitherAVideoNorAPictureIsRefusedWhenItIsGiven() throws Exception {
        h = PipelineHarness.inMemory(dir, 8, 8);
        VideoId id = reviewed();
        Path text = Files.writeString(dir.resolve("notes.mp4"), "not media at all");

        assertThatThrownBy(() -> h.control.attachMedia(id, 1, text, "notes.mp4", true))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("media");
                    assertThat(e.rule()).contains("video or a picture");
                });
        assertThat(h.control.script(id).block(1).media()).isNull();
    }

    @Test
    void aFileAddedToAFinishedVideoIsUsedAtTheNextRegenerateForFree() throws Exception {
        h = PipelineHarness.inMemory(dir, 8, 8);
        VideoId id = h.submit(VideoRequest.of("Les volcans").withDuration(16));
        h.runToEnd();
        long spent = clipSpending(id);

        h.control.attachMedia(id, 1, Files.writeString(dir.resolve("photo.png"), "a photo"), "photo.png", false);
        assertThat(h.clips.submissions()).as("nothing changes before the regenerate").isEqualTo(2);
        h.control.regenerateBlock(id, 1);
        h.runToEnd();

        assertThat(h.video(id).status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(h.clip(id, 1).isOwnMedia()).isTrue();
        assertThat(h.control.script(id).block(1).media().kind()).isEqualTo(BlockMedia.Kind.IMAGE);
        assertThat(h.clips.submissions()).as("the model is not asked again").isEqualTo(2);
        assertThat(clipSpending(id)).as("no clip paid for the re-roll").isEqualTo(spent);
    }

    private long clipSpending(VideoId id) {
        return h.costs(id).stream().filter(e -> e.kind() == CostEntry.Kind.SPENT
                && e.operation() == org.reelforge.video.BilledOperation.CLIP).mapToLong(CostEntry::amountMicroUsd).sum();
    }

    @Test
    void theFormatCaptionLookAndMusicReachTheClipModelAndTheAssembly() {
        h = PipelineHarness.inMemory(dir, 8, 8);
        OutputOptions output = OutputOptions.DEFAULT.withAspect(Aspect.LANDSCAPE)
                .withCaptions(OutputOptions.DEFAULT.captions().withStyle(CaptionLook.NONE))
                .withMusic(new Music("mood:calm", 60));
        VideoId id = h.submit(VideoRequest.of("Les volcans").withDuration(16).withOutput(output));
        h.runToEnd();

        assertThat(h.video(id).status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(h.clips.received()).allSatisfy(r -> assertThat(r.aspectRatio()).isEqualTo("16:9"));
        assertThat(h.assembly.lastLook.aspect()).isEqualTo(Aspect.LANDSCAPE);
        assertThat(h.assembly.lastLook.burnCaptions()).as("caption style none").isFalse();
        assertThat(h.assembly.lastLook.music()).isNotNull();
        assertThat(h.assembly.lastLook.music().volumePercent()).isEqualTo(60);
        assertThat(h.assembly.lastCaptioning.aspect()).isEqualTo(Aspect.LANDSCAPE);
    }

    @Test
    void musicTheLibraryDoesNotHaveIsRefusedBeforeAnythingIsQueued() {
        h = PipelineHarness.inMemory(dir, 8, 8);
        VideoRequest asked = VideoRequest.of("Les volcans").withDuration(16)
                .withOutput(OutputOptions.DEFAULT.withMusic(new Music("mood:jazz", 100)));

        assertThatThrownBy(() -> h.submit(asked)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.field()).isEqualTo("music"));
        assertThat(h.jobs.earliest()).isEmpty();
    }

    @Test
    void eachClipsSoundIsPreparedAsItArrivesNotAllAtTheAssembly() {
        h = PipelineHarness.inMemory(dir, 8, 8);
        h.submit(VideoRequest.of("Les volcans").withDuration(16));
        h.runToEnd();

        assertThat(h.assembly.prepared).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void correctedCaptionsAreBurnedWithoutTranscribingAgainUntilABlockIsMadeAgain() {
        h = PipelineHarness.inMemory(dir, 8, 8);
        VideoId id = h.submit(VideoRequest.of("Les volcans").withDuration(16));
        h.runToEnd();
        assertThat(h.listener.calls.get()).isEqualTo(1);
        CaptionWordsDocument shown = h.control.captionWords(id);
        assertThat(shown.edited()).isFalse();
        List<CaptionWordsDocument.Word> words = new java.util.ArrayList<>(shown.words());
        CaptionWordsDocument.Word first = words.get(0);
        words.set(0, new CaptionWordsDocument.Word("Volcans!", first.startMs(), first.endMs()));

        h.control.editCaptions(id, new CaptionWordsDocument(null, words, null));
        h.runToEnd();

        assertThat(h.video(id).status()).isEqualTo(VideoStatus.COMPLETED);
        assertThat(h.listener.calls.get()).as("no transcription: nothing paid").isEqualTo(1);
        assertThat(h.assembly.lastWords).extracting(TimedWord::text).first().isEqualTo("Volcans!");
        assertThat(h.control.captionWords(id).edited()).isTrue();
        assertThat(h.clips.submissions()).isEqualTo(2);

        h.control.regenerateBlock(id, 1);
        h.runToEnd();
        assertThat(h.listener.calls.get()).as("a new clip is timed again").isEqualTo(2);
        assertThat(h.assembly.lastWords).extracting(TimedWord::text).doesNotContain("Volcans!");
        assertThat(h.control.captionWords(id).edited()).isFalse();
    }

    @Test
    void captionWordsOutOfTheVideoOrOutOfOrderAreRefusedNamingTheWord() {
        h = PipelineHarness.inMemory(dir, 8, 8);
        VideoId id = h.submit(VideoRequest.of("Les volcans").withDuration(16));
        h.runToEnd();

        assertThatThrownBy(() -> h.control.editCaptions(id, new CaptionWordsDocument(null, List.of(
                new CaptionWordsDocument.Word("Un", 0L, 400L), new CaptionWordsDocument.Word("deux", 0L, 99_000L)), null)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("words[1].end_ms"));
        assertThatThrownBy(() -> h.control.editCaptions(id, new CaptionWordsDocument(null, List.of(
                new CaptionWordsDocument.Word("Un", 900L, 1000L), new CaptionWordsDocument.Word("deux", 100L, 200L)), null)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("words[1].start_ms"));
        assertThatThrownBy(() -> h.control.editCaptions(id, new CaptionWordsDocument(null, List.of(
                new CaptionWordsDocument.Word("{\\\\b1}\u0007", 0L, 100L)), null)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("words[0].text"));
    }
}
