package org.reelforge.video;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a video is delivered, beside what it says: its format, its captions, its music and the synthesized voice.
 * Validated here, each failure naming its wire field.
 *
 * @param voice      {@code voice}: a voice of the speech provider ({@code gmw/de+f3} for espeak-ng, an ElevenLabs voice
 *                   id), letters, digits and {@code / _ + . -}, at most {@value #MAX_VOICE_CHARS} characters; null for
 *                   the provider's default
 * @param speechRate {@code speech_rate}: {@value #MIN_RATE}–{@value #MAX_RATE}, 1 is the provider's normal pace
 */
public record OutputOptions(Aspect aspect, CaptionOptions captions, Music music, String voice, double speechRate) {
    public static final int MAX_VOICE_CHARS = 64;
    public static final double MIN_RATE = 0.5;
    public static final double MAX_RATE = 2.0;
    private static final Pattern VOICE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/_+.-]*");
    public static final OutputOptions DEFAULT = new OutputOptions(Aspect.PORTRAIT, CaptionOptions.defaults(), Music.NONE,
            null, 1.0);

    public OutputOptions {
        aspect = Objects.requireNonNullElse(aspect, Aspect.PORTRAIT);
        captions = Objects.requireNonNullElse(captions, CaptionOptions.defaults());
        music = Objects.requireNonNullElse(music, Music.NONE);
        if (voice != null && voice.isBlank()) {
            voice = null;
        }
        if (voice != null && (voice.length() > MAX_VOICE_CHARS || !VOICE.matcher(voice.strip()).matches())) {
            throw new InvalidRequestException("voice", "must be a voice id of letters, digits, '/', '_', '+', '.' or '-',"
                    + " at most " + MAX_VOICE_CHARS + " characters (got \"" + Text.preview(voice) + "\")");
        }
        voice = voice == null ? null : voice.strip();
        if (!(speechRate >= MIN_RATE && speechRate <= MAX_RATE)) {
            throw new InvalidRequestException("speech_rate", "must be from " + MIN_RATE + " to " + MAX_RATE
                    + " (got " + speechRate + ")");
        }
    }

    public OutputOptions withAspect(Aspect newAspect) {
        return new OutputOptions(newAspect, captions, music, voice, speechRate);
    }

    public OutputOptions withCaptions(CaptionOptions newCaptions) {
        return new OutputOptions(aspect, newCaptions, music, voice, speechRate);
    }

    public OutputOptions withMusic(Music newMusic) {
        return new OutputOptions(aspect, captions, newMusic, voice, speechRate);
    }

    public OutputOptions withVoice(String newVoice, double newRate) {
        return new OutputOptions(aspect, captions, music, newVoice, newRate);
    }
}
