package org.reelforge.provider.offline.clips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.media.Assembler;
import org.reelforge.media.Ffmpeg;
import org.reelforge.media.FfmpegAssembler;
import org.reelforge.media.Probe;
import org.reelforge.pipeline.MutableClock;
import org.reelforge.provider.ClipGenerator.ClipRequest;
import org.reelforge.provider.ClipGenerator.Poll;
import org.reelforge.provider.offline.clips.ClipRenderer;
import org.reelforge.provider.offline.clips.ToneSpeech;
import org.reelforge.video.Language;
import org.reelforge.video.VideoId;

/** The local provider with the real renderer: clips that ffprobe and the assembler accept. */
class LocalClipGeneratorIT {
    private static final VideoId VIDEO = new VideoId("vid_20260201_203648_k3f9");

    @TempDir
    Path root;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-02-01T20:36:48Z"));
    private final Ffmpeg ffmpeg = Ffmpeg.onPath();

    @Test
    void downloadedClipsAreVeoSizedWithSpeechAndExtensionsAssembleWithTheirPredecessor() throws Exception {
        Path state = Files.createDirectories(root.resolve("data: 'x'/local-provider"));
        LocalClipGenerator generator = new LocalClipGenerator(state, new ClipRenderer(ffmpeg, new ToneSpeech(300)),
                new LocalFaults(Duration.ofSeconds(20), 0, 0, 0, 3), clock);
        String first = generator.submit(new ClipRequest(VIDEO, 1, 4, "Un robot doré, zoom in", "Bonjour à tous, voici l'IA",
                true, Language.FR, Optional.empty(), "L'IA {expliquée}")).operationName();
        clock.advance(Duration.ofSeconds(20));
        Poll.Done done = (Poll.Done) generator.poll(first);
        String second = generator.submit(new ClipRequest(VIDEO, 2, 4, "suite", "Elle apprend vite", true, Language.FR,
                Optional.of(done.resultRef()), null)).operationName();
        clock.advance(Duration.ofSeconds(20));

        Path clip1 = root.resolve("clip1.mp4");
        Path clip2 = root.resolve("clip2.mp4");
        generator.download(first, clip1);
        generator.download(second, clip2);

        for (Path clip : List.of(clip1, clip2)) {
            Probe probe = Probe.of(ffmpeg, clip);
            assertThat(probe.width()).isEqualTo(720);
            assertThat(probe.height()).isEqualTo(1280);
            assertThat(probe.audioCodec()).isEqualTo("aac");
            assertThat(probe.sampleRate()).isEqualTo(48_000);
            assertThat(probe.durationMillis()).isCloseTo(4_000, within(60L));
        }
        Assembler assembler = new FfmpegAssembler(ffmpeg);
        List<Assembler.Input> inputs = List.of(new Assembler.Input(1, clip1, 0, 4_000, null),
                new Assembler.Input(2, clip2, 0, 4_000, null));
        Assembler.Rendered video = assembler.render(inputs, assembler.joinAudio(inputs, root.resolve("work")), null,
                root.resolve("final.mp4"), root.resolve("work"));
        assertThat(video.durationMillis()).isCloseTo(8_000, within(200L));
        assertThat(new LocalClipGenerator(state, (s, t, w) -> { }, LocalFaults.NONE, clock).submissions()).hasSize(2);
    }
}
