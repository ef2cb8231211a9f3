package org.reelforge.pipeline;

import org.reelforge.provider.ClipGenerator;
import org.reelforge.provider.ScriptWriter;
import org.reelforge.provider.SpeechSynthesizer;
import org.reelforge.provider.Transcriber;

/** The providers of one pipeline, one per step. */
public record Providers(ScriptWriter scriptWriter, SpeechSynthesizer speech, ClipGenerator clips, Transcriber transcriber) {
}
