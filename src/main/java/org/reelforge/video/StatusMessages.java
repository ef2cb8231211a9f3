package org.reelforge.video;

/** What a person reads about a video's state (SPEC §6), in French or English. */
public final class StatusMessages {
    private StatusMessages() {
    }

    public static String message(Video video, Language language) {
        boolean fr = language.isFrench();
        return switch (video.status()) {
            case QUEUED -> video.attempts() > 0
                    ? (fr ? "Nouvelle tentative (" + video.attempts() + "/3)" : "Retrying (" + video.attempts() + "/3)")
                    : (fr ? "En file d'attente" : "Queued");
            case SCRIPT_GENERATED -> fr ? "Génération script terminée" : "Script generated";
            case GENERATING_CLIPS -> fr
                    ? "Génération vidéos (" + video.completedBlocks() + "/" + video.totalBlocks() + " blocs)"
                    : "Generating clips (" + video.completedBlocks() + "/" + video.totalBlocks() + " blocks)";
            case READY_FOR_ASSEMBLY -> fr ? "Préparation assemblage" : "Preparing assembly";
            case ASSEMBLING -> fr ? "Assemblage et sous-titres" : "Assembling and captioning";
            case COMPLETED -> fr ? "Terminé" : "Done";
            case FAILED -> (fr ? "Erreur" : "Error") + (video.errorCategory() == null ? ""
                    : (fr ? " : " : ": ") + video.errorCategory().message(language));
            case CANCELLED -> fr ? "Annulée" : "Cancelled";
        };
    }
}
