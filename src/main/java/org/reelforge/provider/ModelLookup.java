package org.reelforge.provider;

/**
 * A service's own answer to "do you have this model?" (Gemini {@code GET /v1beta/models/{id}}, Vertex publisher
 * models). Never paid. Blocks for one HTTP exchange; thread-safe.
 */
public interface ModelLookup {
    /** For services we have no lookup for: the catalog's dates are all that is checked. */
    ModelLookup UNCHECKED = model -> new Answer.Unchecked();

    /**
     * @throws ProviderException TRANSIENT or RATE_LIMITED when the service could not be asked; PERMANENT for a bad key
     */
    Answer lookup(String model);

    /** What the service said. */
    sealed interface Answer {
        /** The model answers; {@code version} as the service names it, may be empty. */
        record Found(String version) implements Answer {
        }

        /**
         * The model is not there.
         *
         * @param shutDown true when the service says it is no longer available (retired), false when it never knew it
         * @param message  the service's own words
         */
        record Missing(boolean shutDown, String message) implements Answer {
        }

        /** Not asked: the service has no lookup we use. */
        record Unchecked() implements Answer {
        }
    }
}
