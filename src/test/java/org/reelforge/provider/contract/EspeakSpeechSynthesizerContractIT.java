package org.reelforge.provider.contract;

import org.reelforge.provider.SpeechSynthesizer;
import org.reelforge.provider.offline.speech.EspeakSpeechSynthesizer;

class EspeakSpeechSynthesizerContractIT extends SpeechSynthesizerContract {
    @Override
    SpeechSynthesizer synthesizer() {
        return new EspeakSpeechSynthesizer();
    }
}
