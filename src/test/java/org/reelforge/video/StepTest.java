package org.reelforge.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StepTest {
    @Test
    void nothingDoneStartsFromTheScript() {
        assertThat(Step.startFrom(null, Mode.NARRATED)).isEqualTo(Step.SCRIPT);
    }

    @Test
    void narratedModeResumesAfterEachSuccessfulStep() {
        assertThat(Step.startFrom(CompletedStep.SCRIPT_GENERATED, Mode.NARRATED)).isEqualTo(Step.ADAPT);
        assertThat(Step.startFrom(CompletedStep.SCRIPT_ADAPTED, Mode.NARRATED)).isEqualTo(Step.AUDIO);
        assertThat(Step.startFrom(CompletedStep.AUDIO_GENERATED, Mode.NARRATED)).isEqualTo(Step.CLIPS);
        assertThat(Step.startFrom(CompletedStep.CLIPS_GENERATED, Mode.NARRATED)).isEqualTo(Step.ASSEMBLY);
        assertThat(Step.startFrom(CompletedStep.VIDEO_ASSEMBLED, Mode.NARRATED)).isNull();
    }

    @Test
    void nativeAudioModeSkipsAdaptAndAudio() {
        assertThat(Step.startFrom(CompletedStep.SCRIPT_GENERATED, Mode.NATIVE_AUDIO)).isEqualTo(Step.CLIPS);
        assertThat(Step.alreadyDone(CompletedStep.CLIPS_GENERATED, Mode.NATIVE_AUDIO)).containsExactly(Step.SCRIPT, Step.CLIPS);
    }

    @Test
    void refusedTransitionNamesTheVideoAndBothStates() {
        Video v = Video.create(new VideoId("vid_20260201_203648_k3f9"), "u", VideoRequest.of("x"), Instant.EPOCH)
                .withStatus(VideoStatus.CANCELLED, Instant.EPOCH);
        assertThatThrownBy(() -> v.withStatus(VideoStatus.ASSEMBLING, Instant.EPOCH))
                .hasMessageContaining("vid_20260201_203648_k3f9").hasMessageContaining("cancelled").hasMessageContaining("assembling");
    }

    @Test
    void extendModeShowsWhichBlockIsGenerating() {
        Video v = Video.create(new VideoId("vid_20260201_203648_k3f9"), "u",
                        VideoRequest.of("x").withClipStrategy(ClipStrategy.EXTEND), Instant.EPOCH)
                .markRunning(Step.CLIPS, VideoStatus.GENERATING_CLIPS, Instant.EPOCH).withBlocks(5, 2, 3, Instant.EPOCH);
        assertThat(v.statusLabel()).isEqualTo("generating_block_3");
        assertThat(StatusMessages.message(v, Language.FR, 3)).isEqualTo("Génération vidéos (2/5 blocs)");
    }

    @Test
    void clipOperationRefusesToLeaveSuccessForAbandoned() {
        ClipOperation c = ClipOperation.intent(new VideoId("vid_20260201_203648_k3f9"), 1, "p", "fake", null, "720p", "d",
                        Instant.EPOCH).markPending("op", Instant.EPOCH, Instant.EPOCH).markSuccess("ref", 0, 0, Instant.EPOCH);
        assertThatThrownBy(() -> c.markAbandoned(Instant.EPOCH)).hasMessageContaining("success");
    }
}
