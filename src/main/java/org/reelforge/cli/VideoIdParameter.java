package org.reelforge.cli;

import org.reelforge.video.NotFoundException;
import org.reelforge.video.InvalidRequestException;
import org.reelforge.video.VideoId;

/** Parses a video id typed by a person: a malformed id is simply not found. */
final class VideoIdParameter {
    private VideoIdParameter() {
    }

    static VideoId parse(String value) {
        try {
            return new VideoId(value.strip());
        } catch (InvalidRequestException e) {
            throw new NotFoundException("No video " + value + " (ids look like vid_20260201_203648_k3f9)");
        }
    }
}
