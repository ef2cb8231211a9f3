package org.reelforge.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.reelforge.wire.Json;

/**
 * Errors Jetty answers before a request reaches the API (a malformed URI, a bad header) in the API's own
 * {@code application/problem+json} form instead of an HTML page.
 */
final class ProblemErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String reason = HttpStatus.getMessage(code);
        Problem problem = new Problem("urn:reelforge:problem:http-" + code, reason, code,
                message == null || message.isBlank() ? reason : message, null, null);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(Json.write(problem).getBytes(StandardCharsets.UTF_8)), callback);
    }
}
