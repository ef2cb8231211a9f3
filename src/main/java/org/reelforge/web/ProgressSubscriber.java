package org.reelforge.web;

import org.reelforge.video.Language;

/**
 * One open progress stream (an SSE response or a WebSocket session). Called from the hub's threads, one call at a
 * time per subscriber; implementations must not block for long.
 */
interface ProgressSubscriber {
    Language language();

    /** Sends one frame (JSON). A failure to send closes the stream. */
    void send(String json);

    /** Keeps idle connections open through proxies and timeouts, and finds dead ones. */
    void heartbeat();

    /** Ends the stream (after the terminal frame, or when the video is deleted). */
    void close();
}
