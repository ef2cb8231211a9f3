package org.reelforge.provider.offline.speech;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.reelforge.provider.ProviderException;

/**
 * The espeak-ng library, loaded and initialized once per process. espeak-ng keeps global state (voice,
 * rate, callback), so every synthesis holds one lock from setting the voice to the last sample.
 * Runs in synchronous mode: {@link #speak} returns when all audio and events have been collected.
 */
public final class Espeak {
    public static final String PROVIDER = "espeak-ng";
    static final String LIBRARY = "espeak-ng";
    private static final int EVENT_WORD = 1;
    private static final int EVENT_END = 5;
    private static final int EVENT_MSG_TERMINATED = 6;
    private static final int EVENT_SIZE = 24 + Native.POINTER_SIZE + 8;
    private static final Object LOCK = new Object();
    private static Espeak shared;

    private final EspeakLibrary library;
    private final int sampleRate;
    private final EspeakLibrary.SynthCallback callback = this::collect; // a field: JNA must not lose it to GC
    private Collector collector;

    private Espeak(EspeakLibrary library) {
        this.library = library;
        this.sampleRate = library.espeak_Initialize(EspeakLibrary.AUDIO_OUTPUT_SYNCHRONOUS, 500, null,
                EspeakLibrary.INITIALIZE_DONT_EXIT);
        if (sampleRate <= 0) {
            throw ProviderException.permanent(PROVIDER, "espeak_Initialize failed (returned " + sampleRate
                    + "): is espeak-ng-data installed? apt-get install -y espeak-ng");
        }
        library.espeak_SetSynthCallback(callback);
    }

    /** The process-wide engine, loaded on first use. */
    static Espeak shared() {
        synchronized (LOCK) {
            if (shared == null) {
                shared = new Espeak(load(LIBRARY));
            }
            return shared;
        }
    }

    static EspeakLibrary load(String libraryName) {
        try {
            return Native.load(libraryName, EspeakLibrary.class);
        } catch (UnsatisfiedLinkError e) {
            throw new ProviderException(ProviderException.Kind.PERMANENT, PROVIDER, null,
                    "cannot load native library " + libraryName + " (lib" + libraryName + ".so.1): install it with"
                            + " apt-get install -y espeak-ng (" + e.getMessage() + ")", null, e);
        }
    }

    /**
     * The installed voices (espeak-ng-data), read from {@code espeak_ListVoices}: for each, its file identifier
     * ({@code gmw/de}, {@code sit/cmn}), name and languages in order of priority.
     */
    List<EspeakVoice> voices() {
        synchronized (LOCK) {
            Pointer array = library.espeak_ListVoices(Pointer.NULL);
            List<EspeakVoice> voices = new ArrayList<>();
            for (int i = 0; array != null; i++) {
                Pointer voice = array.getPointer((long) i * Native.POINTER_SIZE);
                if (voice == null) {
                    break;
                }
                voices.add(new EspeakVoice(voice.getPointer(2L * Native.POINTER_SIZE).getString(0, "UTF-8"),
                        voice.getPointer(0).getString(0, "UTF-8"), languages(voice.getPointer(Native.POINTER_SIZE))));
            }
            return voices;
        }
    }

    /** espeak's language list: (priority byte, NUL-terminated name) pairs, ended by a zero priority. */
    private static List<String> languages(Pointer list) {
        List<String> languages = new ArrayList<>();
        long offset = 0;
        while (list != null && list.getByte(offset) != 0) {
            String language = list.getString(offset + 1, "UTF-8");
            languages.add(language);
            offset += 1 + language.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        return languages;
    }

    int sampleRate() {
        return sampleRate;
    }

    /**
     * Speaks plain text (never SSML) with a voice such as {@code fr} or {@code en+f3}.
     *
     * @param wordsPerMinute espeak's rate, 80..450
     */
    Utterance speak(String text, String voice, int wordsPerMinute) {
        byte[] utf8 = plain(text).getBytes(StandardCharsets.UTF_8);
        Memory buffer = new Memory(utf8.length + 1L);
        buffer.write(0, utf8, 0, utf8.length);
        buffer.setByte(utf8.length, (byte) 0);
        synchronized (LOCK) {
            check(library.espeak_SetVoiceByName(voice), "set voice " + voice);
            check(library.espeak_SetParameter(EspeakLibrary.PARAMETER_RATE, wordsPerMinute, 0),
                    "set rate " + wordsPerMinute);
            collector = new Collector();
            try {
                check(library.espeak_Synth(buffer, new NativeLong(utf8.length + 1L), 0, EspeakLibrary.POS_CHARACTER, 0,
                        EspeakLibrary.CHARS_UTF8, Pointer.NULL, Pointer.NULL), "synthesize " + utf8.length + " bytes");
                return collector.utterance(sampleRate);
            } finally {
                collector = null;
            }
        }
    }

    /** Control characters (a NUL would end the C string) become spaces, so character positions still match. */
    private static String plain(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) && c != '\n' ? ' ' : c));
        return out.toString();
    }

    private void check(int status, String action) {
        if (status != EspeakLibrary.EE_OK) {
            throw ProviderException.permanent(PROVIDER, "could not " + action + " (espeak error " + status + ")");
        }
    }

    private int collect(Pointer samples, int count, Pointer events) {
        if (samples != null && count > 0) {
            collector.addSamples(samples.getShortArray(0, count));
        }
        for (long offset = 0; events != null && events.getInt(offset) != 0; offset += EVENT_SIZE) {
            int type = events.getInt(offset);
            if (type == EVENT_WORD || type == EVENT_END || type == EVENT_MSG_TERMINATED) {
                collector.marks.add(new Mark(type == EVENT_WORD, events.getInt(offset + 8) - 1, events.getInt(offset + 20)));
            }
        }
        return 0;
    }

    /**
     * An event of the speech: a word starts, or a clause/message ends.
     *
     * @param textPosition 0-based index in code points of the spoken text (espeak counts code points from 1)
     * @param sample       where in the audio it happens
     */
    public record Mark(boolean word, int textPosition, int sample) {
    }

    /** What espeak produced for one text: 16-bit mono samples and the events, in order. */
    public record Utterance(short[] samples, int sampleRate, List<Mark> marks) {
        public Utterance {
            marks = List.copyOf(marks);
        }

        public long durationMillis() {
            return samples.length * 1000L / sampleRate;
        }
    }

    private static final class Collector {
        private short[] samples = new short[1 << 16];
        private int size;
        private final List<Mark> marks = new ArrayList<>();

        void addSamples(short[] more) {
            if (size + more.length > samples.length) {
                samples = Arrays.copyOf(samples, Math.max(samples.length * 2, size + more.length));
            }
            System.arraycopy(more, 0, samples, size, more.length);
            size += more.length;
        }

        Utterance utterance(int sampleRate) {
            return new Utterance(Arrays.copyOf(samples, size), sampleRate, marks);
        }
    }
}
