package cn.hongxin.organisation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import jakarta.servlet.http.HttpServletResponse;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import cn.hongxin.security.AuditAction;
import cn.hongxin.security.AuditOutcome;
import cn.hongxin.security.AuditTrail;
import cn.hongxin.shared.NotFoundException;

/**
 * Excel import and export of people: the template, the upload page with its progress panel (polled by
 * htmx), the error report of a rejected file, and the export of the people list as filtered.
 */
@Controller
@RequestMapping("/org/people")
class PeopleExcelController {

    static final long MAX_UPLOAD_BYTES = 20L * 1024 * 1024;
    /** Declared uncompressed size beyond which an upload is taken for a zip bomb, not a spreadsheet. */
    private static final long MAX_UNCOMPRESSED_BYTES = 1024L * 1024 * 1024;
    /** Problems shown on the page; the error report lists them all. */
    static final int PROBLEMS_ON_PAGE = 20;
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    private final ImportJobs jobs;
    private final PeopleWorkbooks workbooks;
    private final ImportVocabulary words;
    private final PersonService people;
    private final AuditTrail audit;

    PeopleExcelController(ImportJobs jobs, PeopleWorkbooks workbooks, ImportVocabulary words, PersonService people,
                          AuditTrail audit) {
        this.jobs = jobs;
        this.workbooks = workbooks;
        this.words = words;
        this.people = people;
        this.audit = audit;
    }

    /** The progress panel's view of a job (a record: templates see only public accessors). */
    record JobView(String id, String fileName, String phase, int total, int processed, int percent, boolean finished,
                   int imported, int problemCount) {

        static JobView of(ImportJob job) {
            return new JobView(job.id(), job.fileName(), job.phase().name(), job.total(), job.processed(),
                    job.percent(), job.finished(), job.imported(), job.problemCount());
        }
    }

    /** One problem as the page shows it, in the reader's language. */
    record ProblemView(Integer row, String column, String reason, String name, String staffNo) {
    }

    @ModelAttribute("maxBytes")
    long maxBytes() {
        return MAX_UPLOAD_BYTES;
    }

    @ModelAttribute("maxRows")
    int maxRows() {
        return PersonImporter.MAX_ROWS;
    }

    @GetMapping("/import/template")
    @PreAuthorize("hasAuthority('org:person:import')")
    ResponseEntity<byte[]> template(Locale locale) {
        return xlsx(workbooks.template(locale), words.text("import.template.filename", locale));
    }

    @GetMapping("/import")
    @PreAuthorize("hasAuthority('org:person:import')")
    String page() {
        return "organisation/people-import";
    }

    @PostMapping("/import")
    @PreAuthorize("hasAuthority('org:person:import')")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
                  HttpServletResponse response, Locale locale) throws IOException {
        String refusal = refusal(file);
        if (refusal != null) {
            return refused(refusal, model, response, locale);
        }
        Path stored = jobs.newUploadFile();
        try {
            file.transferTo(stored);
            refusal = notXlsx(stored);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(stored);
            throw e;
        }
        if (refusal != null) {
            Files.deleteIfExists(stored);
            return refused(refusal, model, response, locale);
        }
        ImportJob job = jobs.start(stored, fileName(file));
        return "redirect:/org/people/import/" + job.id();
    }

    @GetMapping("/import/{jobId}")
    @PreAuthorize("hasAuthority('org:person:import')")
    String progress(@PathVariable String jobId, Model model, Locale locale,
                    @RequestHeader(name = "HX-Request", required = false) String htmx) {
        ImportJob job = jobs.find(jobId).orElseThrow(() -> new NotFoundException("import job", jobId));
        model.addAttribute("job", JobView.of(job));
        model.addAttribute("problems", job.firstProblems(PROBLEMS_ON_PAGE).stream()
                .map(p -> new ProblemView(p.row() > 0 ? p.row() : null,
                        p.column() == null ? null : words.columnName(p.column(), locale), words.reason(p, locale),
                        p.name(), p.staffNo()))
                .toList());
        if (job.failureKey() != null) {
            model.addAttribute("failure", words.text(job.failureKey(), locale));
        }
        return htmx != null ? "organisation/people-import :: progress" : "organisation/people-import";
    }

    @GetMapping("/import/{jobId}/errors.xlsx")
    @PreAuthorize("hasAuthority('org:person:import')")
    ResponseEntity<byte[]> errors(@PathVariable String jobId, Locale locale) {
        ImportJob job = jobs.find(jobId).filter(j -> !j.problems().isEmpty())
                .orElseThrow(() -> new NotFoundException("import errors", jobId));
        return xlsx(workbooks.errorReport(job, locale), words.text("import.errors.filename", locale));
    }

    /** The people list as filtered on the list page, sensitive values masked; audited. */
    @GetMapping("/export")
    @PreAuthorize("hasAuthority('org:person:export')")
    ResponseEntity<byte[]> export(PersonQuery query, Locale locale) {
        List<PersonRow> rows = people.all(query);
        byte[] body = workbooks.export(rows, locale);
        audit.record(AuditAction.EXPORT, "person", null, AuditOutcome.SUCCESS, rows.size() + " rows" + filters(query));
        return xlsx(body, words.text("export.filename", locale, LocalDateTime.now().format(STAMP)));
    }

    // ----------------------------------------------------------------

    private String refused(String key, Model model, HttpServletResponse response, Locale locale) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("formError", words.text(key, locale, MAX_UPLOAD_BYTES / 1024 / 1024));
        return "organisation/people-import";
    }

    private static String refusal(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return "import.file.missing";
        }
        if (file.getSize() > MAX_UPLOAD_BYTES) {
            return "import.file.tooLarge";
        }
        return null;
    }

    /**
     * Why the stored upload is not an .xlsx workbook, judged by content, not name: an .xlsx is a ZIP
     * (starting PK\3\4) holding [Content_Types].xml and the xl/ parts. {@code null} when it is one.
     */
    static String notXlsx(Path file) throws IOException {
        byte[] head = new byte[8];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        if (read == head.length && ReadableWorkbook.isOLE2Header(head)) {
            return "import.file.xls";
        }
        if (read < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
            return "import.file.notXlsx";
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("[Content_Types].xml") == null) {
                return "import.file.notXlsx";
            }
            boolean workbookPart = false;
            long declared = 0;
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                workbookPart |= entry.getName().startsWith("xl/");
                declared += Math.max(entry.getSize(), 0);
            }
            if (!workbookPart) {
                return "import.file.notXlsx";
            }
            if (declared > MAX_UNCOMPRESSED_BYTES) {
                return "import.file.unreadable";
            }
        } catch (java.util.zip.ZipException e) {
            return "import.file.notXlsx";
        }
        return null;
    }

    private static String fileName(MultipartFile file) {
        String name = file.getOriginalFilename();
        if (name == null || name.isBlank()) {
            return "";
        }
        name = name.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    private static String filters(PersonQuery q) {
        StringBuilder s = new StringBuilder();
        if (q.q() != null && !q.q().isBlank()) {
            s.append(" q=").append(q.q().strip());
        }
        if (q.unitId() != null) {
            s.append(" unitId=").append(q.unitId());
        }
        if (q.status() != null) {
            s.append(" status=").append(q.status());
        }
        if (q.type() != null) {
            s.append(" type=").append(q.type());
        }
        if (Boolean.TRUE.equals(q.inactive())) {
            s.append(" inactive");
        }
        return s.toString();
    }

    private static ResponseEntity<byte[]> xlsx(byte[] body, String fileName) {
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .cacheControl(CacheControl.noStore())
                .contentLength(body.length)
                .body(body);
    }
}
