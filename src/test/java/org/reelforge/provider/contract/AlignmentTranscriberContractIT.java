package org.reelforge.provider.contract;

import org.reelforge.provider.Transcriber;
import org.reelforge.provider.offline.align.AlignmentTranscriber;

class AlignmentTranscriberContractIT extends TranscriberContract {
    @Override
    Transcriber transcriber() {
        return new AlignmentTranscriber();
    }
}
