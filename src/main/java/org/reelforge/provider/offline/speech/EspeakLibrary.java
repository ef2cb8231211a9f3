package org.reelforge.provider.offline.speech;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/** The few functions of {@code speak_lib.h} (espeak-ng 1.51) that ReelForge calls, as JNA sees them. */
interface EspeakLibrary extends Library {
    int AUDIO_OUTPUT_SYNCHRONOUS = 2;
    int INITIALIZE_DONT_EXIT = 0x8000;
    int CHARS_UTF8 = 1;
    int POS_CHARACTER = 1;
    int PARAMETER_RATE = 1;
    int EE_OK = 0;

    /** Receives audio and the events that fall in it; returns 0 to go on, 1 to abort. */
    interface SynthCallback extends Callback {
        int invoke(Pointer samples, int sampleCount, Pointer events);
    }

    /** @return the sample rate in Hz, or -1 on failure */
    int espeak_Initialize(int output, int bufferMillis, String dataPath, int options);

    void espeak_SetSynthCallback(SynthCallback callback);

    int espeak_SetVoiceByName(String name);

    /** @return a NULL-terminated array of {@code espeak_VOICE*}: all voices when {@code voiceSpec} is NULL */
    Pointer espeak_ListVoices(Pointer voiceSpec);

    int espeak_SetParameter(int parameter, int value, int relative);

    int espeak_Synth(Pointer text, NativeLong size, int position, int positionType, int endPosition, int flags,
                     Pointer uniqueIdentifier, Pointer userData);
}
