package org.reelforge.catalog;

/**
 * Something that can say which providers and models it uses (a wired ReelForge). The CLI's {@code providers} command
 * and {@code GET /api/providers} read it. Thread-safe; {@link #providers()} may make one model lookup per real step
 * (cached for minutes), never a paid call.
 */
public interface ProviderDirectory {
    ProvidersReport providers();
}
