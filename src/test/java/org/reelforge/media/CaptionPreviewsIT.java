package org.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.reelforge.video.Aspect;
import org.reelforge.video.CaptionLook;
import org.reelforge.video.CaptionOptions;
import org.reelforge.video.Language;

class CaptionPreviewsIT {
    private final CaptionPreviews previews = new CaptionPreviews(TestMedia.FFMPEG);

    private static BufferedImage image(byte[] png) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static long differing(BufferedImage a, BufferedImage b) {
        long n = 0;
        for (int y = 0; y < a.getHeight(); y += 2) {
            for (int x = 0; x < a.getWidth(); x += 2) {
                if (Math.abs((a.getRGB(x, y) & 0xFF) - (b.getRGB(x, y) & 0xFF)) > 40) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void eachLookGivesAPngOfTheFormatWithTheCaptionDrawn() throws Exception {
        BufferedImage none = image(previews.preview(CaptionOptions.defaults().withStyle(CaptionLook.NONE), Aspect.SQUARE,
                Language.FR, "Un aperçu des sous-titres"));
        assertThat(none.getWidth()).isEqualTo(1080);
        assertThat(none.getHeight()).isEqualTo(1080);
        for (CaptionLook look : new CaptionLook[] {CaptionLook.KARAOKE, CaptionLook.POP, CaptionLook.CLEAN, CaptionLook.BOXED}) {
            BufferedImage shown = image(previews.preview(CaptionOptions.defaults().withStyle(look), Aspect.SQUARE,
                    Language.FR, "Un aperçu des sous-titres"));
            assertThat(differing(shown, none)).as(look + " draws its caption").isGreaterThan(300);
        }
    }

    @Test
    void previewTextMustBeShort() {
        assertThatThrownBy(() -> previews.preview(CaptionOptions.defaults(), Aspect.PORTRAIT, Language.EN, "x".repeat(201)))
                .hasMessageContaining("1 to 200 characters");
    }
}
