package org.reelforge.provider.offline.clips;

import org.reelforge.provider.offline.clips.ClipLook;

/**
 * One operation of {@link LocalClipGenerator} as stored on disk ({@code operations/<name>.json}). Written
 * once at submit, never changed: its state follows from the clock and its fate.
 *
 * @param extendsBlock the block whose clip this one extends, 0 when none
 */
record LocalOperation(String name, String videoId, int blockIndex, int attempt, long submittedAtMillis,
                      long readyAtMillis, LocalFaults.Fate fate, int durationSeconds, String prompt, String spokenText,
                      boolean withSpeech, String language, String onScreenText, ClipLook look, int extendsBlock) {
}
