package dev.aigc.serving.testing;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.GlyphVector;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/**
 * Draws digits with the DejaVu fonts installed on the build machines (falling back to the JDK's logical font),
 * for tests that need realistic "handwritten-like" inputs: any canvas size, glyph size, position, colours and a
 * transparent background.
 *
 * <pre>{@code
 * BufferedImage seven = DigitRenderer.digit(7).canvas(280, 280).size(200).centredAt(140, 140).render();
 * byte[] png = DigitRenderer.encode(seven, "png");
 * }</pre>
 */
public final class DigitRenderer {

    private static final Path DEJAVU_BOLD = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");
    private static final Font BASE_FONT = loadFont();

    private final String text;
    private int width = 280;
    private int height = 280;
    private float size = 200;
    private Double centreX;
    private Double centreY;
    private Color ink = Color.BLACK;
    private Color paper = Color.WHITE;

    private DigitRenderer(String text) {
        this.text = text;
    }

    /** Starts drawing {@code digit} (0–9): black on white, 200 px glyph, centred on a 280 × 280 canvas. */
    public static DigitRenderer digit(int digit) {
        if (digit < 0 || digit > 9) {
            throw new IllegalArgumentException("Not a digit: " + digit);
        }
        return new DigitRenderer(Integer.toString(digit));
    }

    public DigitRenderer canvas(int canvasWidth, int canvasHeight) {
        this.width = canvasWidth;
        this.height = canvasHeight;
        return this;
    }

    /** The font size in pixels (roughly the glyph height). */
    public DigitRenderer size(float pixels) {
        this.size = pixels;
        return this;
    }

    /** Where the centre of the glyph's visual bounds goes (default: canvas centre). */
    public DigitRenderer centredAt(double x, double y) {
        this.centreX = x;
        this.centreY = y;
        return this;
    }

    public DigitRenderer colours(Color inkColour, Color paperColour) {
        this.ink = inkColour;
        this.paper = paperColour;
        return this;
    }

    /** White strokes on black, like MNIST itself. */
    public DigitRenderer whiteOnBlack() {
        return colours(Color.WHITE, Color.BLACK);
    }

    /** Strokes of {@code inkColour} on a fully transparent canvas (ARGB), like a browser drawing canvas. */
    public DigitRenderer transparent(Color inkColour) {
        return colours(inkColour, null);
    }

    public BufferedImage render() {
        int type = paper == null ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            if (paper == null) {
                g.setComposite(AlphaComposite.Clear);
                g.fillRect(0, 0, width, height);
                g.setComposite(AlphaComposite.SrcOver);
            } else {
                g.setColor(paper);
                g.fillRect(0, 0, width, height);
            }
            Font font = BASE_FONT.deriveFont(size);
            GlyphVector glyphs = font.createGlyphVector(g.getFontRenderContext(), text);
            Rectangle2D bounds = glyphs.getVisualBounds();
            double cx = centreX != null ? centreX : width / 2.0;
            double cy = centreY != null ? centreY : height / 2.0;
            g.setColor(ink);
            g.drawGlyphVector(glyphs, (float) (cx - bounds.getCenterX()), (float) (cy - bounds.getCenterY()));
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Encodes an image with ImageIO ("png", "jpeg", "gif", "bmp"). */
    public static byte[] encode(BufferedImage image, String format) {
        BufferedImage target = image;
        if (!"png".equals(format) && image.getColorModel().hasAlpha()) {
            target = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = target.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
            g.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(target, format, out)) {
                throw new IllegalArgumentException("No ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Font loadFont() {
        if (Files.isReadable(DEJAVU_BOLD)) {
            try {
                return Font.createFont(Font.TRUETYPE_FONT, DEJAVU_BOLD.toFile());
            } catch (FontFormatException | IOException e) {
                // fall through to the logical font
            }
        }
        return new Font("DejaVu Sans", Font.BOLD, 12);
    }
}
