package org.reelforge.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.javalin.http.Context;
import java.io.IOException;
import org.reelforge.wire.Json;

/**
 * Reads request bodies strictly: our JSON settings (snake_case, unknown fields refused) plus no silent coercion
 * (a string is not a number, a number is not a string, 12.5 is not an int). Every failure is a 400 that names
 * the field, or a 413 when the body is larger than {@link #MAX_BYTES}.
 */
public final class JsonBody {
    /** 1 MiB. */
    public static final long MAX_BYTES = 1_048_576;
    /** Beyond this much, a refused body is not read to its end: the connection is simply closed. */
    private static final long DRAIN_LIMIT = 64L * 1_048_576;
    private static final ObjectMapper STRICT = strict();

    private JsonBody() {
    }

    public static <T> T read(Context ctx, Class<T> type) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BYTES) {
            drain(ctx);
            throw tooLarge(declared);
        }
        return parse(bounded(ctx), type);
    }

    /** Reads at most {@link #MAX_BYTES} + 1 bytes of the body; a longer (chunked) body is drained and refused. */
    private static byte[] bounded(Context ctx) {
        try {
            byte[] body = ctx.req().getInputStream().readNBytes((int) MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                drain(ctx);
                throw tooLarge(body.length);
            }
            return body;
        } catch (IOException e) {
            throw ApiException.of(400, "unreadable-body", "Request body could not be read", e.getMessage());
        }
    }

    /**
     * Reads and discards what is left of a refused body (up to {@link #DRAIN_LIMIT}), so the connection can carry the
     * 413 back: closing with unread bytes makes TCP reset it, and the client would see a broken connection instead.
     */
    private static void drain(Context ctx) {
        try {
            long skipped = 0;
            byte[] sink = new byte[65_536];
            for (int n; skipped < DRAIN_LIMIT && (n = ctx.req().getInputStream().read(sink)) > 0; ) {
                skipped += n;
            }
        } catch (IOException e) {
            // the client went away; nothing to answer
        }
    }

    /** Parses {@code body} as {@code type} with the strict rules. */
    static <T> T parse(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw ApiException.invalid(null, "a JSON object body is required");
        }
        try {
            T value = STRICT.readValue(body, type);
            if (value == null) {
                throw ApiException.invalid(null, "a JSON object body is required");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw invalid(e);
        } catch (IOException e) {
            throw ApiException.invalid(null, "the body could not be read: " + e.getMessage());
        }
    }

    static ApiException tooLarge(long bytes) {
        return ApiException.of(413, "too-large", "Request body too large",
                "the body has " + bytes + " bytes; the limit is " + MAX_BYTES + " bytes (1 MiB)");
    }

    private static ApiException invalid(JacksonException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return ApiException.invalid(null, "must be valid JSON (" + e.getOriginalMessage() + ")");
        }
        String field = path(mapping);
        if (mapping instanceof UnrecognizedPropertyException) {
            return ApiException.invalid(field, "is not a known field");
        }
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return ApiException.invalid(field.isEmpty() ? null : field, "must be " + kind(mismatch.getTargetType()));
        }
        return ApiException.invalid(field.isEmpty() ? null : field, "is not valid (" + e.getOriginalMessage() + ")");
    }

    private static String path(JsonMappingException e) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                s.append(s.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.toString();
    }

    private static String kind(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "a JSON object";
    }

    private static ObjectMapper strict() {
        ObjectMapper m = Json.MAPPER.copy();
        m.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        m.coercionConfigDefaults().setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        refuse(m, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
        refuse(m, LogicalType.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
        refuse(m, LogicalType.Float, CoercionInputShape.Boolean);
        refuse(m, LogicalType.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float);
        return m;
    }

    private static void refuse(ObjectMapper m, LogicalType target, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            m.coercionConfigFor(target).setCoercion(shape, CoercionAction.Fail);
        }
    }
}
