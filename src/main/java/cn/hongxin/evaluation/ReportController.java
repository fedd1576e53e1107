package cn.hongxin.evaluation;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Reports and ledgers ({@code /evaluation/reports}): the inspection ledgers as Excel, the evaluation report as Word. */
@Controller
class ReportController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final LedgerService ledgers;
    private final EvaluationService evaluation;
    private final ReportService reports;

    ReportController(LedgerService ledgers, EvaluationService evaluation, ReportService reports) {
        this.ledgers = ledgers;
        this.evaluation = evaluation;
        this.reports = reports;
    }

    @GetMapping("/evaluation/reports")
    @PreAuthorize("hasAuthority('evaluation:export')")
    String reports(@RequestParam(required = false) Long unit,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                   Model model) {
        model.addAttribute("unit", evaluation.unit(unit));
        model.addAttribute("units", evaluation.units());
        model.addAttribute("period", evaluation.semester(on));
        model.addAttribute("kinds", LedgerKind.values());
        return "evaluation/reports";
    }

    @GetMapping("/evaluation/reports/ledgers/{kind}")
    @PreAuthorize("hasAuthority('evaluation:export')")
    ResponseEntity<byte[]> ledger(@PathVariable LedgerKind kind, @RequestParam(required = false) Long unit,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                                  @RequestParam(defaultValue = "false") boolean reveal, Locale locale) {
        LedgerService.LedgerFile file = ledgers.export(kind, unit, on, reveal, locale);
        return download(file.fileName(), XLSX, file.content());
    }

    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    @GetMapping("/evaluation/reports/semester-report")
    @PreAuthorize("hasAuthority('evaluation:export')")
    ResponseEntity<byte[]> report(@RequestParam(required = false) Long unit,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                                  @RequestParam(defaultValue = "false") boolean reveal, Locale locale) {
        ReportService.ReportFile file = reports.semesterReport(unit, on, reveal, locale);
        return download(file.fileName(), DOCX, file.content());
    }

    static ResponseEntity<byte[]> download(String fileName, MediaType type, byte[] content) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .contentType(type).body(content);
    }
}
