package org.reelforge.catalog;

import org.reelforge.ReelForgeException;

/** The model catalog (bundled or a data-dir override) cannot be read; the message names the file, model and field. */
public final class CatalogException extends ReelForgeException {
    public CatalogException(String message) {
        super(message);
    }
}
