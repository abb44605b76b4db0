package dev.baton.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import org.apache.pdfbox.pdmodel.PDDocument;
import dev.baton.util.Versions;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.EnumSet;

/**
 * The report as PDF, from the same model as the HTML: its static XHTML rendered by openhtmltopdf, headless, with
 * the charts as vector graphics, Liberation Sans embedded, a table of contents with page numbers, numbered pages,
 * and long tables repeating their header on every page.
 */
public final class PdfReport {

    private PdfReport() {
    }

    /** openhtmltopdf reports timings and font loading at INFO on stderr; only its warnings matter. */
    private static synchronized void quietRenderer() {
        for (String logger : com.openhtmltopdf.util.XRLog.listRegisteredLoggers()) {
            com.openhtmltopdf.util.XRLog.setLevel(logger, java.util.logging.Level.WARNING);
        }
    }

    public static void write(ReportModel model, Instant generated, OutputStream out) throws IOException {
        render(HtmlReport.render(model, HtmlReport.Mode.STATIC, generated), generated, out);
    }

    /**
     * The same report and time give the same bytes: the document's dates are {@code generated} (not the clock), and
     * its identifier is a hash of its content (PDFBox would otherwise derive one from the clock).
     */
    private static void render(String xhtml, Instant generated, OutputStream out) throws IOException {
        quietRenderer();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withHtmlContent(xhtml, null);
        var useCases = EnumSet.of(BaseRendererBuilder.FSFontUseCase.DOCUMENT, BaseRendererBuilder.FSFontUseCase.SVG,
                BaseRendererBuilder.FSFontUseCase.FALLBACK_PRE);
        // The fonts cut to the document's characters first: besides being smaller, a cut font has no GSUB table,
        // for which PDFBox compiles a regular expression on every run of text it draws (a third of a render).
        java.util.Set<Integer> used = ReportFonts.codePoints(xhtml);
        for (ReportFonts.Face face : ReportFonts.Face.values()) {
            byte[] subset = ReportFonts.subset(face, used);
            builder.useFont(() -> new java.io.ByteArrayInputStream(subset), ReportFonts.FAMILY, face.weight,
                    face.italic ? BaseRendererBuilder.FontStyle.ITALIC : BaseRendererBuilder.FontStyle.NORMAL, true, useCases);
        }
        // Characters Liberation Sans cannot draw (emoji, pictographs) come from Noto Emoji instead of a '#'.
        for (ReportFonts.Fallback fallback : ReportFonts.fallbacks(used)) {
            builder.useFont(() -> new java.io.ByteArrayInputStream(fallback.bytes()), "Noto Emoji", 400, BaseRendererBuilder.FontStyle.NORMAL,
                    true, EnumSet.of(BaseRendererBuilder.FSFontUseCase.FALLBACK_FINAL));
        }
        // Charts are our own SVG: no scripts, no external resources.
        builder.useSVGDrawer(new BatikSVGDrawer(BatikSVGDrawer.SvgScriptMode.SECURE, BatikSVGDrawer.SvgExternalResourceMode.SECURE));
        builder.withProducer("Baton " + Versions.baton() + " (openhtmltopdf)");
        // Tagged PDF (PDF/UA): headings, paragraphs and tables are marked as such, with the document's language,
        // so screen readers and reflowing viewers read it in order.
        builder.usePdfUaAccessbility(true);
        try (com.openhtmltopdf.pdfboxout.PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.layout();
            renderer.createPDFWithoutClosing();
            stamp(renderer.getPdfDocument(), xhtml, generated);
            renderer.getPdfDocument().save(out);
        }
    }

    /**
     * The document's dates (its information and its XMP metadata) set to {@code generated}, where openhtmltopdf put
     * the clock's time, and its identifier to a hash of its content, where PDFBox would derive one from the clock.
     */
    private static void stamp(PDDocument document, String xhtml, Instant generated) throws IOException {
        java.util.Calendar when = java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC"), java.util.Locale.ROOT);
        when.setTimeInMillis(generated.toEpochMilli());
        document.getDocumentInformation().setCreationDate(when);
        document.getDocumentInformation().setModificationDate(when);
        org.apache.pdfbox.pdmodel.common.PDMetadata metadata = document.getDocumentCatalog().getMetadata();
        if (metadata != null) {
            try (java.io.InputStream in = metadata.exportXMPMetadata()) {
                org.apache.xmpbox.XMPMetadata xmp = new org.apache.xmpbox.xml.DomXmpParser().parse(in);
                org.apache.xmpbox.schema.XMPBasicSchema basic = xmp.getXMPBasicSchema();
                if (basic != null) {
                    basic.setCreateDate(when);
                    basic.setModifyDate(when);
                }
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                new org.apache.xmpbox.xml.XmpSerializer().serialize(xmp, bytes, true);
                metadata.importXMPMetadata(bytes.toByteArray());
            } catch (org.apache.xmpbox.xml.XmpParsingException | javax.xml.transform.TransformerException e) {
                throw new IOException("Could not date the PDF's metadata: " + e.getMessage(), e);
            }
        }
        byte[] id = java.util.Arrays.copyOf(sha256(xhtml + generated), 16);
        org.apache.pdfbox.cos.COSArray ids = new org.apache.pdfbox.cos.COSArray();
        ids.add(new org.apache.pdfbox.cos.COSString(id));
        ids.add(new org.apache.pdfbox.cos.COSString(id));
        document.getDocument().getTrailer().setItem(org.apache.pdfbox.cos.COSName.ID, ids);
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
