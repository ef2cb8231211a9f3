package org.reelforge.provider.veo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.reelforge.provider.ClipGenerator.ClipRequest;
import org.reelforge.video.Language;
import org.reelforge.video.VideoId;

class VeoPromptTest {
    private static ClipRequest request(String spoken, boolean withSpeech, Optional<String> extendFrom) {
        return new ClipRequest(new VideoId("vid_20260201_203648_k3f9"), 1, 8, "A cat on a roof", spoken, withSpeech,
                Language.FR, extendFrom, "Titre");
    }

    @Test
    void nativeAudioPromptQuotesTheSpokenTextAndNamesTheLanguage() {
        String prompt = VeoPrompt.of(request("Il dit \"bonjour\".", true, Optional.empty()));

        assertThat(prompt).startsWith("A cat on a roof").contains("in French").contains("\"Il dit 'bonjour'.\"")
                .doesNotContain("Nobody speaks");
    }

    @Test
    void narratedPromptAsksThatNobodySpeaks() {
        assertThat(VeoPrompt.of(request("", false, Optional.empty()))).contains("Nobody speaks").contains("no voice-over");
    }

    @Test
    void extensionPromptAsksToContinueThePreviousShot() {
        assertThat(VeoPrompt.of(request("", false, Optional.of("uri")))).startsWith("Continue the previous shot");
    }

    @Test
    void operationHandleKeepsTheTimelineThroughItsText() {
        OperationHandle handle = new OperationHandle("models/m/operations/x", 8_000, 15_000);

        assertThat(OperationHandle.parse(handle.encode())).isEqualTo(handle);
        assertThat(OperationHandle.parse("models/m/operations/x")).isEqualTo(new OperationHandle("models/m/operations/x", 0, -1));
        assertThat(VideoRef.parse(new VideoRef("https://h/f:download?alt=media", 8_000).encode()))
                .isEqualTo(new VideoRef("https://h/f:download?alt=media", 8_000));
    }
}
