package cn.hongxin.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a ledger as an .xlsx workbook: per sheet a title row, a header row, the records and a totals row. Every text
 * cell passes {@link #safe(String)}, so a value a spreadsheet would take for a formula is written as text.
 */
final class LedgerWorkbook {

    /** One sheet: name (a month or a branch), title line, headers, rows of cells (text or numbers), totals. */
    record Sheet(String name, String title, List<String> headers, List<List<Object>> rows, List<Object> totals) {
    }

    private LedgerWorkbook() {
    }

    /** A text cell that a spreadsheet would read as a formula (= + - @, or a leading tab or CR) gets a quote first. */
    static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }

    static byte[] write(List<Sheet> sheets, String emptyName, String emptyTitle) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Hongxin", "1.0");
            Set<String> names = new HashSet<>();
            List<Sheet> all = sheets.isEmpty()
                    ? List.of(new Sheet(emptyName, emptyTitle, List.of(), List.of(), List.of())) : sheets;
            for (Sheet s : all) {
                Worksheet ws = wb.newWorksheet(sheetName(s.name(), names));
                ws.value(0, 0, safe(s.title()));
                ws.style(0, 0).bold().set();
                for (int c = 0; c < s.headers().size(); c++) {
                    ws.value(1, c, safe(s.headers().get(c)));
                    ws.style(1, c).bold().fillColor("F2DCDB").borderStyle("thin").set();
                    ws.width(c, c == 0 ? 6 : 16);
                }
                ws.freezePane(0, 2);
                int r = 2;
                for (List<Object> row : s.rows()) {
                    cells(ws, r++, row);
                }
                if (!s.totals().isEmpty()) {
                    cells(ws, r, s.totals());
                    for (int c = 0; c < s.totals().size(); c++) {
                        ws.style(r, c).bold().set();
                    }
                }
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void cells(Worksheet ws, int r, List<Object> row) {
        for (int c = 0; c < row.size(); c++) {
            Object v = row.get(c);
            if (v instanceof BigDecimal d) {
                ws.value(r, c, d);
            } else if (v instanceof Number n) {
                ws.value(r, c, n);
            } else if (v != null) {
                ws.value(r, c, safe(v.toString()));
            }
        }
    }

    /** Excel's rules: at most 31 characters, none of []:*?/\ and unique in the workbook. */
    static String sheetName(String name, Set<String> taken) {
        String base = (name == null || name.isBlank() ? "Sheet" : name).replaceAll("[\\[\\]:*?/\\\\]", "_");
        base = base.length() > 28 ? base.substring(0, 28) : base;
        String candidate = base;
        for (int i = 2; !taken.add(candidate.toLowerCase(java.util.Locale.ROOT)); i++) {
            candidate = base + "(" + i + ")";
        }
        return candidate;
    }

    static List<Object> row(Object... cells) {
        return new ArrayList<>(java.util.Arrays.asList(cells));
    }
}
