package org.reelforge.cli;

import java.util.Map;
import org.reelforge.ReelForgeException;
import org.reelforge.artifact.ArtifactStores;

/**
 * Refuses to run {@code serve} or {@code worker} on S3 artifacts while the engine still writes its files to the
 * node's data directory: a fleet started that way would serve some files from the bucket and make others on local
 * disks that no other node sees. The S3 adapter, the web's reads and {@code artifacts migrate} are ready; this guard goes
 * when the pipeline keeps its files through the {@code ArtifactStore} port.
 */
final class EngineArtifacts {
    private EngineArtifacts() {
    }

    static void requireSupported(Map<String, String> env) {
        String location = env.get(ArtifactStores.ARTIFACTS);
        if (location != null && !location.isBlank()) {
            throw new ReelForgeException(ArtifactStores.ARTIFACTS + "=" + location.strip() + " is not usable by this build's"
                    + " pipeline yet: it still writes clips and final.mp4 into the data dir of the node that made them."
                    + " Unset it (one machine, or a data dir shared by every node) until the engine keeps its files in the"
                    + " artifact store; 'reelforge artifacts migrate' can already copy the library.");
        }
    }
}
