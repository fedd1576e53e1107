package cn.hongxin.organisation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import cn.hongxin.shared.ResidentIdNumber;

/** Builds and reads .xlsx files for the import tests and the benchmark, with fastexcel. */
public final class PeopleSheets {

    public static final List<String> HEADERS_ZH = List.of("姓名*", "性别*", "民族", "出生日期", "身份证号", "手机号", "邮箱",
            "学号/工号*", "人员类别*(教职工/学生)", "班级/教研室", "所在支部", "党小组", "政治面貌*", "政治面貌起始日期",
            "党员领导干部(是/否)");
    static final List<String> HEADERS_EN = List.of("Name*", "Gender*", "Ethnicity", "Date of birth", "ID number",
            "Mobile", "Email", "Staff/student no.*", "Category*(Staff/Student)", "Class/teaching office", "Branch",
            "Party group", "Political status*", "Status since", "Party leader(Yes/No)");

    private static final AtomicInteger ID_SEQUENCE = new AtomicInteger();
    private static final String SURNAMES = "张王李赵刘陈杨黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏"
            + "薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文单";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀英华志建国平刚桂兰玲红霞鹏飞辉波宁婷雪琳晶慧欣怡佳"
            + "宇浩然子涵梓萱轩思雨晨阳博文睿哲瑞彤悦嘉琪诗颖昊天俊凯旭东晓丹璐倩蕾薇洁琼燕萍瑶琦茜璇馨月晴岚峰毅"
            + "斌亮俊彬翔宏春秋冬梅竹松柏林森海江河源泉溪泽润清远航越鑫森磊垚淼焱鸿鹤鹰龙凤麟";

    private PeopleSheets() {
    }

    /** A valid resident ID number not used before in this JVM (born 1990–2005, Nanjing region). */
    public static String idNumber() {
        int n = ID_SEQUENCE.incrementAndGet();
        LocalDate birth = LocalDate.of(1990, 1, 1).plusDays(n / 900);
        String first17 = "320102" + birth.toString().replace("-", "") + String.format("%03d", n % 900 + 100);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    /** The same number with a wrong check character. */
    public static String withBadChecksum(String id) {
        char good = id.charAt(17);
        return id.substring(0, 17) + (good == '1' ? '2' : '1');
    }

    /** A plausible name; consecutive numbers give different names (about 100 × 150 × 150 of them). */
    static String name(int i) {
        int s = i % SURNAMES.length();
        int g = i * 7 % GIVEN.length();
        String given = String.valueOf(GIVEN.charAt(g));
        if (i % 3 != 0) {
            given += GIVEN.charAt((i / SURNAMES.length() + g * 31) % GIVEN.length());
        }
        return SURNAMES.charAt(s) + given;
    }

    /** One row in template column order; values are String, LocalDate (a real Excel date) or Number. */
    static List<Object> row(String name, String gender, String idNumber, String phone, String staffNo, String type,
                            String adminUnit, String branch, String group, String status) {
        List<Object> row = new ArrayList<>();
        row.add(name);
        row.add(gender);
        row.add("汉族");
        row.add(null);
        row.add(idNumber);
        row.add(phone);
        row.add(null);
        row.add(staffNo);
        row.add(type);
        row.add(adminUnit);
        row.add(branch);
        row.add(group);
        row.add(status);
        row.add(null);
        row.add("否");
        return row;
    }

    public static byte[] xlsx(List<String> headers, List<List<Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "HongxinTests", "1.0");
            Worksheet ws = wb.newWorksheet("人员信息");
            for (int c = 0; c < headers.size(); c++) {
                ws.value(0, c, headers.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                List<Object> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object v = row.get(c);
                    if (v instanceof String s) {
                        ws.value(r + 1, c, s);
                    } else if (v instanceof LocalDate d) {
                        ws.value(r + 1, c, d);
                        ws.style(r + 1, c).format("yyyy-mm-dd").set();
                    } else if (v instanceof Number n) {
                        ws.value(r + 1, c, n);
                    }
                }
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The text of every cell of a sheet, row by row (blank cells as ""). */
    public static List<List<String>> read(byte[] xlsx, int sheet) {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<List<String>> out = new ArrayList<>();
            for (Row row : wb.getSheet(sheet).orElseThrow().read()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    var cell = row.getCell(i);
                    cells.add(cell == null || cell.getText() == null ? "" : cell.getText());
                }
                out.add(cells);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> sheetNames(byte[] xlsx) {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            return wb.getSheets().map(org.dhatim.fastexcel.reader.Sheet::getName).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
