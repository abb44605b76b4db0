package dev.baton.data;

import com.github.pjfanning.xlsx.StreamingReader;
import dev.baton.util.Progress;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads one sheet of an .xlsx workbook as a stream of rows (excel-streaming-reader over POI's event API): only the
 * cells' text is kept, so memory stays within a few times the file's size. POI's whole-workbook model needed
 * 2.1 GB and 39 s for a 10 MB file, and could not open one of 30 MB at all.
 */
final class ExcelStream {

    /** The sheet has formulas saved without results: they can only be computed in POI's whole-workbook model. */
    static final class FormulasWithoutResults extends RuntimeException {
        FormulasWithoutResults() {
            super(null, null, false, false);
        }
    }

    private ExcelStream() {
    }

    /** Cells as they come, row by row: their row, column and text (UTF-8 in one array). */
    private static final class Cells {
        final IntArrayList rows = new IntArrayList();
        final IntArrayList cols = new IntArrayList();
        final IntArrayList starts = new IntArrayList();
        byte[] text = new byte[1 << 16];
        int size;

        void add(int row, int col, String value) {
            byte[] b = value.getBytes(StandardCharsets.UTF_8);
            if (size + b.length > text.length) {
                long wanted = Math.max((long) text.length * 2, (long) size + b.length);
                if (wanted > Integer.MAX_VALUE - 16) {
                    throw new FieldGridBuilder.TooMuchText(rows.isEmpty() ? 0 : rows.getInt(rows.size() - 1));
                }
                text = java.util.Arrays.copyOf(text, (int) wanted);
            }
            System.arraycopy(b, 0, text, size, b.length);
            rows.add(row);
            cols.add(col);
            starts.add(size);
            size += b.length;
        }

        String text(int i) {
            int end = i + 1 < starts.size() ? starts.getInt(i + 1) : size;
            return new String(text, starts.getInt(i), end - starts.getInt(i), StandardCharsets.UTF_8);
        }
    }

    static Dataset read(SourceFile source, ImportOptions options, Progress progress, int maxRows) {
        Path file = source.path();
        try (Workbook workbook = StreamingReader.builder().rowCacheSize(256).bufferSize(1 << 16)
                .open(new java.io.ByteArrayInputStream(source.bytes()))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw ImportException.of(ImportException.Kind.EMPTY, file, file.getFileName() + " has no sheets.");
            }
            Sheet sheet;
            if (options.sheet() != null) {
                try {
                    sheet = workbook.getSheet(options.sheet());
                } catch (com.github.pjfanning.xlsx.exceptions.MissingSheetException e) {
                    sheet = null;
                }
                if (sheet == null) {
                    List<String> names = new ArrayList<>();
                    workbook.forEach(s -> names.add(s.getSheetName()));
                    throw ImportException.of(ImportException.Kind.UNSUPPORTED, file, file.getFileName() + " has no sheet named '"
                            + options.sheet() + "'; its sheets are " + names + ".");
                }
            } else {
                sheet = workbook.getSheetAt(0);
            }
            ExcelImporter.Cells reader = new ExcelImporter.Cells(null);
            boolean header = options.header() == null || options.header();
            Cells cells = new Cells();
            IntArrayList rowLines = new IntArrayList();
            int width = 0;
            int headerRow = -1;
            int dataRows = 0;
            long seen = 0;
            for (Row row : sheet) {
                if (dataRows >= maxRows) {
                    break;
                }
                int r = row.getRowNum();
                boolean any = false;
                for (Cell cell : row) {
                    String text = reader.text(cell);
                    if (text == null) {
                        // A formula with no value and no error saved: written by a program, not a spreadsheet (see read).
                        if (cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() != CellType.ERROR) {
                            throw new FormulasWithoutResults();
                        }
                        continue;
                    }
                    int c = cell.getColumnIndex();
                    if (c >= 10_000) {
                        throw ImportException.of(ImportException.Kind.TOO_MANY_COLUMNS, file, "Sheet '" + sheet.getSheetName()
                                + "' has more than 10,000 columns; Baton reads at most 10,000.");
                    }
                    cells.add(r, c, text);
                    width = Math.max(width, c + 1);
                    any = true;
                }
                if (any) {
                    if (header && headerRow < 0) {
                        headerRow = r;
                    } else {
                        rowLines.add(r);
                        dataRows++;
                    }
                }
                if ((++seen & 0xFFF) == 0) {
                    progress.checkCancelled();
                    progress.update(seen, -1, String.format("Reading sheet %s: %,d rows", sheet.getSheetName(), seen));
                }
            }
            if (cells.rows.isEmpty()) {
                throw ImportException.of(ImportException.Kind.EMPTY, file, "Sheet '" + sheet.getSheetName() + "' of "
                        + file.getFileName() + " is empty.");
            }
            List<String> names = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                names.add(header ? "" : "column_" + (c + 1));
            }
            FieldGridBuilder grid = new FieldGridBuilder(width);
            String[] row = new String[width];
            int at = 0;
            int n = cells.rows.size();
            while (at < n) {
                int r = cells.rows.getInt(at);
                java.util.Arrays.fill(row, null);
                while (at < n && cells.rows.getInt(at) == r) {
                    row[cells.cols.getInt(at)] = cells.text(at);
                    at++;
                }
                if (r == headerRow) {
                    for (int c = 0; c < width; c++) {
                        names.set(c, row[c] == null ? "" : row[c]);
                    }
                    continue;
                }
                if (!rowLines.isEmpty() && (grid.rows() >= rowLines.size())) {
                    break;
                }
                for (int c = 0; c < width; c++) {
                    grid.add(row[c]);
                }
                grid.endRow(r + 1);
            }
            if (grid.rows() == 0) {
                throw ImportException.of(ImportException.Kind.HEADER_ONLY, file, "Sheet '" + sheet.getSheetName() + "' of "
                        + file.getFileName() + " has a header row but no data rows.");
            }
            ColumnNames.Result unique = ColumnNames.uniquify(names);
            GridTables.Typed typed = GridTables.type(DelimitedImporter.baseName(file), grid.build(), unique.names(), options,
                    Map.of(), progress);
            List<String> notes = new ArrayList<>(unique.notes());
            notes.addAll(typed.notes());
            ImportOptions resolved = options.withFormat(DataFormat.EXCEL).withSheet(sheet.getSheetName()).withHeader(header);
            FileSource dataSource = new FileSource(file.toAbsolutePath().toString(), resolved, source.sha256(), source.sizeOnDisk());
            return typed.dataset(DelimitedImporter.baseName(file), dataSource, notes);
        } catch (ImportException | FormulasWithoutResults | FieldGridBuilder.TooMuchText e) {
            throw e;
        } catch (Exception e) {
            throw ExcelImporter.unreadable(file, e);
        }
    }
}
