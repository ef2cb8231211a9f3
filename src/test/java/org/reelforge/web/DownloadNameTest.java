package org.reelforge.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DownloadNameTest {
    @Test
    void aDownloadIsNamedAfterTheThemeWithAnAsciiFallbackAndTheExactUtf8Name() {
        assertThat(DownloadName.attachment("Les volcans d'Islande : l'été", "mp4")).isEqualTo(
                "attachment; filename=\"Les volcans d'Islande l'ete.mp4\"; "
                        + "filename*=UTF-8''Les%20volcans%20d%27Islande%20l%27%C3%A9t%C3%A9.mp4");
    }

    @Test
    void charactersThatBreakTheHeaderOrAFileSystemNeverReachTheName() {
        String header = DownloadName.attachment("a\"b\\c/d\r\nSet-Cookie: x=1 <e>|f?*", "mp4");
        assertThat(header).doesNotContain("\r", "\n", "\\", "/", "<", ">", "|", "?");
        assertThat(header).startsWith("attachment; filename=\"a b c d Set-Cookie x=1 e f.mp4\"");
    }

    @Test
    void aThemeOfOnlyScriptsWithoutLatinLettersStillGetsAReadableAsciiName() {
        assertThat(DownloadName.attachment("火山", "mp4")).startsWith("attachment; filename=\"_.mp4\"; filename*=UTF-8''%E7%81%AB%E5%B1%B1.mp4");
        assertThat(DownloadName.stem("  ...  ")).isEqualTo("video");
        assertThat(DownloadName.stem("x".repeat(300))).hasSize(80);
    }
}
