package org.reelforge.video;

import java.util.ArrayList;
import java.util.List;

/**
 * One block of the script: one clip of the final video.
 *
 * @param index          1-based position in the video
 * @param durationSeconds the clip's length; which lengths a video model can make is its {@link ClipLengths}, checked
 *                        against the chosen model by {@link Script#requireLengths}
 * @param visualPrompt   what the clip shows
 * @param spokenText     what is said during the clip (dialogue or narration)
 * @param onScreenText   optional text shown on screen, may be null
 * @param emphasis       words of the spoken text to stress in the captions (the highlight colour); may be empty
 * @param media          the person's own file for this block instead of a generated clip; null for a generated one
 */
public record Block(int index, int durationSeconds, String visualPrompt, String spokenText, String onScreenText,
                    List<String> emphasis, BlockMedia media) {
    public static final int MAX_DURATION = 60;
    public static final int MAX_PROMPT_CHARS = 2000;
    public static final int MAX_SPOKEN_CHARS = 600;
    public static final int MAX_EMPHASIS_WORDS = 12;
    public static final int MAX_EMPHASIS_CHARS = 40;

    public Block {
        String field = "blocks[" + index + "]";
        if (index < 1) {
            throw new InvalidRequestException("blocks[].index", "must be 1 or more (got " + index + ")");
        }
        if (durationSeconds < 1 || durationSeconds > MAX_DURATION) {
            throw new InvalidRequestException(field + ".duration", "must be between 1 and " + MAX_DURATION
                    + " seconds (got " + durationSeconds + ")");
        }
        visualPrompt = requireText(field + ".visual_prompt", visualPrompt, MAX_PROMPT_CHARS);
        spokenText = requireText(field + ".spoken_text", spokenText, MAX_SPOKEN_CHARS);
        if (onScreenText != null) {
            onScreenText = onScreenText.isBlank() ? null : limit(field + ".on_screen_text", onScreenText.strip(), 120);
        }
        emphasis = emphasisWords(field + ".emphasis", emphasis);
    }

    public Block(int index, int durationSeconds, String visualPrompt, String spokenText, String onScreenText) {
        this(index, durationSeconds, visualPrompt, spokenText, onScreenText, List.of(), null);
    }

    public Block(int index, int durationSeconds, String visualPrompt, String spokenText, String onScreenText,
                 List<String> emphasis) {
        this(index, durationSeconds, visualPrompt, spokenText, onScreenText, emphasis, null);
    }

    public Block withSpokenText(String text) {
        return new Block(index, durationSeconds, visualPrompt, text, onScreenText, emphasis, media);
    }

    public Block withVisualPrompt(String prompt) {
        return new Block(index, durationSeconds, prompt, spokenText, onScreenText, emphasis, media);
    }

    public Block withIndex(int newIndex) {
        return new Block(newIndex, durationSeconds, visualPrompt, spokenText, onScreenText, emphasis, media);
    }

    /** The same block made from the person's own file ({@code null}: generated again). */
    public Block withMedia(BlockMedia newMedia) {
        return new Block(index, durationSeconds, visualPrompt, spokenText, onScreenText, emphasis, newMedia);
    }

    /** Whether the block is made from the person's own file, at no provider cost. */
    public boolean ownMedia() {
        return media != null;
    }

    private static List<String> emphasisWords(String field, List<String> words) {
        if (words == null || words.isEmpty()) {
            return List.of();
        }
        if (words.size() > MAX_EMPHASIS_WORDS) {
            throw new InvalidRequestException(field, "must list at most " + MAX_EMPHASIS_WORDS + " words (got " + words.size() + ")");
        }
        List<String> kept = new ArrayList<>();
        for (String w : words) {
            if (w != null && !w.isBlank()) {
                kept.add(limit(field, w.strip(), MAX_EMPHASIS_CHARS));
            }
        }
        return List.copyOf(kept);
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
