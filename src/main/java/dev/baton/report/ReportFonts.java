package dev.baton.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;

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

    /** CSS {@code @font-face} rules with the fonts as data URIs. */
    static String fontFaces() {
        StringBuilder css = new StringBuilder();
        for (Face f : Face.values()) {
            css.append("@font-face{font-family:'").append(FAMILY).append("';font-weight:").append(f.weight)
                    .append(";font-style:").append(f.italic ? "italic" : "normal")
                    .append(";src:url(data:font/ttf;base64,").append(Base64.getEncoder().encodeToString(bytes(f)))
                    .append(") format('truetype');}\n");
        }
        return css.toString();
    }
}
