package org.reelforge.video;

import java.util.Set;

/**
 * One block of the script: one clip of the final video.
 *
 * @param index          1-based position in the video
 * @param durationSeconds one of the video model's clip lengths: 4, 6 or 8
 * @param visualPrompt   what the clip shows
 * @param spokenText     what is said during the clip (dialogue or narration)
 * @param onScreenText   optional text shown on screen, may be null
 */
public record Block(int index, int durationSeconds, String visualPrompt, String spokenText, String onScreenText) {
    public static final Set<Integer> ALLOWED_DURATIONS = Set.of(4, 6, 8);
    public static final int MAX_PROMPT_CHARS = 2000;
    public static final int MAX_SPOKEN_CHARS = 600;

    public Block {
        String field = "blocks[" + index + "]";
        if (index < 1) {
            throw new InvalidRequestException("blocks[].index", "must be 1 or more (got " + index + ")");
        }
        if (!ALLOWED_DURATIONS.contains(durationSeconds)) {
            throw new InvalidRequestException(field + ".duration", "must be 4, 6 or 8 seconds (got " + durationSeconds + ")");
        }
        visualPrompt = requireText(field + ".visual_prompt", visualPrompt, MAX_PROMPT_CHARS);
        spokenText = requireText(field + ".spoken_text", spokenText, MAX_SPOKEN_CHARS);
        if (onScreenText != null) {
            onScreenText = onScreenText.isBlank() ? null : limit(field + ".on_screen_text", onScreenText.strip(), 120);
        }
    }

    public Block withSpokenText(String text) {
        return new Block(index, durationSeconds, visualPrompt, text, onScreenText);
    }

    public Block withVisualPrompt(String prompt) {
        return new Block(index, durationSeconds, prompt, spokenText, onScreenText);
    }

    private static String requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field, "is required and must not be blank");
        }
        return limit(field, value.strip(), max);
    }

    private static String limit(String field, String value, int max) {
        if (Text.length(value) > max) {
            throw new InvalidRequestException(field, "must be at most " + max + " characters (got " + Text.length(value) + ")");
        }
        return value;
    }
}
