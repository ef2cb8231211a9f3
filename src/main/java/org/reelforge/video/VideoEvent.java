package org.reelforge.video;

import java.time.Instant;

/** One line of a video's history: every state change appends one. {@code id} orders them (0 before insert). */
public record VideoEvent(long id, VideoId videoId, Instant at, EventType type, String message) {
}
