package org.reelforge.provider.llm;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.reelforge.video.Language;

/**
 * A cheap guard against a script written in the wrong language: counts the most common function words of
 * French and English. Undecided (too few such words) counts as fine.
 */
final class LanguageCheck {
    private static final Set<String> FRENCH = Set.of("le", "la", "les", "des", "du", "de", "un", "une", "et", "est",
            "que", "qui", "pour", "dans", "pas", "sur", "avec", "ce", "cette", "il", "elle", "nous", "vous", "ils",
            "sont", "au", "aux", "ne", "plus", "mais", "ou", "son", "sa", "ses", "leur");
    private static final Set<String> ENGLISH = Set.of("the", "and", "is", "are", "of", "to", "in", "that", "it", "for",
            "with", "this", "was", "you", "be", "on", "not", "they", "we", "at", "from", "have", "has", "by", "an",
            "its", "their", "what", "can", "will");
    private static final int MIN_EVIDENCE = 5;

    private LanguageCheck() {
    }

    /** An error message when {@code text} clearly reads as the other language. */
    static Optional<String> mismatch(String text, Language expected) {
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}']+");
        long french = Arrays.stream(words).filter(FRENCH::contains).count();
        long english = Arrays.stream(words).filter(ENGLISH::contains).count();
        if (french + english < MIN_EVIDENCE) {
            return Optional.empty();
        }
        boolean wantFrench = expected.isFrench();
        if (wantFrench && english > french) {
            return Optional.of("spoken_text reads as English; it must be in French (" + expected.tag() + ")");
        }
        if (!wantFrench && french > english) {
            return Optional.of("spoken_text reads as French; it must be in " + expected.tag());
        }
        return Optional.empty();
    }
}
