package org.reelforge.pipeline;

import org.reelforge.provider.ClipGenerator;
import org.reelforge.provider.Preflight;
import org.reelforge.provider.ScriptWriter;
import org.reelforge.provider.SpeechSynthesizer;
import org.reelforge.provider.Transcriber;

/** The providers of one pipeline, one per step, and the check of their models before a video's first paid call. */
public record Providers(ScriptWriter scriptWriter, SpeechSynthesizer speech, ClipGenerator clips, Transcriber transcriber,
                        Preflight preflight) {
    public Providers(ScriptWriter scriptWriter, SpeechSynthesizer speech, ClipGenerator clips, Transcriber transcriber) {
        this(scriptWriter, speech, clips, transcriber, Preflight.NONE);
    }
}
