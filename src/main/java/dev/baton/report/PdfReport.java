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
        dev.baton.util.Logging.quiet();
        quietRenderer();
        String xhtml = HtmlReport.render(model, HtmlReport.Mode.STATIC, generated);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withHtmlContent(xhtml, null);
        var useCases = EnumSet.of(BaseRendererBuilder.FSFontUseCase.DOCUMENT, BaseRendererBuilder.FSFontUseCase.SVG,
                BaseRendererBuilder.FSFontUseCase.FALLBACK_PRE);
        for (ReportFonts.Face face : ReportFonts.Face.values()) {
            builder.useFont(() -> ReportFonts.open(face), ReportFonts.FAMILY, face.weight,
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
