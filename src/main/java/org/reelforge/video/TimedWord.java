package org.reelforge.video;

/** A spoken word and when it is said, in milliseconds from the start of the audio it belongs to. */
public record TimedWord(String text, long startMillis, long endMillis) {
    public TimedWord {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("word text must not be blank");
        }
        if (startMillis < 0 || endMillis < startMillis) {
            throw new IllegalArgumentException("word \"" + text + "\" has bad times " + startMillis + ".." + endMillis);
        }
    }

    public TimedWord shift(long millis) {
        return new TimedWord(text, startMillis + millis, endMillis + millis);
    }
}
