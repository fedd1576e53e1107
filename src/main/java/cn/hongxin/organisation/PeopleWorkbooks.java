package cn.hongxin.organisation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.DataValidationErrorStyle;
import org.dhatim.fastexcel.VisibilityState;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Component;

import cn.hongxin.security.Permission;

/** The .xlsx files of people: the import template, the import's error report and the export. */
@Component
class PeopleWorkbooks {

    /** Rows of the template's data sheet that get the drop-down lists. */
    private static final int TEMPLATE_ROWS = PersonImporter.MAX_ROWS;
    private static final String HEADER_FILL = "F2F2F2";
    private static final String REQUIRED_FILL = "FDECEF";
    private static final String RED = "C8102E";
    private static final String GREY = "808080";

    private final ImportVocabulary words;
    private final OrgUnitRepository units;
    private final DataScope scope;

    PeopleWorkbooks(ImportVocabulary words, OrgUnitRepository units, DataScope scope) {
        this.words = words;
        this.units = units;
        this.scope = scope;
    }

    // ---------------------------------------------------------------- template

    /**
     * The import template: the data sheet (headers, text and date formats, drop-down lists), a notes
     * sheet explaining every column with an example, and the units of the caller's scope to choose from.
     */
    byte[] template(Locale locale) {
        List<OrgUnit> inScope = units.findSubtree(scope.prefix(Permission.PERSON_IMPORT));
        ImportUnitIndex index = new ImportUnitIndex(inScope);
        List<String> adminUnits = names(inScope, index, PersonImporter.ADMIN_UNIT_TYPES);
        List<String> branches = names(inScope, index, PersonImporter.BRANCH_TYPES);
        List<String> groups = inScope.stream().filter(u -> PersonImporter.GROUP_TYPES.contains(u.getUnitType()))
                .map(OrgUnit::getName).distinct().sorted().toList();
        return write(wb -> {
            Worksheet data = wb.newWorksheet(words.text("import.sheet.data", locale));
            Worksheet notes = wb.newWorksheet(words.text("import.sheet.notes", locale));
            Worksheet lists = wb.newWorksheet(words.text("import.sheet.lists", locale));
            ImportColumn[] columns = ImportColumn.values();
            for (int i = 0; i < columns.length; i++) {
                ImportColumn c = columns[i];
                data.value(0, i, words.header(c, locale));
                var style = data.style(0, i).bold().fillColor(c.required() ? REQUIRED_FILL : HEADER_FILL)
                        .horizontalAlignment("center").borderStyle("thin").borderColor("BFBFBF");
                if (c.required()) {
                    style = style.fontColor(RED);
                }
                style.set();
                data.width(i, c.width());
                if (ImportColumn.TEXT.contains(c)) {
                    data.style(i).format("@").set();
                } else if (ImportColumn.DATES.contains(c)) {
                    data.style(i).format("yyyy-mm-dd").set();
                }
            }
            data.freezePane(0, 1);

            List<List<String>> choices = List.of(
                    words.labels(Gender.class, locale), words.labels(PersonType.class, locale),
                    words.labels(PoliticalStatus.class, locale),
                    List.of(words.yesNo(true, locale), words.yesNo(false, locale)),
                    adminUnits, branches, groups);
            List<ImportColumn> listed = List.of(ImportColumn.GENDER, ImportColumn.PERSON_TYPE,
                    ImportColumn.POLITICAL_STATUS, ImportColumn.PARTY_LEADER, ImportColumn.ADMIN_UNIT,
                    ImportColumn.BRANCH, ImportColumn.PARTY_GROUP);
            String title = words.text("import.template.validation.title", locale);
            for (int k = 0; k < listed.size(); k++) {
                ImportColumn c = listed.get(k);
                List<String> values = choices.get(k);
                lists.value(0, k, words.columnName(c, locale));
                for (int r = 0; r < values.size(); r++) {
                    lists.value(r + 1, k, values.get(r));
                }
                if (values.isEmpty()) {
                    continue;
                }
                data.range(1, c.ordinal(), TEMPLATE_ROWS, c.ordinal())
                        .validateWithList(lists.range(1, k, values.size(), k))
                        .errorStyle(DataValidationErrorStyle.WARNING).showErrorMessage(true)
                        .errorTitle(title).error(words.text("import.template.validation." + c.name(), locale));
            }
            lists.setVisibilityState(VisibilityState.HIDDEN);

            writeNotes(notes, locale, inScope, index);
        });
    }

