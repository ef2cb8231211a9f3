package org.reelforge.provider.offline.speech;

import java.util.List;

/**
 * One espeak-ng voice.
 *
 * @param id        its file identifier, e.g. {@code gmw/de}, {@code sit/cmn}, {@code roa/pt-BR}
 * @param name      e.g. {@code German}, {@code Chinese_(Mandarin,_latin_as_English)}
 * @param languages the BCP-47-like language names it speaks, most fitting first, e.g. {@code cmn}, {@code zh-cmn}, {@code zh}
 */
public record EspeakVoice(String id, String name, List<String> languages) {
    public EspeakVoice {
        languages = List.copyOf(languages);
    }
}
