package org.reelforge.provider.veo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.reelforge.provider.ProviderException;

/** Images as Veo takes them: {@code {"bytesBase64Encoded", "mimeType"}} (the SDK's form). */
final class VeoImages {
    private VeoImages() {
    }

    static ObjectNode png(String provider, Path file) {
        try {
            return JsonNodeFactory.instance.objectNode()
                    .put("bytesBase64Encoded", Base64.getEncoder().encodeToString(Files.readAllBytes(file)))
                    .put("mimeType", "image/png");
        } catch (IOException e) {
            throw ProviderException.permanent(provider, "cannot read the image " + file + ": " + e.getMessage());
        }
    }
}
