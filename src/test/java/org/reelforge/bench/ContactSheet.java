package org.reelforge.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.reelforge.media.CaptionPreviews;
import org.reelforge.media.Ffmpeg;
import org.reelforge.video.Aspect;
import org.reelforge.video.CaptionLook;
import org.reelforge.video.CaptionOptions;
import org.reelforge.video.CaptionPosition;
import org.reelforge.video.Language;

/**
 * Writes {@code docs/screenshots/captions.png}: one still per caption look (top row) and per script family (bottom
 * row), each drawn by {@link CaptionPreviews} through the real ASS path (9:16), cropped to its caption and labelled.
 * Run: {@code java -cp target/test-classes:target/classes:<deps> org.reelforge.bench.ContactSheet [target.png]}.
 */
public final class ContactSheet {
    /** Each still is cropped to a 1080×480 band around its caption and shown at 40 %. */
    private static final int BAND = 480;
    private static final int TILE_W = 432;
    private static final int TILE_H = 192;
    private static final int LABEL = 28;

    private record Tile(String label, CaptionOptions options, Language language, String text) {
    }

    private ContactSheet() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args.length > 0 ? args[0] : "docs/screenshots/captions.png");
        CaptionOptions base = CaptionOptions.defaults().withPosition(CaptionPosition.MIDDLE);
        List<Tile> looks = List.of(
                new Tile("karaoke", base, Language.FR, "Les volcans d'Islande dorment"),
                new Tile("pop", base.withStyle(CaptionLook.POP), Language.FR, "Les volcans d'Islande dorment"),
                new Tile("clean", base.withStyle(CaptionLook.CLEAN), Language.FR, "Les volcans d'Islande dorment"),
                new Tile("boxed", base.withStyle(CaptionLook.BOXED), Language.FR, "Les volcans d'Islande dorment"),
                new Tile("karaoke, top, #00E5FF", base.withPosition(CaptionPosition.TOP).withColors("#FFFFFF", "#00E5FF"),
                        Language.EN, "Volcanoes sleep under ice"));
        List<Tile> scripts = List.of(
                new Tile("Latin (fr, de, es)", base, Language.FR, "Été à Noël, señor Müller"),
                new Tile("CJK (ja, zh)", base, Language.of("ja"), "火山は氷の下で眠る"),
                new Tile("Arabic (ar)", base, Language.of("ar"), "البراكين نائمة تحت الجليد"),
                new Tile("Devanagari (hi)", base, Language.of("hi"), "ज्वालामुखी बर्फ के नीचे"),
                new Tile("emoji (Symbola)", base, Language.EN, "Lava 🔥 party 🎉 wow 😮"));
        CaptionPreviews previews = new CaptionPreviews(Ffmpeg.onPath());
        BufferedImage sheet = new BufferedImage(5 * TILE_W, 2 * (TILE_H + LABEL), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        for (int row = 0; row < 2; row++) {
            List<Tile> tiles = row == 0 ? looks : scripts;
            for (int col = 0; col < tiles.size(); col++) {
                Tile tile = tiles.get(col);
                byte[] png = previews.preview(tile.options(), Aspect.PORTRAIT, tile.language(), tile.text());
                BufferedImage still = ImageIO.read(new ByteArrayInputStream(png));
                int x = col * TILE_W;
                int y = row * (TILE_H + LABEL);
                int centre = tile.options().position() == CaptionPosition.TOP ? 160 + BAND / 2 - 60 : 820;
                BufferedImage band = still.getSubimage(0, centre - BAND / 2, still.getWidth(), BAND);
                g.drawImage(band, x, y + LABEL, TILE_W, TILE_H, null);
                g.setColor(Color.WHITE);
                g.drawString(tile.label(), x + 8, y + 20);
            }
        }
        g.dispose();
        Files.createDirectories(target.toAbsolutePath().getParent());
        ImageIO.write(sheet, "png", target.toFile());
        System.out.println("wrote " + target);
    }
}
