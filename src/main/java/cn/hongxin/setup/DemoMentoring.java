package cn.hongxin.setup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.hongxin.mentoring.CareNeed;
import cn.hongxin.mentoring.HelpMode;
import cn.hongxin.mentoring.MentoringService;
import cn.hongxin.mentoring.NewCheckIn;
import cn.hongxin.mentoring.NewHelpRecord;
import cn.hongxin.mentoring.NewPair;
import cn.hongxin.mentoring.OutcomeKind;
import cn.hongxin.mentoring.PairClosure;
import cn.hongxin.organisation.PersonType;
import cn.hongxin.organisation.PoliticalStatus;
import cn.hongxin.security.AccountService;
import cn.hongxin.security.AccountView;
import cn.hongxin.security.NewAccount;
import cn.hongxin.security.Role;

import jakarta.persistence.EntityManager;

/**
 * The demo department's mentoring pairs (一带一帮一): seven pairs formed by the general branch secretary at the start
 * of the half semester, each a party-member teacher and a non-member teacher of one teaching office with a student
 * who needs care; help records written by both teachers every week or two (one pair falls behind this month),
 * check-ins every three to four weeks that improve for most students, and one pair closed with an outcome. The
 * first pair is led by the teachers' branch secretary, so the demo account "jiaogong" has a pair to keep.
 * Everything goes through {@link MentoringService}, as the secretary and as the teachers themselves.
 */
@Component
class DemoMentoring {

    private static final Logger log = LoggerFactory.getLogger(DemoMentoring.class);

    /** A student's difficulty as the demo plans it: needs, goals, what the teachers do, the scores they record. */
    private record Case(Set<CareNeed> needs, String goals, List<String> talks, List<String> nextSteps,
                        int[][] scores) {
    }

    private static final List<Case> CASES = List.of(
            new Case(EnumSet.of(CareNeed.STUDY, CareNeed.PSYCHOLOGICAL),
                    "帮助学生补上《生理学》《生物化学》两门课程的学习漏洞，期末考试全部通过；缓解考试焦虑，建立规律作息。",
                    List.of("在教研室与学生谈心，了解到上学期两门课程不及格，学生自述上课跟不上、晚上睡不好。",
                            "为学生梳理生理学重点章节，布置每周练习题，约定每周四晚答疑。",
                            "检查练习完成情况，正确率由五成提高到七成，学生表示听课比以前轻松。",
                            "陪同学生到心理健康教育中心预约咨询，交流考试焦虑的应对办法。",
                            "与班主任沟通学生近况，学生已能按时到课，作息基本规律。"),
                    List.of("下周四继续答疑，重点讲解循环系统", "督促学生完成第五章练习", "期中考试后再谈一次",
                            "跟进心理咨询情况", "准备期末复习计划"),
                    new int[][]{{2, 2, 3}, {3, 3, 3}, {3, 4, 4}}),
            new Case(EnumSet.of(CareNeed.FINANCIAL, CareNeed.FAMILY),
                    "协助学生申请国家助学金和勤工助学岗位，减轻家庭经济压力，安心完成学业。",
                    List.of("走访学生宿舍，了解到父亲年初受伤无法务工，家中靠母亲务农维持，学生生活费紧张。",
                            "指导学生准备国家助学金申请材料，联系学院资助办核实认定程序。",
                            "推荐学生到图书馆勤工助学岗位，已通过面试，每周工作八小时。",
                            "与学生电话交流，助学金已公示，学生情绪明显好转。"),
                    List.of("协助准备家庭经济困难认定材料", "联系资助办了解勤工岗位", "关注学生兼顾学习与勤工",
                            "下月再到宿舍走访"),
                    new int[][]{{3, 2, 2}, {3, 3, 3}, {4, 4, 4}}),
            new Case(EnumSet.of(CareNeed.PSYCHOLOGICAL),
                    "帮助学生走出失恋后的低落情绪，恢复正常的学习和人际交往。",
                    List.of("在操场散步谈心，学生近期情绪低落，常独自待在宿舍，室友反映其作息紊乱。",
                            "线上与学生聊天，鼓励其参加班级篮球赛，学生答应试一试。",
                            "学生主动来办公室交流，谈到最近参加了志愿服务，心情好了不少。"),
                    List.of("请室友多关心，有情况及时告知", "每周至少联系一次", "鼓励继续参加志愿服务"),
                    new int[][]{{3, 1, 2}, {3, 2, 3}, {4, 3, 4}}),
            new Case(EnumSet.of(CareNeed.HEALTH, CareNeed.STUDY),
                    "学生因病休学复学，帮助其跟上课程进度，注意身体康复。",
                    List.of("了解学生复学后的身体情况，医生建议避免熬夜，已调整实验课安排。",
                            "为学生讲解解剖学实验课缺漏内容，借给学生往年笔记。",
                            "线上答疑，学生对照笔记完成了实验报告。",
                            "陪同学生到校医院复查，各项指标正常。"),
                    List.of("与任课教师沟通补做实验", "下周检查实验报告", "提醒按时复查", "制定期末复习计划"),
                    new int[][]{{2, 3, 2}, {3, 3, 3}}),
            new Case(EnumSet.of(CareNeed.EMPLOYMENT, CareNeed.PSYCHOLOGICAL),
                    "帮助毕业年级学生明确规培与考研方向，缓解就业焦虑。",
                    List.of("与学生面谈，学生在考研和规培之间犹豫不决，压力较大。",
                            "结合学生成绩和兴趣分析两条路径的利弊，推荐阅读往届学长经验。",
                            "帮助学生修改规培报名材料和个人陈述。"),
                    List.of("收集近三年规培招录信息", "下周修改个人陈述", "模拟面试一次"),
                    new int[][]{{3, 2, 3}, {4, 3, 3}}),
            new Case(EnumSet.of(CareNeed.STUDY),
                    "学生学习方法不当、挂科较多，帮助其掌握适合医学课程的学习方法，本学期不再挂科。",
                    List.of("与学生谈心，学生坦言沉迷手机游戏，学习计划总是执行不下去。",
                            "与学生一起制定每日学习计划，约定晚自习在教研室自习室完成。"),
                    List.of("每周检查学习计划执行情况", "与辅导员沟通手机使用问题"),
                    new int[][]{{2, 3, 3}, {2, 3, 3}}),
            new Case(EnumSet.of(CareNeed.FAMILY, CareNeed.PSYCHOLOGICAL),
                    "学生父母离异后情绪波动，帮助其稳定情绪、与家人沟通。",
                    List.of("与学生在食堂边吃边聊，学生谈到家里的变故，情绪比较激动。",
                            "电话与学生母亲沟通，家长表示会多关心孩子。",
                            "学生参加了学院组织的心理团体辅导，反馈收获较大。",
                            "学生近况稳定，能正常与同学交往，学习成绩有所回升。"),
                    List.of("请班主任留意学生情绪", "下周再约谈", "继续参加团体辅导", "拟结束帮扶"),
                    new int[][]{{3, 2, 3}, {3, 3, 4}, {4, 4, 4}}));

