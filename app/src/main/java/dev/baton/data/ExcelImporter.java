package dev.baton.data;

import dev.baton.util.Progress;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads one sheet of an Excel workbook: the first row holds the names unless the options say otherwise. */
final class ExcelImporter {

    private ExcelImporter() {
    }

    static List<String> sheetNames(SourceFile source) {
        try (Workbook workbook = open(source)) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                names.add(workbook.getSheetName(i));
            }
            return names;
        } catch (IOException e) {
            throw unreadable(source.path(), e);
        }
    }

    /** Workbooks up to this size whose formulas were saved without results are read whole, to compute them. */
    static final long COMPUTE_FORMULAS_UP_TO = 20L << 20;

    static Dataset read(SourceFile source, ImportOptions options, Progress progress, int maxRows) {
        if (isXlsx(source.bytes())) {
            try {
                return ExcelStream.read(source, options, progress, maxRows);
            } catch (ExcelStream.FormulasWithoutResults e) {
                if (source.bytes().length > COMPUTE_FORMULAS_UP_TO) {
                    throw ImportException.of(ImportException.Kind.UNSUPPORTED, source.path(), source.path().getFileName()
                            + " holds formulas saved without their results (a program wrote it, not a spreadsheet), and it is too "
                            + "large to compute them in memory. Open and save it in a spreadsheet program, then read it again.");
                }
                // Programs such as Apache POI and openpyxl save formulas without results: compute them in POI's model.
            }
        }
        return readInMemory(source, options, progress, maxRows);
    }

    /** .xlsx is a zip file ("PK"); anything else goes to POI's model, which names what it is not. */
    static boolean isXlsx(byte[] bytes) {
        return bytes.length >= 2 && bytes[0] == 'P' && bytes[1] == 'K';
    }

    private static Dataset readInMemory(SourceFile source, ImportOptions options, Progress progress, int maxRows) {
        Path file = source.path();
        try (Workbook workbook = open(source)) {
            if (workbook.getNumberOfSheets() == 0) {
                throw ImportException.of(ImportException.Kind.EMPTY, file, file.getFileName() + " has no sheets.");
            }
            Sheet sheet;
            if (options.sheet() != null) {
                sheet = workbook.getSheet(options.sheet());
                if (sheet == null) {
                    throw ImportException.of(ImportException.Kind.UNSUPPORTED, file, file.getFileName() + " has no sheet named '"
                            + options.sheet() + "'; its sheets are " + sheetNames(source) + ".");
                }
            } else {
                sheet = workbook.getSheetAt(0);
            }
            Cells cells = new Cells(workbook.getCreationHelper().createFormulaEvaluator());
            int firstRow = sheet.getFirstRowNum();
            int lastRow = sheet.getLastRowNum();
            if (sheet.getPhysicalNumberOfRows() == 0) {
                throw ImportException.of(ImportException.Kind.EMPTY, file, "Sheet '" + sheet.getSheetName() + "' of "
                        + file.getFileName() + " is empty.");
            }
            int width = 0;
            for (int r = firstRow; r <= lastRow; r++) {
                Row row = sheet.getRow(r);
                if (row != null && row.getLastCellNum() > width) {
                    width = row.getLastCellNum();
                }
            }
            if (width > 10_000) {
                throw ImportException.of(ImportException.Kind.TOO_MANY_COLUMNS, file, "Sheet '" + sheet.getSheetName()
                        + "' has " + width + " columns; Baton reads at most 10,000.");
            }
            boolean header = options.header() == null || options.header();
            List<String> names = new ArrayList<>();
            int dataStart = firstRow;
            if (header) {
                Row row = sheet.getRow(firstRow);
                for (int c = 0; c < width; c++) {
                    String name = row == null ? null : cells.text(row.getCell(c));
                    names.add(name == null ? "" : name);
                }
                dataStart = firstRow + 1;
            } else {
                for (int c = 0; c < width; c++) {
                    names.add("column_" + (c + 1));
                }
            }
            FieldGridBuilder grid = new FieldGridBuilder(width);
            for (int r = dataStart; r <= lastRow && grid.rows() < maxRows; r++) {
                Row row = sheet.getRow(r);
                if (row == null || cells.isBlank(row, width)) {
                    continue;
                }
                for (int c = 0; c < width; c++) {
                    grid.add(cells.text(row.getCell(c)));
                }
                grid.endRow(r + 1);
                if ((r & 0xFFF) == 0) {
                    progress.checkCancelled();
                    progress.update(r - dataStart, lastRow - dataStart + 1, "Reading sheet " + sheet.getSheetName());
                }
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
            if (cells.computed > 0) {
                notes.add(String.format("%,d formula cell%s had no saved result (the workbook was not saved by a spreadsheet "
                        + "program) and %s computed on reading.", cells.computed, cells.computed == 1 ? "" : "s",
                        cells.computed == 1 ? "was" : "were"));
            }
            if (cells.uncomputable > 0) {
                notes.add(String.format("%,d formula cell%s had no saved result and could not be computed: read as missing.",
                        cells.uncomputable, cells.uncomputable == 1 ? "" : "s"));
            }
            ImportOptions resolved = options.withFormat(DataFormat.EXCEL).withSheet(sheet.getSheetName()).withHeader(header);
            FileSource dataSource = new FileSource(file.toAbsolutePath().toString(), resolved, source.sha256(), source.sizeOnDisk());
            return typed.dataset(DelimitedImporter.baseName(file), dataSource, notes);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static Workbook open(SourceFile source) throws IOException {
        try {
            return WorkbookFactory.create(new ByteArrayInputStream(source.bytes()));
        } catch (RuntimeException e) {
            throw new ImportException(ImportException.Kind.UNREADABLE, source.path(), 0, null, null, List.of(),
                    source.path().getFileName() + " is not a readable Excel workbook: " + e.getMessage(), e);
        }
    }

    static ImportException unreadable(Path file, Exception e) {
        return new ImportException(ImportException.Kind.UNREADABLE, file, 0, null, null, List.of(),
                file.getFileName() + " is not a readable Excel workbook: " + e.getMessage(), e);
    }

    /**
     * Reads cells as text the type inference understands. A formula gives its saved result, as a spreadsheet shows
     * it; files written by programs (Apache POI, openpyxl) often save formulas without results, which are then
     * computed here rather than read as 0.
     */
    static final class Cells {
        private final FormulaEvaluator evaluator;
        int computed;
        int uncomputable;

        Cells(FormulaEvaluator evaluator) {
            this.evaluator = evaluator;
        }

        boolean isBlank(Row row, int width) {
            for (int c = 0; c < width; c++) {
                if (text(row.getCell(c)) != null) {
                    return false;
                }
            }
            return true;
        }

        /** A cell as text: ISO dates, plain numbers, true/false; null when empty or an error (#DIV/0!). */
        String text(Cell cell) {
            if (cell == null) {
                return null;
            }
            if (cell.getCellType() == CellType.FORMULA && !hasSavedResult(cell)) {
                return computed(cell);
            }
            CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
            return switch (type) {
                case STRING -> {
                    String s = cell.getStringCellValue();
                    yield s == null || s.isEmpty() ? null : s;
                }
                case NUMERIC -> number(cell, cell.getNumericCellValue());
                case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
                default -> null;
            };
        }

        private static boolean hasSavedResult(Cell cell) {
            return !(cell instanceof org.apache.poi.xssf.usermodel.XSSFCell x) || x.getCTCell().isSetV();
        }

        private String computed(Cell cell) {
            CellValue value;
            try {
                value = evaluator.evaluate(cell);
            } catch (RuntimeException e) {
                uncomputable++;
                return null;
            }
            computed++;
            if (value == null) {
                return null;
            }
            return switch (value.getCellType()) {
                case STRING -> value.getStringValue() == null || value.getStringValue().isEmpty() ? null : value.getStringValue();
                case NUMERIC -> number(cell, value.getNumberValue());
                case BOOLEAN -> Boolean.toString(value.getBooleanValue());
                default -> null;
            };
        }

        private static String number(Cell cell, double d) {
            if (DateUtil.isCellDateFormatted(cell) && DateUtil.isValidExcelDate(d)) {
                LocalDateTime value = DateUtil.getLocalDateTime(d, cell.getSheet().getWorkbook() instanceof
                        org.apache.poi.xssf.usermodel.XSSFWorkbook x && x.isDate1904());
                return value.toLocalTime().toSecondOfDay() == 0 && value.getNano() == 0
                        ? value.toLocalDate().toString() : value.toString();
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
    }
}
