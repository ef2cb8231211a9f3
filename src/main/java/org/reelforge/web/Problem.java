package org.reelforge.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An error answer, {@code application/problem+json} (RFC 9457). {@code field} and {@code rule} are present when
 * the problem is one input value, so a form can show the message beside it.
 *
 * @param type          a stable URI per kind of problem, e.g. {@code urn:reelforge:problem:invalid-request}
 * @param currentStatus for a conflict with a video's state: that state now (e.g. {@code generating_parallel}), so a
 *                      client can show it without asking again
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field, String rule,
                      String currentStatus) {
    public static final String CONTENT_TYPE = "application/problem+json";

    public Problem(String type, String title, int status, String detail, String field, String rule) {
        this(type, title, status, detail, field, rule, null);
    }
}
