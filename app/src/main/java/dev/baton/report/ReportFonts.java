package dev.baton.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;

/**
 * Liberation Sans (SIL Open Font License 1.1, from the openpdf-fonts-extra jar), the one typeface of every report:
 * embedded in the PDF (for its text and its charts' text) and inlined into the HTML. Output therefore looks the
 * same whatever fonts the machine has.
 */
public final class ReportFonts {

    public static final String FAMILY = "Liberation Sans";

    public enum Face {
        REGULAR("LiberationSans-Regular.ttf", 400, false),
        BOLD("LiberationSans-Bold.ttf", 700, false),
        ITALIC("LiberationSans-Italic.ttf", 400, true);

        final String file;
        final int weight;
        final boolean italic;

        Face(String file, int weight, boolean italic) {
            this.file = file;
            this.weight = weight;
            this.italic = italic;
        }
    }

    private ReportFonts() {
    }

    public static InputStream open(Face face) {
        InputStream in = ReportFonts.class.getResourceAsStream("/liberation/" + face.file);
        if (in == null) {
            throw new IllegalStateException("The report font " + face.file + " is missing from Baton's libraries");
        }
        return in;
    }

    public static byte[] bytes(Face face) {
        try (InputStream in = open(face)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Characters a report may show beyond those in its text: plotly makes tick labels and hover text in the
     * browser (digits, signs, "k", "M", the minus sign U+2212), so all of printable ASCII and common typography stay.
     */
    private static final String ALWAYS = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"
            + "\u00a0\u00b0\u00b1\u00b2\u00b7\u00d7\u00b5\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u2212\u2264\u2265\u2192\u2248";

    /**
     * CSS {@code @font-face} rules with the fonts as data URIs, each cut down to the characters of {@code text}
     * (and {@link #ALWAYS}): 30–60 KB a face instead of 400 KB.
     */
    static String fontFaces(CharSequence text) {
        java.util.Set<Integer> used = codePoints(text);
        StringBuilder css = new StringBuilder();
        for (Face f : Face.values()) {
            css.append("@font-face{font-family:'").append(FAMILY).append("';font-weight:").append(f.weight)
                    .append(";font-style:").append(f.italic ? "italic" : "normal")
                    .append(";src:url(data:font/ttf;base64,").append(Base64.getEncoder().encodeToString(subset(f, used)))
                    .append(") format('truetype');}\n");
        }
        return css.toString();
    }

    /** Noto Emoji's Unicode-range files (resources under emoji/), the PDF's fallback for what Liberation cannot draw. */
    private static final List<String> EMOJI = List.of("emoji", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");

    /** A fallback font: one of the emoji files that draws characters the report needs. */
    record Fallback(String name, byte[] bytes) {
    }

    /**
     * The emoji files that draw characters of {@code used} the regular face has no glyph for (emoji, pictographs,
     * symbols); empty when Liberation draws everything, as it usually does.
     */
    static List<Fallback> fallbacks(java.util.Set<Integer> used) {
        java.util.Set<Integer> missing = new java.util.TreeSet<>();
        try (org.apache.fontbox.ttf.TrueTypeFont font = new org.apache.fontbox.ttf.TTFParser().parse(
                new org.apache.pdfbox.io.RandomAccessReadBuffer(bytes(Face.REGULAR)))) {
            org.apache.fontbox.ttf.CmapLookup cmap = font.getUnicodeCmapLookup();
            for (int c : used) {
                if (c > 0x20 && !Character.isISOControl(c) && cmap.getGlyphId(c) == 0) {
                    missing.add(c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Fallback> out = new java.util.ArrayList<>();
        for (String range : EMOJI) {
            if (missing.isEmpty()) {
                break;
            }
            String file = "noto-emoji-" + range + "-400-normal.ttf";
            byte[] bytes;
            try (InputStream in = ReportFonts.class.getResourceAsStream("emoji/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("The report's emoji font " + file + " is missing from Baton's libraries");
                }
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try (org.apache.fontbox.ttf.TrueTypeFont font = new org.apache.fontbox.ttf.TTFParser().parse(
                    new org.apache.pdfbox.io.RandomAccessReadBuffer(bytes))) {
                org.apache.fontbox.ttf.CmapLookup cmap = font.getUnicodeCmapLookup();
                java.util.Set<Integer> here = new java.util.TreeSet<>();
                for (int c : missing) {
                    if (cmap.getGlyphId(c) != 0) {
                        here.add(c);
                    }
                }
                if (here.isEmpty()) {
                    continue;
                }
                missing.removeAll(here);
                // Whole: FontBox cannot cut a font to characters beyond the Basic Multilingual Plane, where emoji
                // are; the PDF still embeds only the glyphs drawn.
                out.add(new Fallback(file, bytes));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the report's emoji font " + file + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** The characters of {@code text} and {@link #ALWAYS}. */
    static java.util.Set<Integer> codePoints(CharSequence text) {
        java.util.Set<Integer> used = new java.util.HashSet<>();
        text.codePoints().forEach(used::add);
        ALWAYS.codePoints().forEach(used::add);
        return used;
    }

    static byte[] subset(Face face, java.util.Set<Integer> codePoints) {
        try (org.apache.fontbox.ttf.TrueTypeFont font = new org.apache.fontbox.ttf.TTFParser().parse(
                new org.apache.pdfbox.io.RandomAccessReadBuffer(bytes(face)))) {
            // The tables a renderer needs to draw the glyphs; not GSUB (ligatures Baton's text does not use, and
            // PDFBox's slow path), nor kerning, which neither renderer applies.
            org.apache.fontbox.ttf.TTFSubsetter subsetter = new org.apache.fontbox.ttf.TTFSubsetter(font, List.of("head", "hhea", "loca",
                    "maxp", "cvt ", "prep", "glyf", "hmtx", "fpgm", "gasp", "cmap", "OS/2", "name", "post"));
            subsetter.addAll(codePoints);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            subsetter.writeToStream(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not cut the report font " + face.file + " to the characters used: " + e.getMessage(), e);
        }
    }
}
