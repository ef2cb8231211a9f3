package org.reelforge.video;

/** What a person reads about a video's state (SPEC §6), in French or English. */
public final class StatusMessages {
    private StatusMessages() {
    }

    /** @param maxJobRetries the configured number of job retries, for "Retrying (n/N)" */
    public static String message(Video video, Language language, int maxJobRetries) {
        boolean fr = language.isFrench();
        return switch (video.status()) {
            case QUEUED -> video.attempts() > 0
                    ? (fr ? "Nouvelle tentative (" : "Retrying (") + video.attempts() + "/" + maxJobRetries + ")"
                    : (fr ? "En file d'attente" : "Queued");
            case SCRIPT_GENERATED -> fr ? "Génération script terminée" : "Script generated";
            case AWAITING_APPROVAL -> fr ? "Script prêt : à relire et approuver" : "Script ready: review and approve it";
            case GENERATING_CLIPS -> fr
                    ? "Génération vidéos (" + video.completedBlocks() + "/" + video.totalBlocks() + " blocs)"
                    : "Generating clips (" + video.completedBlocks() + "/" + video.totalBlocks() + " blocks)";
            case READY_FOR_ASSEMBLY -> fr ? "Préparation assemblage" : "Preparing assembly";
            case ASSEMBLING -> fr ? "Assemblage et sous-titres" : "Assembling and captioning";
            case COMPLETED -> completed(video, fr);
            case FAILED -> (fr ? "Erreur" : "Error") + (video.errorCategory() == null ? ""
                    : (fr ? " : " : ": ") + video.errorCategory().message(language));
            case CANCELLED -> fr ? "Annulée" : "Cancelled";
        };
    }

    private static String completed(Video video, boolean fr) {
        Video.Delivered d = video.delivered();
        if (d == null || !d.partial()) {
            return fr ? "Terminé" : "Done";
        }
        long seconds = Math.round(d.durationMillis() / 1000.0);
        String missing = d.missingBlocks().stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("");
        return fr ? "Terminé partiellement : " + seconds + " s sur " + video.request().targetDurationSeconds()
                + " s (bloc" + (d.missingBlocks().size() > 1 ? "s " : " ") + missing + " manquant"
                + (d.missingBlocks().size() > 1 ? "s)" : ")")
                : "Partly done: " + seconds + " s of " + video.request().targetDurationSeconds() + " s (block"
                + (d.missingBlocks().size() > 1 ? "s " : " ") + missing + " missing)";
    }
}
