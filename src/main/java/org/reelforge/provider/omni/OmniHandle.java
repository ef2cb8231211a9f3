package org.reelforge.provider.omni;

/**
 * An interaction as the engine stores it: the interaction id (opaque, e.g. {@code v1_abc}) plus the seconds its extend
 * chain has reached with it ({@code v1_abc#chain=16}), so the 40 s cumulative limit is known after a restart too. The
 * same text serves as operation name and as result reference (an extension continues the interaction itself).
 */
record OmniHandle(String interactionId, int chainSeconds) {
    private static final String MARK = "#chain=";

    String encode() {
        return interactionId + MARK + chainSeconds;
    }

    /** A bare id (made elsewhere) counts as a chain of unknown length, taken as 0. */
    static OmniHandle parse(String encoded) {
        int mark = encoded.lastIndexOf(MARK);
        if (mark < 0) {
            return new OmniHandle(encoded, 0);
        }
        try {
            return new OmniHandle(encoded.substring(0, mark), Integer.parseInt(encoded.substring(mark + MARK.length())));
        } catch (NumberFormatException e) {
            return new OmniHandle(encoded, 0);
        }
    }
}
