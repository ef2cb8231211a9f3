package org.reelforge.provider.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A multipart/form-data body built by hand for the JDK client: text fields and file parts, in order. */
public final class MultipartForm {
    private final String boundary = "reelforge-" + UUID.randomUUID();
    private final List<Part> parts = new ArrayList<>();

    private record Part(String name, String filename, String contentType, byte[] content) {
    }

    public MultipartForm field(String name, String value) {
        parts.add(new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    public MultipartForm file(String name, String filename, String contentType, byte[] content) {
        parts.add(new Part(name, filename, contentType, content));
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public BodyPublisher publisher() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part part : parts) {
            write(out, "--" + boundary + "\r\n");
            write(out, "Content-Disposition: form-data; name=\"" + quote(part.name()) + "\""
                    + (part.filename() == null ? "" : "; filename=\"" + quote(part.filename()) + "\"") + "\r\n");
            if (part.contentType() != null) {
                write(out, "Content-Type: " + part.contentType() + "\r\n");
            }
            write(out, "\r\n");
            out.writeBytes(part.content());
            write(out, "\r\n");
        }
        write(out, "--" + boundary + "--\r\n");
        return BodyPublishers.ofByteArray(out.toByteArray());
    }

    private static String quote(String value) {
        return value.replace("\"", "%22").replace("\r", "").replace("\n", "");
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
