package org.reelforge.provider.veo;

import org.reelforge.provider.ClipGenerator.ClipRequest;

/**
 * The text sent to Veo for one block. Veo always makes a soundtrack, so the prompt says what is heard:
 * the block's words in quotes when the clip speaks (native audio), or explicitly nobody speaking when a
 * voice-over will be laid on top (narrated). Captions are burned in later, so no text is asked on screen.
 */
final class VeoPrompt {
    private VeoPrompt() {
    }

    static String of(ClipRequest request) {
        StringBuilder prompt = new StringBuilder();
        if (request.extendFrom().isPresent()) {
            prompt.append("Continue the previous shot seamlessly, same characters, setting and light.\n\n");
        }
        prompt.append(request.prompt().strip()).append("\n\n");
        String spoken = request.spokenText() == null ? "" : request.spokenText().strip();
        if (request.withSpeech() && !spoken.isEmpty()) {
            prompt.append("Audio: the speaker says, in ").append(languageName(request)).append(", clearly and word for word: \"")
                    .append(spoken.replace('"', '\'')).append("\"");
        } else {
            prompt.append("Audio: ambient sound and soft music only. Nobody speaks: no dialogue, no narration, "
                    + "no voice-over, no singing.");
        }
        return prompt.append("\nNo subtitles, captions or written text on screen.").toString();
    }

    private static String languageName(ClipRequest request) {
        return request.language().isFrench() ? "French" : "English";
    }
}
