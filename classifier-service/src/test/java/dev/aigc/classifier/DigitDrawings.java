package dev.aigc.classifier;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.aigc.serving.testing.DigitRenderer;

/**
 * Test fixtures: digits drawn black on white like a user's canvas drawing, from the installed DejaVu fonts, at
 * several canvas sizes, glyph heights, positions and stroke widths.
 */
public final class DigitDrawings {

    public static final Path FONT_DIR = Path.of("/usr/share/fonts/truetype/dejavu");

    /** One drawing and what it shows. */
    public record Drawing(int digit, String description, BufferedImage image) {

        public byte[] png() {
            return DigitRenderer.encode(image, "png");
        }

        @Override
        public String toString() {
            return digit + " " + description;
        }
    }

    private DigitDrawings() {
    }

    public static boolean fontsPresent() {
        return Files.isRegularFile(FONT_DIR.resolve("DejaVuSans.ttf"));
    }

    /** Draws {@code digit}; {@code stroke} widens the glyph outline by that many pixels (0 = plain fill). */
    public static Drawing draw(int digit, String fontFile, int canvas, double glyphHeight, double centreX,
            double centreY, float stroke) {
        Font font = font(fontFile).deriveFont(100f);
        BufferedImage image = new BufferedImage(canvas, canvas, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, canvas, canvas);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            FontRenderContext context = g.getFontRenderContext();
            GlyphVector glyphs = font.createGlyphVector(context, Integer.toString(digit));
            Shape outline = glyphs.getOutline();
            Rectangle2D bounds = outline.getBounds2D();
            double scale = glyphHeight / bounds.getHeight();
            AffineTransform placement = new AffineTransform();
            placement.translate(centreX * canvas, centreY * canvas);
            placement.scale(scale, scale);
            placement.translate(-bounds.getCenterX(), -bounds.getCenterY());
            Shape placed = placement.createTransformedShape(outline);
            g.setColor(Color.BLACK);
            g.fill(placed);
            if (stroke > 0) {
                g.setStroke(new BasicStroke(stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(placed);
            }
        } finally {
            g.dispose();
        }
        String description = String.format("%s canvas %d height %.0f at (%.2f,%.2f) stroke %.0f", fontFile, canvas,
                glyphHeight, centreX, centreY, stroke);
        return new Drawing(digit, description, image);
    }

    /**
     * The fixture set: every digit in three DejaVu faces, on small and large canvases, centred and off-centre,
     * thin and thick.
     */
    public static List<Drawing> fixtures() {
        List<Drawing> all = new ArrayList<>();
        String[] fonts = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf"};
        for (int digit = 0; digit <= 9; digit++) {
            for (String font : fonts) {
                all.add(draw(digit, font, 280, 200, 0.5, 0.5, 0));
                all.add(draw(digit, font, 64, 40, 0.4, 0.55, 2));
                all.add(draw(digit, font, 400, 120, 0.7, 0.3, 12));
            }
        }
        return all;
    }

    private static Font font(String file) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, FONT_DIR.resolve(file).toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot load font " + file, e);
        }
    }
}
