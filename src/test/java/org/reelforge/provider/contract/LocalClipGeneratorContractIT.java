package org.reelforge.provider.contract;

import java.time.Clock;
import org.reelforge.media.Ffmpeg;
import org.reelforge.provider.ClipGenerator;
import org.reelforge.provider.offline.clips.ClipRenderer;
import org.reelforge.provider.offline.clips.LocalClipGenerator;
import org.reelforge.provider.offline.clips.LocalFaults;
import org.reelforge.provider.offline.speech.EspeakSpeechSynthesizer;

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
