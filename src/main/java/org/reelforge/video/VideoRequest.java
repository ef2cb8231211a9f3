package org.reelforge.video;

import java.math.BigDecimal;

/**
 * What a user asks for. Validated on construction: every rule of SPEC §1, each failure naming its field.
 *
 * @param script   optional user-supplied script that skips the script step; null when absent
 * @param budgetUsd optional spending limit for this video; null means the configured default
 */
public record VideoRequest(String theme, int targetDurationSeconds, Style style, Language language, Mode mode,
                           ClipStrategy clipStrategy, Script script, BigDecimal budgetUsd) {
    public static final int DEFAULT_DURATION = 36;
    public static final int MIN_DURATION = 8;
    public static final int MAX_DURATION = 180;
    public static final int MAX_THEME_CHARS = 200;

    public VideoRequest {
        if (theme == null || theme.isBlank()) {
            throw new InvalidRequestException("theme", "is required and must not be blank");
        }
        theme = theme.strip();
        if (Text.length(theme) > MAX_THEME_CHARS) {
            throw new InvalidRequestException("theme", "must be 1–" + MAX_THEME_CHARS + " characters (got " + Text.length(theme) + ")");
        }
        if (theme.chars().anyMatch(c -> c == 0)) {
            throw new InvalidRequestException("theme", "must not contain NUL characters");
        }
        if (theme.codePoints().anyMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
            throw new InvalidRequestException("theme", "must be valid Unicode text (it contains a lone surrogate)");
        }
        if (targetDurationSeconds < MIN_DURATION || targetDurationSeconds > MAX_DURATION) {
            throw new InvalidRequestException("target_duration", "must be between " + MIN_DURATION + " and " + MAX_DURATION
                    + " seconds (got " + targetDurationSeconds + ")");
        }
        requireNonNull("style", style);
        requireNonNull("language", language);
        requireNonNull("mode", mode);
        requireNonNull("clip_strategy", clipStrategy);
        if (script != null) {
            script.requireDurationNear(targetDurationSeconds);
        }
        if (budgetUsd != null && budgetUsd.signum() < 0) {
            throw new InvalidRequestException("budget", "must be 0 or more US dollars (got " + budgetUsd + ")");
        }
    }

    /** The defaults users expect: 36 s, informative, fr, native audio, parallel clips. */
    public static VideoRequest of(String theme) {
        return new VideoRequest(theme, DEFAULT_DURATION, Style.INFORMATIVE, Language.FR, Mode.NATIVE_AUDIO,
                ClipStrategy.PARALLEL, null, null);
    }

    public VideoRequest withDuration(int seconds) {
        return new VideoRequest(theme, seconds, style, language, mode, clipStrategy, script, budgetUsd);
    }

    public VideoRequest withMode(Mode newMode) {
        return new VideoRequest(theme, targetDurationSeconds, style, language, newMode, clipStrategy, script, budgetUsd);
    }

    public VideoRequest withClipStrategy(ClipStrategy strategy) {
        return new VideoRequest(theme, targetDurationSeconds, style, language, mode, strategy, script, budgetUsd);
    }

    public VideoRequest withLanguage(Language newLanguage) {
        return new VideoRequest(theme, targetDurationSeconds, style, newLanguage, mode, clipStrategy, script, budgetUsd);
    }

    public VideoRequest withStyle(Style newStyle) {
        return new VideoRequest(theme, targetDurationSeconds, newStyle, language, mode, clipStrategy, script, budgetUsd);
    }

    public VideoRequest withScript(Script userScript) {
        return new VideoRequest(theme, targetDurationSeconds, style, language, mode, clipStrategy, userScript, budgetUsd);
    }

    public VideoRequest withBudget(BigDecimal usd) {
        return new VideoRequest(theme, targetDurationSeconds, style, language, mode, clipStrategy, script, usd);
    }

    private static void requireNonNull(String field, Object value) {
        if (value == null) {
            throw new InvalidRequestException(field, "is required");
        }
    }
}
