package org.reelforge.provider.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.media.Ffmpeg;
import org.reelforge.media.Probe;
import org.reelforge.provider.ClipGenerator;
import org.reelforge.provider.ClipGenerator.ClipRequest;
import org.reelforge.provider.ClipGenerator.Poll;
import org.reelforge.provider.ProviderException;
import org.reelforge.video.Language;
import org.reelforge.video.VideoId;

/** What the pipeline relies on from any {@link ClipGenerator}, offline or real. */
abstract class ClipGeneratorContract {
    static final VideoId VIDEO = new VideoId("vid_20260201_203648_k3f9");
    @TempDir
    Path dir;

    abstract ClipGenerator generator();

    /** An operation name in this generator's format that it never issued. */
    abstract String unknownOperation();

    static ClipRequest request(int block, Optional<String> extendFrom) {
        return new ClipRequest(VIDEO, block, 4, "Orange lava flows down a black slope, zoom in", "Voici le volcan.", true,
                Language.FR, extendFrom, null);
    }

    private Poll.Done waitDone(ClipGenerator g, String operation) {
        for (int i = 0; i < 50; i++) {
            Poll p = g.poll(operation);
            if (p instanceof Poll.Done done) {
                return done;
            }
            assertThat(p).as("poll of " + operation).isInstanceOf(Poll.Running.class);
        }
        throw new AssertionError(operation + " never finished");
    }

    @Test
    void submittedOperationIsPolledToDoneAndItsClipDownloadsAsAPlayableVideo() {
        ClipGenerator g = generator();
        ClipGenerator.Submitted s = g.submit(request(1, Optional.empty()));
        assertThat(s.operationName()).isNotBlank();

        waitDone(g, s.operationName());
        Path clip = dir.resolve("clip.mp4");
        g.download(s.operationName(), clip);

        Probe p = Probe.of(Ffmpeg.onPath(), clip);
        assertThat(p.hasVideo()).isTrue();
        assertThat(p.hasAudio()).isTrue();
        assertThat(p.durationMillis()).isGreaterThanOrEqualTo(3_900);
    }

    @Test
    void eachSubmissionIsBilledExactlyAsQuoted() {
        ClipGenerator g = generator();
        ClipRequest r = request(2, Optional.empty());
        assertThat(g.submit(r).call()).isEqualTo(g.quote(r));
    }

    @Test
    void aFinishedClipCanBeExtendedIntoTheNextBlock() {
        ClipGenerator g = generator();
        String first = g.submit(request(1, Optional.empty())).operationName();
        Poll.Done done = waitDone(g, first);

        String second = g.submit(request(2, Optional.of(done.resultRef()))).operationName();
        Poll.Done extended = waitDone(g, second);
        Path clip = dir.resolve("extended.mp4");
        g.download(second, clip);

        assertThat(extended.offsetMillis()).isGreaterThanOrEqualTo(0);
        assertThat(Probe.of(Ffmpeg.onPath(), clip).durationMillis()).isGreaterThanOrEqualTo(extended.offsetMillis() + 3_900);
    }

    @Test
    void anOperationItNeverIssuedIsAPermanentFailureNotAnEndlessWait() {
        Poll p = generator().poll(unknownOperation());
        assertThat(p).isInstanceOfSatisfying(Poll.Failed.class,
                f -> assertThat(f.error().kind()).isEqualTo(ProviderException.Kind.PERMANENT));
    }
}
