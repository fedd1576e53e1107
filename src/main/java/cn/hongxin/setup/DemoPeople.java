package cn.hongxin.setup;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import cn.hongxin.organisation.Gender;
import cn.hongxin.shared.ResidentIdNumber;

/**
 * Invents believable people for the demo from a seeded {@link Random}: Chinese names drawn from a
 * frequency-weighted surname list with given names of the person's generation and gender, resident-ID
 * numbers with real region codes (mostly Hunan, where the demo university is; minorities from their
 * home regions), the right birth date, gender digit and check character, and mobile numbers. Names,
 * ID numbers and phone numbers never repeat within one demo.
 */
final class DemoPeople {

    /** Someone invented: everything a person form needs about the person themselves. */
    record Identity(String name, Gender gender, String ethnicity, LocalDate birthDate, String idNumber,
                    String phone) {
    }

    /** Surnames in order of frequency, with their share in ‰ (after the 2020 census, rounded). */
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
            + "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final int[] SURNAME_WEIGHTS = {
            71, 70, 67, 55, 48, 31, 24, 21, 20, 19,
            13, 12, 12, 11, 11, 11, 9, 9, 9, 9,
            8, 7, 6, 6, 6, 5, 5, 5, 5, 5,
            5, 5, 5, 4, 4, 4, 4, 4, 4, 4,
            4, 4, 4, 3, 3, 3, 3, 3, 3, 3,
            3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
            2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
            2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
            2, 2, 2, 2, 2, 2, 2, 2, 1, 1,
            1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

    /** Given names of people born in the 1960s to the 1990s (the teachers). */
    private static final List<String> MALE_OLDER = words(
            "伟 强 磊 军 勇 杰 涛 明 超 刚 平 辉 鹏 华 飞 斌 波 峰 健 亮 建华 建国 志强 志刚 国强 海涛 晓东 文斌 振华 永刚 立新 卫东 "
                    + "学军 海波 志勇 建军 明辉 国栋 晓明 德明 少华 宏伟 鹏飞 云龙 永强 光明 建平 晓峰 俊峰 文涛 春雷 立军 红兵 小兵");
    private static final List<String> FEMALE_OLDER = words(
            "芳 娜 敏 静 丽 艳 娟 霞 燕 玲 洁 红 琳 萍 颖 倩 婷 慧 莉 秀英 桂英 丽娟 晓燕 海燕 春梅 丽华 淑芬 美玲 晓红 雪梅 "
                    + "玉兰 秀兰 丽萍 红梅 晓丽 文静 雅琴 慧敏 晓琳 海霞 玉洁 晓梅 艳红 亚楠 丹丹 晶晶 秋菊 素华 凤霞 红霞");
    /** Given names of people born in the 2000s (the students). */
    private static final List<String> MALE_YOUNG = words(
            "浩 宇 轩 鑫 博 阳 昊 晨 凯 睿 航 哲 浩宇 宇轩 子豪 俊杰 浩然 子轩 宇航 梓豪 皓轩 思远 一鸣 博文 泽宇 天佑 "
                    + "晨阳 嘉豪 文轩 明轩 俊熙 子墨 逸飞 振宇 家乐 昊天 志远 宇泽 铭泽 奕辰 睿哲 锦程 子航 梓睿 立诚 承宇 俊豪 "
                    + "鹏程 晟睿 嘉懿 煜城 懿轩 烨磊 伟泽 语堂 子骞 弘文 致远 浩轩 靖宇 思源 梓晨");
    private static final List<String> FEMALE_YOUNG = words(
            "婷 雪 琪 悦 欣 怡 萱 彤 瑶 妍 颖 蕾 楠 欣怡 梓涵 雨桐 子涵 诗涵 一诺 佳怡 梦琪 思彤 可馨 语嫣 雨欣 若曦 "
                    + "欣妍 佳琪 诗琪 紫萱 梓萱 婉婷 雅静 思雨 嘉怡 晓雯 梦瑶 雨涵 心怡 悦然 安琪 芷若 静怡 雅婷 宇彤 佳欣 "
                    + "书瑶 若彤 乐怡 诗雨 婧琪 梓琪 语桐 欣然 雨萱 可欣 佳悦 思琪 沐晴 清妍 映雪 子萌 晨曦");

    private static final String HAN = "汉族";

    /** Ethnic groups other than Han, with their weight in ‰ of the demo and the regions they come from. */
    private record Minority(String name, int weight, String... regions) {
    }

