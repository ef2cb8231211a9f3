package org.reelforge.provider.veo;

/**
 * A finished clip at the provider, as reported in {@code Poll.Done.resultRef}: the provider's URI (or, on
 * Vertex without a bucket, the operation that holds the bytes) plus the video's total length, so that an
 * extension of it knows where its own part will start: {@code uri#length=15000}.
 */
record VideoRef(String uri, long lengthMillis) {
    private static final String MARK = "#length=";

    String encode() {
        return lengthMillis < 0 ? uri : uri + MARK + lengthMillis;
    }

    static VideoRef parse(String encoded) {
        int mark = encoded.lastIndexOf(MARK);
        if (mark < 0) {
            return new VideoRef(encoded, -1);
        }
        try {
            return new VideoRef(encoded.substring(0, mark), Long.parseLong(encoded.substring(mark + MARK.length())));
        } catch (NumberFormatException e) {
            return new VideoRef(encoded, -1);
        }
    }
}
