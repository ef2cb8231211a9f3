package org.reelforge.media;

import java.text.Normalizer;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Words a script marks as keywords, matched against spoken words whatever their case, accents' composition or
 * surrounding punctuation ("IA," matches "ia"). A phrase marks each of its words. Immutable.
 */
public final class Emphasis {
    private static final Emphasis NONE = new Emphasis(Set.of());
    private final Set<String> keys;

    private Emphasis(Set<String> keys) {
        this.keys = Set.copyOf(keys);
    }

    public static Emphasis none() {
        return NONE;
    }

    /** The words of {@code phrases}; null or blank entries are ignored. */
    public static Emphasis of(Collection<String> phrases) {
        Set<String> keys = new HashSet<>();
        if (phrases != null) {
            for (String phrase : phrases) {
                if (phrase != null) {
                    for (String word : phrase.strip().split("\\s+")) {
                        String key = key(word);
                        if (!key.isEmpty()) {
                            keys.add(key);
                        }
                    }
                }
            }
        }
        return keys.isEmpty() ? NONE : new Emphasis(keys);
    }

    public boolean marks(String word) {
        return !keys.isEmpty() && keys.contains(key(word));
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /** Letters, digits and joining marks only, composed and lower-cased. */
    static String key(String word) {
        String composed = Normalizer.normalize(word, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return composed.replaceAll("[^\\p{L}\\p{N}\\p{M}]", "");
    }
}