    private static final List<Minority> MINORITIES = List.of(
            new Minority("土家族", 30, "433101", "433127", "430802", "422801", "500240"),
            new Minority("苗族", 25, "433101", "433124", "431226", "522601"),
            new Minority("回族", 15, "640104", "640302", "620102", "410105"),
            new Minority("壮族", 15, "450103", "450102", "451002", "450202"),
            new Minority("满族", 15, "130802", "210102", "211402", "220104"),
            new Minority("侗族", 10, "431230", "431229", "522601"),
            new Minority("瑶族", 8, "431129", "431102"));

    /** County-level region codes of Hunan (the home province) and of other provinces. */
    private static final List<String> HOME_REGIONS = words(
            "430102 430103 430104 430105 430111 430112 430121 430181 430182 430202 430203 430211 430281 430302 "
                    + "430304 430381 430405 430406 430407 430421 430482 430502 430503 430582 430602 430621 430681 "
                    + "430702 430703 430781 430802 430902 430903 431002 431081 431102 431103 431202 431302 431381");
    private static final List<String> OTHER_REGIONS = words(
            "110105 110108 120104 130102 130602 140105 210102 220104 230103 310104 310115 320102 320505 330106 "
                    + "330302 340104 350102 350203 360102 360403 370102 370202 410105 410302 420102 420106 420502 "
                    + "440106 440304 450103 460105 500103 500112 510107 510703 520102 530102 610113 620102");

    private static final List<String> MOBILE_PREFIXES = words(
            "130 131 132 133 135 136 137 138 139 150 151 152 153 155 156 157 158 159 166 173 175 176 177 180 181 "
                    + "182 183 185 186 187 188 189 191 198 199");

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private final Random random;
    private final int surnameTotal;
    private final Set<String> names = new HashSet<>();
    private final Set<String> idNumbers = new HashSet<>();
    private final Set<String> phones = new HashSet<>();

    DemoPeople(Random random) {
        this.random = random;
        int total = 0;
        for (int w : SURNAME_WEIGHTS) {
            total += w;
        }
        this.surnameTotal = total;
        if (SURNAMES.length() != SURNAME_WEIGHTS.length) {
            throw new IllegalStateException("one weight per surname");
        }
    }

    /** A new person of the given gender, born on {@code birthDate}, of the students' or the teachers' generation. */
    Identity person(Gender gender, LocalDate birthDate, boolean young) {
        String name = name(gender, young);
        String ethnicity = HAN;
        String region;
        int roll = random.nextInt(1000);
        int cumulative = 0;
        Minority minority = null;
        for (Minority m : MINORITIES) {
            cumulative += m.weight();
            if (roll < cumulative) {
                minority = m;
                break;
            }
        }
        if (minority != null) {
            ethnicity = minority.name();
            region = pick(List.of(minority.regions()));
        } else {
            region = random.nextInt(100) < 65 ? pick(HOME_REGIONS) : pick(OTHER_REGIONS);
        }
        return new Identity(name, gender, ethnicity, birthDate, idNumber(region, birthDate, gender), phone());
    }

    /** A name not used before in this demo. */
    String name(Gender gender, boolean young) {
        List<String> given = gender == Gender.MALE ? (young ? MALE_YOUNG : MALE_OLDER)
                : (young ? FEMALE_YOUNG : FEMALE_OLDER);
        while (true) {
            String name = surname() + pick(given);
            if (names.add(name)) {
                return name;
            }
        }
    }

    /** A valid 18-character resident-ID number: region, birth date, sequence with gender digit, check character. */
    String idNumber(String region, LocalDate birthDate, Gender gender) {
        while (true) {
            int sequence = random.nextInt(100) * 10 + random.nextInt(5) * 2 + (gender == Gender.MALE ? 1 : 0);
            String first17 = region + BASIC.format(birthDate) + String.format("%03d", sequence);
            String number = first17 + ResidentIdNumber.checkCharacter(first17);
            if (idNumbers.add(number)) {
                return number;
            }
        }
    }

    /** An 11-digit mobile number not used before in this demo. */
    String phone() {
        while (true) {
            String phone = pick(MOBILE_PREFIXES) + String.format("%08d", random.nextInt(100_000_000));
            if (phones.add(phone)) {
                return phone;
            }
        }
    }

    private char surname() {
        int roll = random.nextInt(surnameTotal);
        for (int i = 0; i < SURNAME_WEIGHTS.length; i++) {
            roll -= SURNAME_WEIGHTS[i];
            if (roll < 0) {
                return SURNAMES.charAt(i);
            }
        }
        return SURNAMES.charAt(0);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static List<String> words(String s) {
        return List.of(s.trim().split("\\s+"));
    }
}
