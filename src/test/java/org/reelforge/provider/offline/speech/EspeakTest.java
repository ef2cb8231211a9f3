package org.reelforge.provider.offline.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.reelforge.provider.ProviderException;

class EspeakTest {
    @Test
    void aMissingLibraryIsAPermanentErrorThatNamesThePackageToInstall() {
        assertThatThrownBy(() -> Espeak.load("espeak-ng-not-installed"))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.PERMANENT))
                .hasMessageContaining("apt-get install -y espeak-ng");
    }

    @Test
    void rateScalesEspeaksDefaultSpeedWithinItsLimits() {
        assertThat(EspeakSpeechSynthesizer.wordsPerMinute(1.0)).isEqualTo(175);
        assertThat(EspeakSpeechSynthesizer.wordsPerMinute(1.5)).isEqualTo(263);
        assertThat(EspeakSpeechSynthesizer.wordsPerMinute(0.1)).isEqualTo(80);
        assertThat(EspeakSpeechSynthesizer.wordsPerMinute(9)).isEqualTo(450);
        assertThatThrownBy(() -> EspeakSpeechSynthesizer.wordsPerMinute(Double.NaN)).isInstanceOf(ProviderException.class);
    }
}
