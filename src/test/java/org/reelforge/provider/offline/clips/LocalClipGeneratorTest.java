package org.reelforge.provider.offline.clips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.pipeline.MutableClock;
import org.reelforge.provider.ClipGenerator.ClipRequest;
import org.reelforge.provider.ClipGenerator.Poll;
import org.reelforge.provider.ProviderException;
import org.reelforge.provider.offline.clips.ClipRenderer;
import org.reelforge.provider.offline.clips.Motion;
import org.reelforge.video.ErrorCategory;
import org.reelforge.video.Language;
import org.reelforge.video.VideoId;

/** The ClipGenerator contract on the local provider, in simulated time, with a fake renderer. */
class LocalClipGeneratorTest {
    private static final VideoId VIDEO = new VideoId("vid_20260201_203648_k3f9");

    @TempDir
    Path state;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-02-01T20:36:48Z"));
    private final List<ClipRenderer.Scene> rendered = new ArrayList<>();

    private LocalClipGenerator generator(LocalFaults faults) {
        return new LocalClipGenerator(state, this::fakeRender, faults, clock);
    }

    private void fakeRender(ClipRenderer.Scene scene, Path target, Path workDir) {
        rendered.add(scene);
        try {
            Files.writeString(target, "clip of block " + scene.blockIndex(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ClipRequest request(int block, String prompt) {
        return new ClipRequest(VIDEO, block, 8, prompt, "Bonjour le monde", true, Language.FR, Optional.empty(), null);
    }

    private static LocalFaults faults(Duration latency, double failure, double stuck, double refusal) {
        return new LocalFaults(latency, failure, stuck, refusal, 1);
    }

    @Test
    void submitReturnsAtOnceAndTheOperationRunsUntilTheLatencyHasPassed() {
        LocalClipGenerator generator = generator(faults(Duration.ofSeconds(20), 0, 0, 0));
        String name = generator.submit(request(1, "a blue sky")).operationName();

        assertThat(generator.poll(name)).isInstanceOf(Poll.Running.class);
        clock.advance(Duration.ofSeconds(19));
        assertThat(generator.poll(name)).isInstanceOf(Poll.Running.class);
        assertThat(rendered).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(generator.poll(name)).isEqualTo(new Poll.Done("local-clip:" + name));
        assertThat(rendered).hasSize(1);
    }

    @Test
    void withoutLatencyTheFirstPollIsDoneAndTheSubmitIsBilledInSeconds() {
        LocalClipGenerator generator = generator(LocalFaults.NONE);
        var submitted = generator.submit(request(1, "a red car"));
        assertThat(generator.poll(submitted.operationName())).isInstanceOf(Poll.Done.class);
        assertThat(submitted.call().units()).isEqualTo(8);
        assertThat(submitted.call().unit()).isEqualTo("second");
    }

    @Test
    void aFailureRateOfOneFailsHalfAtSubmitAndHalfWhenTheOperationEnds() {
        LocalClipGenerator generator = generator(faults(Duration.ZERO, 1, 0, 0));
        int rejected = 0;
        int failedWhenDone = 0;
        for (int block = 1; block <= 20; block++) {
            try {
                Poll poll = generator.poll(generator.submit(request(block, "x")).operationName());
                assertThat(poll).isInstanceOf(Poll.Failed.class);
                assertThat(((Poll.Failed) poll).error().kind()).isEqualTo(ProviderException.Kind.TRANSIENT);
                failedWhenDone++;
            } catch (ProviderException e) {
                assertThat(e.kind()).isEqualTo(ProviderException.Kind.TRANSIENT);
                assertThat(e.getMessage()).contains("HTTP 500");
                rejected++;
            }
        }
        assertThat(rejected).isBetween(4, 16);
        assertThat(failedWhenDone).isBetween(4, 16);
        assertThat(generator.submissions()).hasSize(20);
        assertThat(generator.submissions().stream().filter(s -> !s.accepted())).hasSize(rejected);
        assertThat(rendered).isEmpty();
    }

    @Test
    void aStuckOperationNeverFinishes() {
        LocalClipGenerator generator = generator(faults(Duration.ofSeconds(10), 0, 1, 0));
        String name = generator.submit(request(1, "x")).operationName();
        clock.advance(Duration.ofDays(2));
        assertThat(generator.poll(name)).isInstanceOf(Poll.Running.class);
    }

    @Test
    void aRefusedOperationFinishesWithoutAClipForUsageGuidelines() {
        LocalClipGenerator generator = generator(faults(Duration.ZERO, 0, 0, 1));
        Poll poll = generator.poll(generator.submit(request(1, "x")).operationName());
        assertThat(poll).isInstanceOf(Poll.Failed.class);
        ProviderException error = ((Poll.Failed) poll).error();
        assertThat(error.kind()).isEqualTo(ProviderException.Kind.REFUSED);
        assertThat(error.category()).isEqualTo(ErrorCategory.USAGE_GUIDELINES);
        assertThat(error.getMessage()).contains("usage guidelines");
        assertThat(rendered).isEmpty();
    }

    @Test
    void theSameSeedGivesTheSameFaultsWhateverTheOrder() {
        LocalFaults faults = new LocalFaults(Duration.ZERO, 0.4, 0.2, 0.2, 99);
        List<String> forward = outcomes(new LocalClipGenerator(state.resolve("a"), this::fakeRender, faults, clock), 1, 2, 3, 4, 5, 6);
        List<String> backward = outcomes(new LocalClipGenerator(state.resolve("b"), this::fakeRender, faults, clock), 6, 5, 4, 3, 2, 1);
        assertThat(forward).containsExactlyInAnyOrderElementsOf(backward);
        assertThat(forward).as("some faults at these rates").anyMatch(o -> !o.endsWith("Done"));
    }

    private List<String> outcomes(LocalClipGenerator generator, int... blocks) {
        List<String> outcomes = new ArrayList<>();
        for (int block : blocks) {
            try {
                Poll poll = generator.poll(generator.submit(request(block, "x")).operationName());
                outcomes.add(block + ":" + (poll instanceof Poll.Failed f ? f.error().kind() : poll.getClass().getSimpleName()));
            } catch (ProviderException e) {
                outcomes.add(block + ":rejected");
            }
        }
        return outcomes;
    }

    @Test
    void aNewInstanceOnTheSameStateDirectoryKnowsTheOperationAndItsSubmissions() {
        String name = generator(faults(Duration.ofSeconds(30), 0, 0, 0)).submit(request(2, "x")).operationName();

        LocalClipGenerator restarted = generator(faults(Duration.ofSeconds(30), 0, 0, 0));
        assertThat(restarted.poll(name)).isInstanceOf(Poll.Running.class);
        clock.advance(Duration.ofSeconds(30));
        assertThat(restarted.poll(name)).isInstanceOf(Poll.Done.class);
        assertThat(restarted.submissions(VIDEO, 2)).singleElement()
                .satisfies(s -> assertThat(s.operationName()).contains(name));
        assertThat(restarted.submit(request(2, "x")).operationName()).endsWith("-b2-a2");
        assertThat(restarted.submissions(VIDEO, 2)).extracting(LocalClipGenerator.Submission::attempt).containsExactly(1, 2);
    }

    @Test
    void downloadCopiesTheClipRenderedOnceAtTheFirstDonePoll() throws IOException {
        LocalClipGenerator generator = generator(LocalFaults.NONE);
        String name = generator.submit(request(3, "x")).operationName();
        generator.poll(name);
        generator.download(name, state.resolve("one.mp4"));
        generator.download(name, state.resolve("two.mp4"));
        assertThat(rendered).hasSize(1);
        assertThat(Files.readString(state.resolve("two.mp4"))).isEqualTo("clip of block 3");
    }

    @Test
    void downloadBeforeTheOperationIsDoneFails() {
        LocalClipGenerator generator = generator(faults(Duration.ofMinutes(1), 0, 0, 0));
        String name = generator.submit(request(1, "x")).operationName();
        assertThatThrownBy(() -> generator.download(name, state.resolve("early.mp4"))).isInstanceOf(ProviderException.class)
                .hasMessageContaining("no clip");
    }

    @Test
    void anUnknownOperationIsAPermanentFailure() {
        Poll poll = generator(LocalFaults.NONE).poll("local-vid_20260201_203648_k3f9-b9-a9");
        assertThat(((Poll.Failed) poll).error().kind()).isEqualTo(ProviderException.Kind.PERMANENT);
        assertThat(generator(LocalFaults.NONE).poll("../../etc/passwd")).isInstanceOf(Poll.Failed.class);
    }

    @Test
    void anExtensionKeepsThePreviousPaletteAndContinuesItsMotion() {
        LocalClipGenerator generator = generator(LocalFaults.NONE);
        String first = generator.submit(request(1, "golden fields, pan left")).operationName();
        String ref = ((Poll.Done) generator.poll(first)).resultRef();
        ClipRequest next = new ClipRequest(VIDEO, 2, 8, "a blue ocean that zooms in", "suite", true, Language.FR, Optional.of(ref), null);
        generator.poll(generator.submit(next).operationName());

        assertThat(rendered.get(1).look().palette()).isEqualTo(rendered.get(0).look().palette());
        assertThat(rendered.get(1).look().motion()).isEqualTo(Motion.PAN_LEFT);
        assertThat(rendered.get(1).look().phaseSeconds()).isEqualTo(8.0);
        assertThat(rendered.get(1).extendsBlock()).isEqualTo(1);
    }

    @Test
    void extendingAnUnknownVideoIsRejectedAsPermanent() {
        ClipRequest next = new ClipRequest(VIDEO, 2, 8, "x", "y", true, Language.FR, Optional.of("local-clip:nothing"), null);
        assertThatThrownBy(() -> generator(LocalFaults.NONE).submit(next)).isInstanceOf(ProviderException.class)
                .satisfies(e -> assertThat(((ProviderException) e).kind()).isEqualTo(ProviderException.Kind.PERMANENT));
    }
}