    private final MentoringService mentoring;
    private final AccountService accounts;
    private final EntityManager entities;

    DemoMentoring(MentoringService mentoring, AccountService accounts, EntityManager entities) {
        this.mentoring = mentoring;
        this.accounts = accounts;
        this.entities = entities;
    }

    /** Loads the pairs of the demo department described by {@code roster}, as of today. */
    void load(DemoRoster roster, String adminUsername) {
        entities.flush();
        entities.clear();
        LocalDate today = MentoringService.today();
        LocalDate start = today.minusWeeks(9);
        String secretary = roster.account("zongzhi");
        Map<Long, String> accountOf = new HashMap<>();
        for (String planned : List.of("jiaogong", "dangyuan", "zongzhi", "xuesheng", "zhiwei", "jiji")) {
            String username = roster.account(planned);
            as(adminUsername, () -> accounts.search(username, 0, 5)).getContent().stream()
                    .filter(a -> a.username().equals(username) && a.personId() != null).findFirst()
                    .ifPresent(a -> accountOf.putIfAbsent(a.personId(), a.username()));
        }
        Optional<DemoRoster.Member> branchSecretary = Optional.ofNullable(roster.account("jiaogong"))
                .flatMap(u -> accountOf.entrySet().stream().filter(e -> e.getValue().equals(u)).findFirst())
                .map(e -> roster.person(e.getKey()))
                .filter(m -> m.type() == PersonType.TEACHER && m.partyMember() && m.office() != null);

        List<DemoRoster.Member> leads = new ArrayList<>();
        branchSecretary.ifPresent(leads::add);
        Set<String> offices = new LinkedHashSet<>();
        roster.teachers().stream().filter(t -> t.office() != null).forEach(t -> offices.add(t.office()));
        Map<String, Integer> leadsPerOffice = new HashMap<>();
        leads.forEach(l -> leadsPerOffice.merge(l.office(), 1, Integer::sum));
        for (DemoRoster.Member t : roster.teachers()) {
            if (leads.size() >= CASES.size()) {
                break;
            }
            if (t.office() != null && t.partyMember() && !leads.contains(t) && !roster.holdsPost(t.id())
                    && leadsPerOffice.getOrDefault(t.office(), 0) < 2) {
                leads.add(t);
                leadsPerOffice.merge(t.office(), 1, Integer::sum);
            }
        }
        List<DemoRoster.Member> students = roster.students().stream()
                .filter(s -> s.status() == PoliticalStatus.LEAGUE_MEMBER || s.status() == PoliticalStatus.MASSES)
                .toList();
        Map<String, Integer> partnerUse = new HashMap<>();
        int pairs = 0;
        int records = 0;
        int checkIns = 0;
        for (int i = 0; i < leads.size() && i < CASES.size() && !students.isEmpty(); i++) {
            DemoRoster.Member lead = leads.get(i);
            List<DemoRoster.Member> partners = roster.teachers().stream()
                    .filter(t -> lead.office().equals(t.office()) && !t.partyMember()).toList();
            if (partners.isEmpty()) {
                continue;
            }
            int use = partnerUse.merge(lead.office(), 1, Integer::sum) - 1;
            DemoRoster.Member partner = partners.get(use % partners.size());
            DemoRoster.Member student = students.get((i * 37 + 11) % students.size());
            Case c = CASES.get(i);
            boolean closing = i == CASES.size() - 1;
            LocalDate started = closing ? start.minusWeeks(6) : start.plusDays(i % 3);
            long pairId = as(secretary, () -> mentoring.form(new NewPair(student.id(), lead.id(), partner.id(),
                    c.needs(), c.goals(), started)));
            pairs++;
            String leadAccount = accountOf.computeIfAbsent(lead.id(), id -> open(adminUsername, roster, lead));
            String partnerAccount = accountOf.computeIfAbsent(partner.id(), id -> open(adminUsername, roster, partner));
            // Help records every 10 to 13 days from the start; the sixth pair has fallen behind lately.
            LocalDate end = closing ? today.minusDays(12) : i == 5 ? today.minusDays(25) : today;
            int step = 10 + i % 4;
            int n = 0;
            for (LocalDate d = started.plusDays(3); !d.isAfter(end); d = d.plusDays(step)) {
                int k = n++;
                String writer = k % 3 == 2 ? partnerAccount : leadAccount;
                HelpMode mode = HelpMode.values()[(i + k) % HelpMode.values().length];
                LocalDate day = d;
                as(writer, () -> mentoring.logHelpRecord(pairId, new NewHelpRecord(UUID.randomUUID().toString(), day,
                        mode, c.talks().get(k % c.talks().size()), c.nextSteps().get(k % c.nextSteps().size()))));
                records++;
            }
            // Check-ins at the start and every three to four weeks after.
            for (int k = 0; k < c.scores().length; k++) {
                LocalDate day = started.plusDays(5 + 24L * k);
                if (day.isAfter(end)) {
                    break;
                }
                int[] s = c.scores()[k];
                String note = k == 0 ? "初次评估" : s[1] > c.scores()[k - 1][1] ? "情绪较前好转" : "状态基本平稳";
                as(k % 2 == 0 ? leadAccount : partnerAccount, () -> mentoring.recordCheckIn(pairId, new NewCheckIn(
                        UUID.randomUUID().toString(), day, s[0], s[1], s[2], note)));
                checkIns++;
            }
            if (closing) {
                as(leadAccount, () -> {
                    mentoring.close(pairId, new PairClosure(end.plusDays(2), OutcomeKind.IMPROVED,
                            "学生情绪稳定，与家人沟通顺畅，成绩回升，经双方教师商议结束帮扶，今后由班主任继续关注。"));
                    return null;
                });
            }
        }
        log.info("Demo mentoring loaded: {} pairs, {} help records, {} check-ins", pairs, records, checkIns);
    }

    /** An account for a pair's teacher who has none, so the demo can write as them. */
    private String open(String admin, DemoRoster roster, DemoRoster.Member teacher) {
        Role role = teacher.partyMember() ? Role.MEMBER : Role.PARTICIPANT;
        AccountView opened = as(admin, () -> accounts.open(new NewAccount(teacher.number(), null, teacher.name(),
                EnumSet.of(role), roster.teachersBranch().id(), teacher.id()))).account();
        return opened.username();
    }

    private <T> T as(String username, Supplier<T> work) {
        return accounts.runAs(username, work);
    }
}
