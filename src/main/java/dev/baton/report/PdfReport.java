package dev.baton.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
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
        render(HtmlReport.render(model, HtmlReport.Mode.STATIC, generated), out);
    }

    private static void render(String xhtml, OutputStream out) throws IOException {
        dev.baton.util.Logging.quiet();
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
        // Charts are our own SVG: no scripts, no external resources.
        builder.useSVGDrawer(new BatikSVGDrawer(BatikSVGDrawer.SvgScriptMode.SECURE, BatikSVGDrawer.SvgExternalResourceMode.SECURE));
        builder.withProducer("Baton " + Versions.baton() + " (openhtmltopdf)");
        // Tagged PDF (PDF/UA): headings, paragraphs and tables are marked as such, with the document's language,
        // so screen readers and reflowing viewers read it in order.
        builder.usePdfUaAccessbility(true);
        builder.toStream(out);
        builder.run();
    }
}
