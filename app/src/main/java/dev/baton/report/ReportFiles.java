package dev.baton.report;

import dev.baton.util.AtomicFiles;
import dev.baton.util.Progress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/** Writes a report model to disk atomically: a failed export leaves any earlier file intact. */
public final class ReportFiles {

    private ReportFiles() {
    }

    public static void writeHtml(ReportModel model, Path file, Instant generated) throws IOException {
        AtomicFiles.writeString(file, HtmlReport.render(model, HtmlReport.Mode.INTERACTIVE, generated));
    }

    public static void writePdf(ReportModel model, Path file, Instant generated, Progress progress) throws IOException {
        progress.update(0, 1, "Laying out the PDF");
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        PdfReport.write(model, generated, out);
        progress.checkCancelled();
        AtomicFiles.writeBytes(file, out.toByteArray());
        progress.update(1, 1, "Wrote " + file.getFileName());
    }
}