    private void writeNotes(Worksheet notes, Locale locale, List<OrgUnit> inScope, ImportUnitIndex index) {
        notes.width(0, 22);
        notes.width(1, 8);
        notes.width(2, 72);
        notes.width(3, 26);
        int r = 0;
        notes.value(r, 0, words.text("import.notes.title", locale));
        notes.style(r, 0).bold().fontSize(14).set();
        r += 2;
        for (int i = 1; i <= 6; i++) {
            notes.value(r++, 0, words.text("import.notes." + i, locale, PersonImporter.MAX_ROWS));
        }
        r++;
        String[] head = {words.text("import.notes.head.column", locale), words.text("import.notes.head.required", locale),
                words.text("import.notes.head.explanation", locale), words.text("import.notes.head.example", locale)};
        for (int i = 0; i < head.length; i++) {
            notes.value(r, i, head[i]);
            notes.style(r, i).bold().fillColor(HEADER_FILL).borderStyle("thin").borderColor("BFBFBF").set();
        }
        r++;
        for (ImportColumn c : ImportColumn.values()) {
            notes.value(r, 0, words.header(c, locale));
            notes.value(r, 1, words.yesNo(c.required(), locale));
            notes.value(r, 2, words.text(c.noteKey(), locale, PersonImporter.MAX_ROWS));
            notes.value(r, 3, words.text(c.exampleKey(), locale));
            notes.style(r, 0).bold().set();
            notes.style(r, 2).wrapText(true).verticalAlignment("top").set();
            notes.style(r, 3).fontColor(GREY).set();
            r++;
        }
        r++;
        notes.value(r, 0, words.text("import.notes.units", locale));
        notes.style(r, 0).bold().set();
        r++;
        String[] unitHead = {words.text("import.notes.units.type", locale), "",
                words.text("import.notes.units.name", locale), words.text("import.notes.units.parent", locale)};
        for (int i = 0; i < unitHead.length; i++) {
            notes.value(r, i, unitHead[i]);
            notes.style(r, i).bold().fillColor(HEADER_FILL).set();
        }
        r++;
        for (OrgUnit u : inScope) {
            Set<OrgUnitType> kinds = PersonImporter.ADMIN_UNIT_TYPES.contains(u.getUnitType())
                    ? PersonImporter.ADMIN_UNIT_TYPES
                    : PersonImporter.BRANCH_TYPES.contains(u.getUnitType()) ? PersonImporter.BRANCH_TYPES
                    : PersonImporter.GROUP_TYPES.contains(u.getUnitType()) ? PersonImporter.GROUP_TYPES : null;
            if (kinds == null) {
                continue;
            }
            OrgUnit parent = u.getParentId() == null ? null
                    : inScope.stream().filter(p -> p.getId().equals(u.getParentId())).findFirst().orElse(null);
            notes.value(r, 0, words.label(u.getUnitType(), locale));
            notes.value(r, 2, kinds == PersonImporter.GROUP_TYPES ? u.getName() : index.unambiguousName(u, kinds));
            notes.value(r, 3, parent == null ? "" : parent.getName());
            r++;
        }
    }

    private static List<String> names(List<OrgUnit> inScope, ImportUnitIndex index, Set<OrgUnitType> types) {
        return inScope.stream().filter(u -> types.contains(u.getUnitType()))
                .map(u -> index.unambiguousName(u, types)).distinct().toList();
    }

    // ---------------------------------------------------------------- error report

