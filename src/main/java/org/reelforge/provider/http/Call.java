package org.reelforge.provider.http;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One HTTP call as it may be named in messages and logs: provider, method and path (never the query
 * string, never a header). {@link #redact} removes the call's credentials (and provider-masked keys
 * such as {@code sk-ab***yz}) from any text before it becomes part of an exception message.
 */
public record Call(String provider, String method, String path, List<Secret> secrets) {
    private static final String BEARER = "Bearer ";
    private static final Pattern MASKED_KEY = Pattern.compile("\\b(sk|sk-proj|xi)-[A-Za-z0-9_*\\-]{4,}");

    public Call {
        secrets = List.copyOf(secrets);
        int query = path.indexOf('?');
        path = query < 0 ? path : path.substring(0, query);
    }

    public static Call of(String provider, String method, String path) {
        return new Call(provider, method, path, List.of());
    }

    /** "POST /v1beta/models/m:predictLongRunning". */
    public String describe() {
        return method + " " + path;
    }

    public String redact(String text) {
        String out = text;
        for (Secret secret : secrets) {
            String value = secret.reveal();
            out = out.replace(value, "***");
            if (value.startsWith(BEARER) && value.length() > BEARER.length()) {
                out = out.replace(value.substring(BEARER.length()), "***");
            }
        }
        return MASKED_KEY.matcher(out).replaceAll("$1-***");
    }
}
