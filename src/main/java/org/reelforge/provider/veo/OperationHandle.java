package org.reelforge.provider.veo;

/**
 * The operation name we hand to the pipeline: Veo's own name plus where this block's part starts in the
 * video the operation returns and how long that video is ({@code name#offset=8000&length=15000}). Veo's
 * extension returns one combined video (previous + about 7 s), and the pipeline stores only the operation
 * name, so the timeline travels inside it and survives a restart. The name itself stays opaque.
 */
record OperationHandle(String name, long offsetMillis, long lengthMillis) {
    private static final String MARK = "#offset=";

    String encode() {
        return name + MARK + offsetMillis + "&length=" + lengthMillis;
    }

    /** Reads an encoded handle; a bare provider name (made elsewhere) gets offset 0 and an unknown length (-1). */
    static OperationHandle parse(String encoded) {
        int mark = encoded.lastIndexOf(MARK);
        if (mark < 0) {
            return new OperationHandle(encoded, 0, -1);
        }
        String[] fields = encoded.substring(mark + MARK.length()).split("&length=");
        try {
            return new OperationHandle(encoded.substring(0, mark), Long.parseLong(fields[0]),
                    fields.length > 1 ? Long.parseLong(fields[1]) : -1);
        } catch (NumberFormatException e) {
            return new OperationHandle(encoded, 0, -1);
        }
    }
}
