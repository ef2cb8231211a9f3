package org.reelforge.video;

import java.math.BigDecimal;

/**
 * What a user asks for. Validated on construction: every rule of SPEC §1, each failure naming its field.
 *
 * @param script    optional user-supplied script that skips the script step; null when absent
 * @param budgetUsd optional spending limit for this video; null means the configured default
 * @param review    stop after the script (and adapt) in {@code awaiting_approval} until a person approves it
 * @param draft     render every block at the clip provider's cheapest tier; {@code finalize} makes the final clips
 * @param output    format, captions, music and voice; {@link OutputOptions#DEFAULT} when not chosen
 */
public record VideoRequest(String theme, int targetDurationSeconds, Style style, Language language, Mode mode,
                           ClipStrategy clipStrategy, Script script, BigDecimal budgetUsd, boolean review, boolean draft,
                           OutputOptions output) {
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
        output = output == null ? OutputOptions.DEFAULT : output;
        if (budgetUsd != null && budgetUsd.signum() < 0) {
            throw new InvalidRequestException("budget", "must be 0 or more US dollars (got " + budgetUsd + ")");
        }
    }

    /** The defaults users expect: 36 s, informative, fr, native audio, parallel clips, no review, final quality. */
    public static VideoRequest of(String theme) {
        return new VideoRequest(theme, DEFAULT_DURATION, Style.INFORMATIVE, Language.FR, Mode.NATIVE_AUDIO,
                ClipStrategy.PARALLEL, null, null, false, false, OutputOptions.DEFAULT);
    }

    public VideoRequest(String theme, int targetDurationSeconds, Style style, Language language, Mode mode,
                        ClipStrategy clipStrategy, Script script, BigDecimal budgetUsd, boolean review, boolean draft) {
        this(theme, targetDurationSeconds, style, language, mode, clipStrategy, script, budgetUsd, review, draft,
                OutputOptions.DEFAULT);
    }

    public VideoRequest withOutput(OutputOptions newOutput) {
        Builder b = builder();
        b.output = newOutput;
        return b.build();
    }

    public VideoRequest withDuration(int seconds) {
        Builder b = builder();
        b.targetDurationSeconds = seconds;
        return b.build();
    }

    public VideoRequest withMode(Mode newMode) {
        Builder b = builder();
        b.mode = newMode;
        return b.build();
    }

    public VideoRequest withClipStrategy(ClipStrategy strategy) {
        Builder b = builder();
        b.clipStrategy = strategy;
        return b.build();
    }

    public VideoRequest withLanguage(Language newLanguage) {
        Builder b = builder();
        b.language = newLanguage;
        return b.build();
    }

    public VideoRequest withStyle(Style newStyle) {
        Builder b = builder();
        b.style = newStyle;
        return b.build();
    }

    public VideoRequest withScript(Script userScript) {
        Builder b = builder();
        b.script = userScript;
        return b.build();
    }

    public VideoRequest withBudget(BigDecimal usd) {
        Builder b = builder();
        b.budgetUsd = usd;
        return b.build();
    }

    public VideoRequest withReview(boolean wanted) {
        Builder b = builder();
        b.review = wanted;
        return b.build();
    }

    public VideoRequest withDraft(boolean wanted) {
        Builder b = builder();
        b.draft = wanted;
        return b.build();
    }

    private Builder builder() {
        return new Builder(this);
    }

    /** The one place a changed copy is made; the compact constructor validates it. */
    private static final class Builder {
        private final String theme;
        private int targetDurationSeconds;
        private Style style;
        private Language language;
        private Mode mode;
        private ClipStrategy clipStrategy;
        private Script script;
        private BigDecimal budgetUsd;
        private boolean review;
        private boolean draft;
        private OutputOptions output;

        private Builder(VideoRequest r) {
            theme = r.theme;
            targetDurationSeconds = r.targetDurationSeconds;
            style = r.style;
            language = r.language;
            mode = r.mode;
            clipStrategy = r.clipStrategy;
            script = r.script;
            budgetUsd = r.budgetUsd;
            review = r.review;
            draft = r.draft;
            output = r.output;
        }

        private VideoRequest build() {
            return new VideoRequest(theme, targetDurationSeconds, style, language, mode, clipStrategy, script, budgetUsd,
                    review, draft, output);
        }
    }

    private static void requireNonNull(String field, Object value) {
        if (value == null) {
            throw new InvalidRequestException(field, "is required");
        }
    }
}
