package org.reelforge.provider.contract;

import java.time.Clock;
import org.reelforge.media.ClipRenderer;
import org.reelforge.media.Ffmpeg;
import org.reelforge.provider.ClipGenerator;
import org.reelforge.provider.offline.EspeakSpeechSynthesizer;
import org.reelforge.provider.offline.LocalClipGenerator;
import org.reelforge.provider.offline.LocalFaults;

class LocalClipGeneratorContractIT extends ClipGeneratorContract {
    @Override
    ClipGenerator generator() {
        return new LocalClipGenerator(dir.resolve("local-provider"), new ClipRenderer(Ffmpeg.onPath(), new EspeakSpeechSynthesizer()),
                LocalFaults.NONE, Clock.systemUTC());
    }

    @Override
    String unknownOperation() {
        return "local-" + VIDEO + "-b9-a9";
    }
}
