package cn.hongxin.organisation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.hongxin.HongxinApplication;
import cn.hongxin.security.TestAccounts;
import cn.hongxin.support.TestOrganisation;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The people-import benchmark (not a test; run by {@code bench/import.sh}): starts the application on a
 * fresh H2 file database in a temporary directory, or on embedded PostgreSQL, generates a valid file
 * of N rows, imports it through {@link PersonImporter} exactly as an upload does (after a 1,000-row
 * warm-up import), and prints one line:
 * {@code import: db=<h2|postgresql> rows=N validate_ms=.. write_ms=.. total_ms=.. rows_per_s=..}.
 * It lives in this package because the importer is package-private.
 */
final class PeopleImportBenchmark {

    private PeopleImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 30_000;
        if (!db.equals("h2") && !db.equals("postgresql")) {
            throw new IllegalArgumentException("database must be h2 or postgresql");
        }
        Path dir = Files.createTempDirectory("hongxin-bench-");
        EmbeddedPostgres postgres = null;
        List<String> settings = new ArrayList<>(List.of("--hongxin.data-dir=" + dir, "--server.port=0",
                "--spring.main.banner-mode=off", "--logging.level.root=warn", "--logging.level.cn.hongxin=warn",
                "--logging.level.cn.hongxin.organisation.PersonImporter=debug"));
        if (db.equals("postgresql")) {
            postgres = EmbeddedPostgres.builder().start();
            settings.add("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"));
            settings.add("--spring.datasource.username=postgres");
            settings.add("--spring.datasource.password=");
        }
        int status = 1;
        try (ConfigurableApplicationContext context = SpringApplication.run(HongxinApplication.class,
                settings.toArray(String[]::new))) {
            status = run(context, db, rows, dir);
        } finally {
            if (postgres != null) {
                postgres.close();
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(status);
    }

    private static int run(ConfigurableApplicationContext context, String db, int rows, Path dir) throws Exception {
        TestOrganisation org = context.getBean(TestOrganisation.class);
        TestAccounts accounts = context.getBean(TestAccounts.class);
        PersonImporter importer = context.getBean(PersonImporter.class);
        OrgUnitService units = context.getBean(OrgUnitService.class);
        String admin = org.admin();
        TestOrganisation.Department dept = org.department();
        OrgUnitView group = accounts.runAs(admin, () -> units.create(new NewOrgUnit(dept.studentsBranch().id(),
                "第一党小组", null, OrgUnitType.PARTY_GROUP, null, 1, null)));

        importFile(importer, accounts, admin, file(dir, "warmup.xlsx", 1_000, dept, group));
        Path file = file(dir, "people.xlsx", rows, dept, group);
        long started = System.nanoTime();
        ImportJob job = importFile(importer, accounts, admin, file);
        long total = (System.nanoTime() - started) / 1_000_000;
        if (job.phase() != ImportJob.Phase.DONE) {
            System.err.println("import failed: " + job.phase() + " " + job.failureKey() + " " + job.problems().stream()
                    .limit(5).map(p -> p.row() + "/" + p.column() + "/" + p.messageKey()).toList());
            return 1;
        }
        long stored = context.getBean(JdbcTemplate.class).queryForObject("select count(*) from person", Long.class);
        if (stored != rows + 1_000L) {
            System.err.println("expected " + (rows + 1_000) + " people, found " + stored);
            return 1;
        }
        System.out.printf("import: db=%s rows=%d validate_ms=%d write_ms=%d total_ms=%d rows_per_s=%d%n", db, rows,
                job.validateMillis(), job.writeMillis(), total, rows * 1000L / Math.max(total, 1));
        return 0;
    }

    private static ImportJob importFile(PersonImporter importer, TestAccounts accounts, String admin, Path file) {
        ImportJob job = new ImportJob(UUID.randomUUID().toString(), admin, file.getFileName().toString());
        accounts.runAs(admin, () -> importer.run(job, file));
        return job;
    }

    /** A valid file: students and staff in the department's class, office, branches and party group. */
    private static Path file(Path dir, String name, int rows, TestOrganisation.Department dept, OrgUnitView group)
            throws Exception {
        String tag = "B" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        List<List<Object>> data = new ArrayList<>(rows);
        String[] statuses = {"共青团员", "群众", "入党积极分子", "中共预备党员", "中共党员"};
        for (int i = 0; i < rows; i++) {
            boolean teacher = i % 10 == 0;
            List<Object> row = PeopleSheets.row(PeopleSheets.name(i), i % 2 == 0 ? "男" : "女",
                    PeopleSheets.idNumber(), "13" + String.format("%09d", i), tag + String.format("%06d", i),
                    teacher ? "教职工" : "学生", teacher ? dept.teachingOffice().name() : dept.clazz().name(),
                    teacher ? dept.teachersBranch().name() : dept.studentsBranch().name(),
                    !teacher && i % 3 == 0 ? group.name() : null, statuses[i % statuses.length]);
            if (i % 4 == 0) {
                row.set(13, java.time.LocalDate.of(2020, 1, 1).plusDays(i % 1000));
            }
            data.add(row);
        }
        Path file = dir.resolve(name);
        Files.write(file, PeopleSheets.xlsx(PeopleSheets.HEADERS_ZH, data));
        return file;
    }
}
