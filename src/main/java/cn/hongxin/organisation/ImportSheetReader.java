package cn.hongxin.organisation;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads the people sheet of an uploaded workbook into rows of trimmed text, one value per
 * {@link ImportColumn}. Dates typed as real Excel dates come out as yyyy-MM-dd; numbers as plain
 * digits. Nothing is interpreted beyond that here.
 */
final class ImportSheetReader {

    /** The header may sit below a title row or two; look this far for it. */
    private static final int HEADER_SEARCH_ROWS = 5;

    /** One data row: {@code values} indexed by {@link ImportColumn#ordinal()}. */
    record SheetRow(int number, String[] values, boolean idNumberNumeric) {

        String value(ImportColumn column) {
            return values[column.ordinal()];
        }
    }

    /** The rows, or (when the file as a whole is unusable) the problems that say why. */
    record Result(List<SheetRow> rows, List<ImportProblem> problems) {
    }

    private ImportSheetReader() {
    }

    static Result read(Path file, ImportVocabulary vocabulary, int maxRows) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(false, false))) {
            Sheet sheet = dataSheet(workbook, vocabulary);
            boolean date1904 = workbook.isDate1904();
            try (Stream<Row> stream = sheet.openStream()) {
                Iterator<Row> it = stream.iterator();
                Map<ImportColumn, Integer> positions = null;
                int scanned = 0;
                while (positions == null && it.hasNext() && scanned++ < HEADER_SEARCH_ROWS) {
                    Map<ImportColumn, Integer> found = headers(it.next(), vocabulary);
                    if (found.size() >= 2) {
                        positions = found;
                    }
                }
                if (positions == null) {
                    return failed(ImportProblem.ofFile("import.file.noHeader"));
                }
                List<ImportProblem> missing = new ArrayList<>();
                for (ImportColumn c : ImportColumn.values()) {
                    if (c.required() && !positions.containsKey(c)) {
                        missing.add(new ImportProblem(0, c, "import.file.missingColumn", new Object[0], null, null));
                    }
                }
                if (!missing.isEmpty()) {
                    return new Result(List.of(), missing);
                }
                List<SheetRow> rows = new ArrayList<>();
                while (it.hasNext()) {
                    Row row = it.next();
                    SheetRow sheetRow = toSheetRow(row, positions, date1904);
                    if (sheetRow == null) {
                        continue;
                    }
                    if (rows.size() >= maxRows) {
                        return failed(ImportProblem.ofFile("import.file.tooManyRows", maxRows));
                    }
                    rows.add(sheetRow);
                }
                if (rows.isEmpty()) {
                    return failed(ImportProblem.ofFile("import.file.noRows"));
                }
                return new Result(rows, List.of());
            }
        } catch (IOException | ExcelReaderException | IllegalStateException | IllegalArgumentException e) {
            return failed(ImportProblem.ofFile("import.file.unreadable"));
        }
    }

    private static Result failed(ImportProblem problem) {
        return new Result(List.of(), List.of(problem));
    }

    /** The sheet named like the template's data sheet in either language, else the first one. */
    private static Sheet dataSheet(ReadableWorkbook workbook, ImportVocabulary vocabulary) {
        for (var locale : ImportVocabulary.LANGUAGES) {
            Optional<Sheet> named = workbook.findSheet(vocabulary.text("import.sheet.data", locale));
            if (named.isPresent()) {
                return named.get();
            }
        }
        return workbook.getFirstSheet();
    }

    private static Map<ImportColumn, Integer> headers(Row row, ImportVocabulary vocabulary) {
        Map<ImportColumn, Integer> positions = new EnumMap<>(ImportColumn.class);
        for (int i = 0; i < row.getCellCount(); i++) {
            Cell cell = row.getCell(i);
            if (cell == null || cell.getType() != CellType.STRING) {
                continue;
            }
            int index = i;
            vocabulary.column(cell.asString()).ifPresent(c -> positions.putIfAbsent(c, index));
        }
        return positions;
    }

    /** The row's values, or {@code null} when every cell of the known columns is blank. */
    private static SheetRow toSheetRow(Row row, Map<ImportColumn, Integer> positions, boolean date1904) {
        String[] values = new String[ImportColumn.values().length];
        boolean any = false;
        boolean idNumeric = false;
        for (Map.Entry<ImportColumn, Integer> e : positions.entrySet()) {
            int index = e.getValue();
            if (index >= row.getCellCount()) {
                continue;
            }
            Cell cell = row.getCell(index);
            if (cell == null) {
                continue;
            }
            ImportColumn column = e.getKey();
            String text = text(cell, ImportColumn.DATES.contains(column), date1904);
            if (text != null && !text.isEmpty()) {
                values[column.ordinal()] = text;
                any = true;
                if (column == ImportColumn.ID_NUMBER && cell.getType() == CellType.NUMBER) {
                    idNumeric = true;
                }
            }
        }
        return any ? new SheetRow(row.getRowNum(), values, idNumeric) : null;
    }

    private static String text(Cell cell, boolean dateColumn, boolean date1904) {
        switch (cell.getType()) {
            case EMPTY:
                return null;
            case NUMBER:
                return number(cell.asNumber(), dateColumn, date1904);
            case BOOLEAN:
                return String.valueOf(cell.asBoolean()).toUpperCase();
            case FORMULA: {
                String raw = cell.getRawValue();
                if (raw != null && dateColumn && raw.matches("\\d+(\\.\\d+)?")) {
                    return number(new BigDecimal(raw), true, date1904);
                }
                return clean(raw);
            }
            default:
                return clean(cell.getText());
        }
    }

    private static String number(BigDecimal n, boolean dateColumn, boolean date1904) {
        if (n == null) {
            return null;
        }
        if (dateColumn && n.signum() > 0 && n.compareTo(BigDecimal.valueOf(2_958_465)) <= 0) {
            return serialDate(n.longValue(), date1904).toString();
        }
        return n.stripTrailingZeros().toPlainString();
    }

    /** An Excel serial day number as a date (1900 system counts from 1899-12-30 for dates after 1900-02-28). */
    static LocalDate serialDate(long serial, boolean date1904) {
        return date1904 ? LocalDate.of(1904, 1, 1).plusDays(serial) : LocalDate.of(1899, 12, 30).plusDays(serial);
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replace('\u00A0', ' ').replace("\u200B", "").replace("\uFEFF", "").strip();
        return t.isEmpty() ? null : t;
    }
}
