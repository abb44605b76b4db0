package dev.baton.report;

/**
 * The report's stylesheet, shared by the HTML and the PDF. openhtmltopdf reads CSS 2.1 plus paged media, so the
 * layout uses blocks, inline-blocks and tables only; the PDF-only rules (page counters, leaders, repeated table
 * headers) are ignored by browsers.
 */
final class ReportStyle {

    private ReportStyle() {
    }

    static final String CSS = """
            @page { size: A4; margin: 18mm 16mm 20mm 16mm;
              @bottom-right { content: "Page " counter(page) " of " counter(pages); font-family: 'Liberation Sans', sans-serif; font-size: 8pt; color: #6b7280; } }
            @page :first { @bottom-right { content: none; } }
            html { -fs-pdf-font-embed: embed; }
            body { font-family: 'Liberation Sans', Arial, Helvetica, sans-serif; font-size: 10.5pt; line-height: 1.45; color: #111827;
              max-width: 820px; margin: 0 auto; padding: 24px; background: #ffffff; }
            h1 { font-size: 26pt; line-height: 1.15; margin: 6px 0 10px 0; }
            h2 { font-size: 16pt; margin: 28px 0 10px 0; padding-bottom: 4px; border-bottom: 2px solid #2f6fde; page-break-after: avoid; }
            p { margin: 6px 0 8px 0; }
            .title-page { padding: 40px 0 24px 0; page-break-after: always; }
            .kicker { text-transform: uppercase; letter-spacing: 2px; font-size: 9pt; color: #2f6fde; font-weight: bold; margin: 0; }
            .meta { color: #4b5563; margin-bottom: 24px; }
            .lead { font-size: 13pt; line-height: 1.4; color: #111827; border-left: 4px solid #2f6fde; padding: 4px 0 4px 12px; margin: 12px 0 16px 0; }
            .commentary { border-left: 4px solid #f3a712; background: #fffbeb; padding: 6px 12px; margin: 10px 0 14px 0; }
            .note { color: #6b7280; font-style: italic; }
            .figures { margin: 12px 0 16px 0; }
            .figure { display: inline-block; vertical-align: top; width: 180px; margin: 0 12px 12px 0; padding: 10px 12px;
              border: 1px solid #e5e7eb; border-radius: 6px; background: #f9fafb; }
            .figure .value { font-size: 16pt; font-weight: bold; color: #1f2937; word-wrap: break-word; }
            .figure .label { font-size: 9pt; color: #4b5563; text-transform: uppercase; letter-spacing: 0.5px; }
            .figure .detail { font-size: 8.5pt; color: #6b7280; }
            .toc { page-break-after: always; }
            .toc ol { padding-left: 20px; }
            .toc li { margin: 4px 0; }
            .toc a { color: #1f2937; text-decoration: none; }
            .toc a::after { content: leader('.') target-counter(attr(href), page); }
            table { border-collapse: collapse; width: 100%; margin: 8px 0 18px 0; font-size: 9pt; -fs-table-paginate: paginate; }
            caption { text-align: left; font-weight: bold; padding: 4px 0; caption-side: top; }
            thead { display: table-header-group; }
            tr { page-break-inside: avoid; }
            th { text-align: left; background: #eef2ff; border-bottom: 1px solid #c7d2fe; padding: 4px 6px; }
            table.keep { page-break-inside: avoid; }
            td { border-bottom: 1px solid #e5e7eb; padding: 3px 6px; vertical-align: top; }
            .num { text-align: right; }
            .long, caption, figcaption, li, .figure .value, .figure .label { word-wrap: break-word; }
            figure { display: block; margin: 12px 0 20px 0; page-break-inside: avoid; }
            .static-chart svg { display: block; width: 100%; height: auto; }
            .plot { width: 100%; height: 420px; }
            .plot .static-chart, .plot .static-chart svg { height: 100%; }
            figcaption { font-size: 9pt; color: #4b5563; margin-top: 4px; }
            ol.steps li { margin: 3px 0; }
            footer.generated { margin-top: 36px; font-size: 8pt; color: #9ca3af; }
            @media print { body { max-width: none; padding: 0; } .plot { page-break-inside: avoid; } }
            """;

    /** Rules for browsers only (openhtmltopdf does not know them and says so): a long name may break anywhere. */
    static final String BROWSER_CSS = """
            .long, caption, figcaption, li, .figure .value, .figure .label { overflow-wrap: anywhere; }
            """;
}
