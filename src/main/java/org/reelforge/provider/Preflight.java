package org.reelforge.provider;

/**
 * The check made before the first paid call of a video: do the configured models exist and are they live at their
 * services (Gemini {@code GET /v1beta/models/{id}}, Vertex publisher models, the catalog's shutdown dates)?
 * Implementations cache answers for a while and are thread-safe; the offline providers need no check.
 */
public interface Preflight {
    /** Nothing to check (offline providers). */
    Preflight NONE = () -> { };

    /**
     * Returns when every configured model answered as live (or was checked recently).
     *
     * @throws ProviderException PERMANENT with category {@code MODEL_UNAVAILABLE}, naming the model, the variable to
     *                           change and the live alternatives, when a model is missing or shut down; TRANSIENT when
     *                           the service could not be asked
     */
    void check();
}