    /** Every stored problem of a rejected import: 行号, 列, 原因, and the row's name and number. */
    byte[] errorReport(ImportJob job, Locale locale) {
        return write(wb -> {
            Worksheet ws = wb.newWorksheet(words.text("import.errors.sheet", locale));
            String[] head = {words.text("import.errors.row", locale), words.text("import.errors.column", locale),
                    words.text("import.errors.reason", locale), words.columnName(ImportColumn.NAME, locale),
                    words.columnName(ImportColumn.STAFF_NO, locale)};
            int[] widths = {8, 18, 70, 14, 16};
            for (int i = 0; i < head.length; i++) {
                ws.value(0, i, head[i]);
                ws.style(0, i).bold().fillColor(HEADER_FILL).borderStyle("thin").borderColor("BFBFBF").set();
                ws.width(i, widths[i]);
            }
            ws.freezePane(0, 1);
            int r = 1;
            for (ImportProblem p : job.problems()) {
                if (p.row() > 0) {
                    ws.value(r, 0, p.row());
                }
                ws.value(r, 1, p.column() == null ? "" : words.columnName(p.column(), locale));
                ws.value(r, 2, words.reason(p, locale));
                ws.value(r, 3, p.name() == null ? "" : p.name());
                ws.value(r, 4, p.staffNo() == null ? "" : p.staffNo());
                r++;
            }
            if (job.problemsTruncated()) {
                ws.value(r + 1, 0, words.text("import.errors.truncated", locale, job.problems().size(),
                        job.problemCount()));
                ws.style(r + 1, 0).italic().fontColor(GREY).set();
            }
        });
    }

    // ---------------------------------------------------------------- export

    /** The people list as shown (sensitive values masked). */
    byte[] export(List<PersonRow> rows, Locale locale) {
        return write(wb -> {
            Worksheet ws = wb.newWorksheet(words.text("export.sheet", locale));
            List<String> head = new ArrayList<>();
            for (ImportColumn c : List.of(ImportColumn.NAME, ImportColumn.GENDER, ImportColumn.PERSON_TYPE,
                    ImportColumn.STAFF_NO, ImportColumn.BRANCH, ImportColumn.ADMIN_UNIT, ImportColumn.POLITICAL_STATUS,
                    ImportColumn.ID_NUMBER, ImportColumn.PHONE, ImportColumn.PARTY_LEADER)) {
                head.add(words.columnName(c, locale));
            }
            head.add(words.text("export.posts", locale));
            int[] widths = {10, 6, 10, 14, 20, 20, 16, 22, 15, 12, 20};
            for (int i = 0; i < head.size(); i++) {
                ws.value(0, i, head.get(i));
                ws.style(0, i).bold().fillColor(HEADER_FILL).borderStyle("thin").borderColor("BFBFBF").set();
                ws.width(i, widths[i]);
            }
            ws.freezePane(0, 1);
            int r = 1;
            for (PersonRow p : rows) {
                ws.value(r, 0, p.name());
                ws.value(r, 1, words.label(p.gender(), locale));
                ws.value(r, 2, words.label(p.personType(), locale));
                ws.value(r, 3, p.staffNo());
                ws.value(r, 4, p.branchName());
                ws.value(r, 5, p.adminUnitName());
                ws.value(r, 6, words.label(p.politicalStatus(), locale));
                ws.value(r, 7, p.idNumberMasked());
                ws.value(r, 8, p.phoneMasked());
                ws.value(r, 9, words.yesNo(p.partyLeader(), locale));
                ws.value(r, 10, p.posts().stream().map(post -> words.label(post, locale))
                        .collect(Collectors.joining(words.text("export.posts.separator", locale))));
                r++;
            }
            if (!rows.isEmpty()) {
                ws.setAutoFilter(0, 0, head.size() - 1);
            }
        });
    }

    // ----------------------------------------------------------------

    private interface Content {
        void fill(Workbook workbook) throws IOException;
    }

    private static byte[] write(Content content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Hongxin", "1.0");
            content.fill(wb);
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
