package org.reelforge.web;

import io.javalin.http.Context;
import org.reelforge.account.User;
import org.reelforge.pipeline.VideoQueries;
import org.reelforge.video.InvalidRequestException;
import org.reelforge.video.Language;
import org.reelforge.video.Video;
import org.reelforge.video.VideoId;

/**
 * Finds the video a path names, for a caller: a malformed id, a missing video and another user's video all answer
 * 404 alike, so ids cannot be probed. Admins reach every video.
 */
final class VideoAccess {
    private final VideoQueries queries;

    VideoAccess(VideoQueries queries) {
        this.queries = queries;
    }

    Video video(String rawId, User user) {
        VideoId id;
        try {
            id = new VideoId(rawId);
        } catch (InvalidRequestException e) {
            throw notFound(rawId);
        }
        Video v = queries.video(id).orElseThrow(() -> notFound(rawId));
        if (!user.isAdmin() && !v.owner().equals(user.username())) {
            throw notFound(rawId);
        }
        return v;
    }

    Video video(Context ctx, User user) {
        return video(ctx.pathParam("id"), user);
    }

    /** {@code ?lang=} if given (fr or en), else the video's own language. */
    static Language language(Context ctx, Video v) {
        String lang = ctx.queryParam("lang");
        if (lang == null || lang.isBlank()) {
            return v.request().language();
        }
        try {
            return Language.forMessages(lang);
        } catch (InvalidRequestException e) {
            throw ApiException.invalid("lang", e.rule());
        }
    }

    /** A positive block number from the path; anything else is a resource that does not exist. */
    static int block(Context ctx) {
        String raw = ctx.pathParam("n");
        if (!raw.matches("[1-9][0-9]{0,3}")) {
            throw ApiException.notFound("no block " + preview(raw));
        }
        return Integer.parseInt(raw);
    }

    private static ApiException notFound(String rawId) {
        return ApiException.notFound("no video " + preview(rawId));
    }

    private static String preview(String raw) {
        return raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
    }
}
