package org.reelforge.provider.offline.clips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.media.Ffmpeg;
import org.reelforge.media.Loudness;
import org.reelforge.media.Probe;
import org.reelforge.video.Language;

class ClipRendererIT {
    private static final Ffmpeg FFMPEG = Ffmpeg.onPath();
    /** A directory name that would break any path pasted into a filter graph. */
    private static final String HOSTILE_DIR = "data: it's \"odd\"; [x], y=1 \\ z";

    @TempDir
    Path root;

    private final ToneSpeech speech = new ToneSpeech(400);
    private final ClipRenderer renderer = new ClipRenderer(FFMPEG, speech);

    private ClipRenderer.Scene scene(int seconds, String prompt, String spoken, boolean withSpeech, String onScreen) {
        return new ClipRenderer.Scene(1, seconds, prompt, spoken, withSpeech, Language.FR, onScreen, ClipLook.fromPrompt(prompt), 0);
    }

    @Test
    void rendersAVeoSizedClipOfExactlyTheBlockDurationWithSpeech() throws Exception {
        Path dir = Files.createDirectories(root.resolve(HOSTILE_DIR));
        ClipRenderer.Rendered rendered = renderer.render(scene(4, "Un robot bleu zoom in sur un circuit",
                "Les réseaux de neurones apprennent", true, "%{pts} 'quote' \\ : ; {x} 😀 مرحبا"), dir.resolve("clip: 1.mp4"), dir.resolve("work: 1"));

        Probe probe = Probe.of(FFMPEG, rendered.file());
        assertThat(probe.width()).isEqualTo(720);
        assertThat(probe.height()).isEqualTo(1280);
        assertThat(probe.fps()).isCloseTo(24, within(0.01));
        assertThat(probe.videoCodec()).isEqualTo("h264");
        assertThat(probe.audioCodec()).isEqualTo("aac");
        assertThat(probe.sampleRate()).isEqualTo(48_000);
        assertThat(probe.durationMillis()).isCloseTo(4_000, within(60L));
        assertThat(rendered.words()).extracting(w -> w.text()).containsExactly("Les", "réseaux", "de", "neurones", "apprennent");
        assertThat(Loudness.measure(FFMPEG, rendered.file()).integratedLufs()).isGreaterThan(-40);
    }

    @Test
    void speechTooLongForTheBlockIsSpokenFaster() {
        ClipRenderer.Rendered rendered = renderer.render(scene(4, "drift", "un deux trois quatre cinq six sept huit neuf dix onze douze",
                true, null), root.resolve("fast.mp4"), root.resolve("work-fast"));
        assertThat(rendered.speechRate()).isGreaterThan(1.0);
        assertThat(speech.calls()).isEqualTo(2);
        assertThat(rendered.words()).hasSize(12);
        assertThat(rendered.words().get(11).endMillis()).isLessThanOrEqualTo(4_000);
    }

    @Test
    void aClipWithoutSpeechHasOnlyAQuietRoomTone() {
        ClipRenderer.Rendered rendered = renderer.render(scene(4, "pulse rouge", "", false, "Titre"), root.resolve("silent.mp4"),
                root.resolve("work-silent"));
        assertThat(speech.calls()).isZero();
        assertThat(Probe.of(FFMPEG, rendered.file()).hasAudio()).isTrue();
        assertThat(Loudness.measure(FFMPEG, rendered.file()).integratedLufs()).isLessThan(-45);
    }
}
