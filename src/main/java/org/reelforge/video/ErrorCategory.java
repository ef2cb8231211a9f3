package org.reelforge.video;

import java.util.Locale;

/** Why something failed, in the words a person can act on (SPEC §6). */
public enum ErrorCategory {
    USAGE_GUIDELINES(
            "Le contenu demandé ne respecte pas les règles de sécurité. Essayez un thème différent.",
            "The requested content does not meet the safety rules. Try a different theme."),
    THIRD_PARTY_CONTENT(
            "Impossible de générer du contenu protégé par copyright. Évitez les personnages/marques connus.",
            "Copyrighted content cannot be generated. Avoid well-known characters and brands."),
    QUOTA_EXCEEDED(
            "Quota API dépassé. Réessayez dans quelques minutes.",
            "API quota exceeded. Try again in a few minutes."),
    OPERATION_TIMEOUT(
            "La génération a pris trop de temps. Réessayez avec une durée plus courte.",
            "Generation took too long. Try again with a shorter duration."),
    ASSEMBLY_FAILED(
            "Erreur lors de l'assemblage de la vidéo. Contactez le support.",
            "The video could not be assembled. Contact support."),
    BUDGET_EXCEEDED(
            "Budget de la vidéo atteint : la génération a été arrêtée avant de dépasser la limite.",
            "The video's budget is reached: generation stopped before overspending."),
    NO_CLIPS(
            "Aucun clip n'a pu être généré. Réessayez ou changez de thème.",
            "No clip could be generated. Retry or change the theme."),
    MODEL_UNAVAILABLE(
            "Le modèle configuré n'est pas disponible chez le fournisseur : rien n'a été payé. Changez de modèle.",
            "The configured model is not available at the provider: nothing was paid. Choose another model."),
    STORAGE(
            "Le stockage est plein ou en lecture seule : libérez de la place puis reprenez la vidéo.",
            "Storage is full or read-only: free some space, then resume the video."),
    DEFAULT(
            "Une erreur est survenue. Veuillez réessayer.",
            "An error occurred. Please try again.");

    private final String french;
    private final String english;

    ErrorCategory(String french, String english) {
        this.french = french;
        this.english = english;
    }

    public String message(Language language) {
        return language != null && language.isFrench() ? french : english;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ErrorCategory fromWire(String value) {
        return value == null ? null : valueOf(value.toUpperCase(Locale.ROOT));
    }
}
