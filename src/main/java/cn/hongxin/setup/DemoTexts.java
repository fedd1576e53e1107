package cn.hongxin.setup;

import java.util.List;

/**
 * The Chinese the demo's meetings, lectures and submissions are written in: agendas (议题) with what was
 * decided (决议), lecture titles by topic kind, excuses, comments, books, poems and review remarks. Lists are
 * used in turn, so a longer semester repeats them rather than running out.
 */
final class DemoTexts {

    private DemoTexts() {
    }

    /** A decision of a meeting: the text, which officer follows it up, and in how many days. */
    record Decision(String text, String who, int days) {
    }

    /** One sitting of a recurring meeting: its subject (for the title), the 议题 and the 决议. */
    record Sitting(String subject, List<String> topics, List<Decision> decisions) {
    }

    // Who follows a decision up: a post of the organiser unit, resolved by DemoEvents.
    static final String SECRETARY = "SECRETARY";
    static final String ORGANISATION = "ORGANISATION_COMMITTEE";
    static final String PROPAGANDA = "PROPAGANDA_COMMITTEE";
    static final String DISCIPLINE = "DISCIPLINE_COMMITTEE";
    static final String TEACHERS_SECRETARY = "TEACHERS_SECRETARY";
    static final String STUDENTS_SECRETARY = "STUDENTS_SECRETARY";
    static final String OFFICE_HEAD = "OFFICE_HEAD";
    static final String GROUP_LEADER = "GROUP_LEADER";

    static final List<Sitting> REGULAR = List.of(
            new Sitting("研究部署新学期党建工作", List.of(
                    "传达学习校党委新学期党建工作会议精神",
                    "研究制定本学期党总支工作要点和“周三讲堂”安排",
                    "部署“十一”前后主题教育活动和红色手抄报展评"), List.of(
                    new Decision("印发本学期党总支工作要点，各支部据此制定支部工作计划并报党总支备案", ORGANISATION, 14),
                    new Decision("确定本学期“周三讲堂”主讲人和选题，在系网站和微信平台公布", PROPAGANDA, 10))),
            new Sitting("研究发展党员和“三会一课”落实情况", List.of(
                    "听取教工、学生党支部“三会一课”落实情况汇报",
                    "研究学生党支部拟确定的发展对象人选",
                    "研究第四季度发展党员工作计划"), List.of(
                    new Decision("学生党支部完成拟发展对象的政治审查和公示，材料报党总支审核", STUDENTS_SECRETARY, 21),
                    new Decision("组织委员牵头检查各支部组织生活记录本和党员学习笔记", ORGANISATION, 30))),
            new Sitting("研究全会精神学习贯彻和民主评议党员", List.of(
                    "集中学习党的二十届四中全会精神，研究本系贯彻落实措施",
                    "研究本年度民主评议党员工作方案",
                    "讨论本学期党建工作简报编辑计划"), List.of(
                    new Decision("各支部在下月中旬前完成民主评议党员的准备工作", TEACHERS_SECRETARY, 30),
                    new Decision("编印本学期第二期《临床医学系党建工作简报》", PROPAGANDA, 20))),
            new Sitting("研究学期党建工作总结和寒假党员教育", List.of(
                    "总结本学期党建工作，查找存在的问题和不足",
                    "研究寒假期间党员教育管理和返乡学生党员社会实践安排",
                    "研究党支部书记抓党建述职评议考核准备工作"), List.of(
                    new Decision("起草本学期党总支工作总结，提交下次会议审议", ORGANISATION, 21),
                    new Decision("制定寒假学生党员社会实践方案并组织报名", STUDENTS_SECRETARY, 14))),
            new Sitting("研究党员教育培训和“一带一帮一”工程", List.of(
                    "研究本学期党员、入党积极分子教育培训计划",
                    "听取“一带一帮一”帮扶对子工作进展汇报"), List.of(
                    new Decision("汇总帮扶对子进展情况，形成书面材料报党总支", TEACHERS_SECRETARY, 21),
                    new Decision("组织入党积极分子参加校党校培训班", ORGANISATION, 30))));

    static final List<Sitting> JOINT = List.of(
            new Sitting("研究临床见习教学安排", List.of(
                    "研究本学期临床见习教学安排及带教师资配备",
                    "研究学生评奖评优工作方案"), List.of(
                    new Decision("各教研室在两周内报送见习带教教师名单", OFFICE_HEAD, 14),
                    new Decision("学生评奖评优方案在系内公示五个工作日", STUDENTS_SECRETARY, 10))),
            new Sitting("研究教学质量检查和师德师风建设", List.of(
                    "通报期中教学检查情况",
                    "研究师德师风专题教育安排",
                    "讨论青年教师导师制实施办法"), List.of(
                    new Decision("针对期中教学检查发现的问题，相关教研室提出整改措施", OFFICE_HEAD, 21),
                    new Decision("开展一次师德师风专题学习，纳入教工支部主题党日", TEACHERS_SECRETARY, 30))),
            new Sitting("研究学科建设和年度考核", List.of(
                    "研究临床医学专业认证整改工作",
                    "研究年度教职工考核工作安排"), List.of(
                    new Decision("形成专业认证整改工作台账，明确责任人和完成时限", OFFICE_HEAD, 30),
                    new Decision("拟定年度考核实施方案，提交下次联席会议审议", ORGANISATION, 21))),
            new Sitting("研究学生管理和安全稳定工作", List.of(
                    "研究学生实习期间安全教育和管理",
                    "研究家庭经济困难学生资助工作"), List.of(
                    new Decision("完成家庭经济困难学生认定材料审核", STUDENTS_SECRETARY, 14),
                    new Decision("组织实习学生安全教育专题会", OFFICE_HEAD, 10))));

    static final Sitting SPECIAL = new Sitting("学习贯彻党的二十届四中全会精神", List.of(
            "集中学习党的二十届四中全会公报和习近平总书记重要讲话精神",
            "围绕“十五五”时期医学教育和健康中国建设交流学习体会",
            "研究本系学习宣传贯彻全会精神的具体安排"), List.of(
            new Decision("各支部以主题党日形式开展全会精神专题学习，每名党员撰写心得体会", TEACHERS_SECRETARY, 21),
            new Decision("在“周三讲堂”安排全会精神专题党课", PROPAGANDA, 14),
            new Decision("在微信平台开设“学全会 话担当”专栏，每周推送一期", PROPAGANDA, 35)));

    static final List<Sitting> TEACHERS_COMMITTEE = List.of(
            new Sitting("研究支部本学期工作安排", List.of(
                    "研究教工党支部本学期工作计划",
                    "讨论“一带一帮一”帮扶对子调整"), List.of(
                    new Decision("调整“一带一帮一”帮扶对子，名单报党总支备案", ORGANISATION, 14))),
            new Sitting("研究“健康你我他”宣讲计划", List.of(
                    "研究“健康你我他”健康宣讲团本学期宣讲计划",
                    "讨论校报健康专栏选题"), List.of(
                    new Decision("联系校报开设“健康你我他”专栏，本月提交两篇稿件", PROPAGANDA, 20))),
            new Sitting("研究民主评议党员准备工作", List.of(
                    "研究民主评议党员工作安排",
                    "听取预备党员培养考察情况"), List.of(
                    new Decision("向每名党员发放民主评议测评表并按时收回", ORGANISATION, 21))),
            new Sitting("研究支部年度工作总结", List.of(
                    "讨论支部年度工作总结提纲",
                    "研究寒假期间党员联系群众安排"), List.of(
                    new Decision("起草支部年度工作总结", SECRETARY, 14))));

    static final List<Sitting> STUDENTS_COMMITTEE = List.of(
            new Sitting("研究入党积极分子培养考察", List.of(
                    "研究新学年入党积极分子培养考察工作",
                    "研究本学期“十项活动”安排"), List.of(
                    new Decision("为每名入党积极分子明确两名培养联系人", ORGANISATION, 14),
                    new Decision("制定本学期“十项活动”安排表并在各班公布", PROPAGANDA, 7))),
            new Sitting("研究发展对象人选和红歌比赛", List.of(
                    "研究拟确定的发展对象人选",
                    "部署“唱响红色经典”红歌比赛组织工作"), List.of(
                    new Decision("征求党员和群众对拟发展对象的意见", ORGANISATION, 14),
                    new Decision("落实红歌比赛场地、评委和各班参赛曲目", PROPAGANDA, 10))),
            new Sitting("研究读书会和志愿服务登记", List.of(
                    "研究“红色书籍读书会”第二期安排",
                    "检查党员志愿服务时长登记情况"), List.of(
                    new Decision("督促未提交读书笔记的同学在月底前提交", PROPAGANDA, 14),
                    new Decision("核对志愿服务时长申报，与活动签到表逐一比对", DISCIPLINE, 10))),
            new Sitting("研究学期末诗文朗诵会", List.of(
                    "研究学期末诗文朗诵会节目征集",
                    "讨论寒假社会实践安排"), List.of(
                    new Decision("各党小组推荐诗文朗诵节目不少于两个", GROUP_LEADER, 14))));

    static final List<Sitting> TEACHERS_GENERAL = List.of(
            new Sitting("学习《中国共产党纪律处分条例》", List.of(
                    "集中学习《中国共产党纪律处分条例》",
                    "通报支部本学期工作计划"), List.of(
                    new Decision("每名党员结合岗位撰写一篇学习体会", SECRETARY, 21))),
            new Sitting("学习全会精神 听取预备党员思想汇报", List.of(
                    "学习党的二十届四中全会精神",
                    "听取预备党员思想汇报"), List.of(
                    new Decision("预备党员培养联系人每月与培养对象谈心一次", ORGANISATION, 30))));

    static final List<Sitting> STUDENTS_GENERAL = List.of(
            new Sitting("学习全会精神 通报发展党员工作", List.of(
                    "学习党的二十届四中全会精神",
                    "通报入党积极分子培养考察情况",
                    "听取预备党员思想汇报"), List.of(
                    new Decision("预备党员每季度提交一份书面思想汇报", ORGANISATION, 30))),
            new Sitting("讨论发展对象 开展党性教育", List.of(
                    "听取拟发展对象培养考察情况介绍",
                    "开展“学党史、强党性”专题学习"), List.of(
                    new Decision("公示拟发展对象名单，接受党员和群众监督", SECRETARY, 7))));

    static final List<Sitting> GROUP = List.of(
            new Sitting("交流学习体会", List.of(
                    "交流学习党的创新理论的体会",
                    "通报支部近期工作安排"), List.of()),
            new Sitting("开展谈心谈话", List.of(
                    "组织党员开展批评与自我批评",
                    "研究小组成员联系入党积极分子安排"), List.of(
                    new Decision("每名党员联系一至两名入党积极分子", GROUP_LEADER, 21))),
            new Sitting("学习全会精神", List.of(
                    "学习党的二十届四中全会精神",
                    "交流本月志愿服务和学习情况"), List.of()));

    static final List<String> TEACHERS_THEMED_DAYS = List.of(
            "“重温入党誓词 践行初心使命”主题党日",
            "“健康你我他”走进社区义诊主题党日",
            "“弘扬伟大抗疫精神”主题党日",
            "“学全会精神 做健康中国建设者”主题党日");

    static final List<String> STUDENTS_THEMED_DAYS = List.of(
            "“青春心向党 建功新时代”主题党日",
            "“铭记历史 缅怀先烈”主题党日",
            "“我为同学办实事”主题党日",
            "“学习全会精神 争做时代新人”主题党日");

    static final List<String> DISCUSSION = List.of(
            "与会同志结合本职工作进行了认真讨论，一致同意上述安排。",
            "大家踊跃发言，围绕落实措施提出了具体意见建议，会议逐条进行了研究。",
            "会议认为，此项工作要抓早抓实，责任到人，确保按时完成。",
            "与会同志畅谈了学习体会，并就存在的不足进行了深入交流。");

    static final List<String> PARTY_LECTURES = List.of(
            "学习贯彻党的二十届四中全会精神专题党课",
            "传承伟大建党精神 践行医者初心使命",
            "坚定理想信念 做党和人民满意的医学人才",
            "从百年党史中汲取奋进力量",
            "弘扬伟大抗疫精神 守护人民生命健康",
            "新时代共产党员的责任与担当",
            "以白求恩为榜样 做有温度的医生");

    static final List<String> THEORY_LECTURES = List.of(
            "习近平新时代中国特色社会主义思想的世界观和方法论",
            "健康中国战略的理论内涵与实践路径",
            "深刻领悟“两个确立”的决定性意义",
            "中国式现代化的本质要求与青年使命",
            "“十五五”规划建议中的卫生健康发展任务",
            "人民至上、生命至上的理论逻辑");

    static final List<String> DISCIPLINE_LECTURES = List.of(
            "《中国共产党纪律处分条例》学习解读",
            "严守医德医风 筑牢廉洁防线",
            "中央八项规定精神再学习",
            "以案为鉴 警钟长鸣——医疗卫生领域典型案例警示教育",
            "学术诚信与科研作风建设",
            "《中国共产党廉洁自律准则》解读");

    static final List<String> STUDENT_EXCUSES = List.of(
            "临床见习安排冲突，已向带教老师报备",
            "身体不适，已请病假",
            "参加校运动会集训",
            "家中有事，已向辅导员请假",
            "参加省大学生临床技能竞赛集训",
            "参加学院学生会工作");

    static final List<String> TEACHER_EXCUSES = List.of(
            "门诊值班",
            "有择期手术安排",
            "外出参加学术会议",
            "带教临床见习",
            "病假",
            "参加医院抢救任务");

    static final List<String> FEEDBACK = List.of(
            "讲得深入浅出，结合临床案例，很受启发。",
            "内容充实，对我们医学生很有教育意义。",
            "老师讲得很生动，希望以后多安排这样的讲座。",
            "理论联系实际，印象最深的是抗疫一线的故事。",
            "时间稍紧，互动环节可以再多一些。",
            "收获很大，回去要认真读一读原文。",
            "PPT内容丰富，建议会后把课件发到群里。",
            "结合医学专业讲党性修养，很接地气。",
            "");

    /** Red books: title and author. */
    static final List<String[]> BOOKS = List.of(
            new String[] {"红岩", "罗广斌、杨益言"},
            new String[] {"红星照耀中国", "埃德加·斯诺"},
            new String[] {"长征", "王树增"},
            new String[] {"可爱的中国", "方志敏"},
            new String[] {"青春之歌", "杨沫"},
            new String[] {"苦难辉煌", "金一南"},
            new String[] {"觉醒年代", "龙平平"},
            new String[] {"谁是最可爱的人", "魏巍"});

    static final List<String> NOTES = List.of(
            "读完《%s》，书中革命先辈在最艰难的时刻仍然坚守信仰，让我深受震撼。作为一名医学生，我要把这份坚定用在刻苦学习和救死扶伤上，不负青春，不负时代。",
            "《%s》让我重新认识了“初心”二字的分量。先辈们为了理想可以舍弃一切，今天我们学医，也要把人民的生命健康放在第一位，在平凡的岗位上践行使命担当。",
            "这次读《%s》，我边读边做摘抄，最打动我的是书中人物面对困难时的乐观和坚韧。联系自己在见习中的畏难情绪，我认识到信念坚定才能行稳致远。",
            "通过阅读《%s》，我对党的历史有了更加具体的了解。书中的许多细节让我明白，今天的幸福生活来之不易，我们青年一代要接好历史的接力棒。",
            "《%s》读来令人热血沸腾。书中人物把个人命运同国家命运紧紧联系在一起，这启发我思考：新时代的医学生应当怎样把所学奉献给健康中国建设。");

    static final List<String> SHORT_NOTES = List.of(
            "读完了，很感动，以后要好好学习，向先辈学习，争取早日入党。");

    static final List<String> NOTE_REJECTIONS = List.of(
            "笔记内容过于简略，请结合具体章节谈谈自己的体会后重新提交。",
            "笔记内容与所填书目不符，请核对后重新提交。");

    static final List<String> POEMS = List.of(
            "七律·长征", "沁园春·雪", "沁园春·长沙", "过零丁洋", "示儿", "我爱这土地", "祖国啊，我亲爱的祖国",
            "卜算子·咏梅", "满江红·写怀");

    static final List<String> ESSAY_TITLES = List.of(
            "我心中的白衣战士",
            "青春向党 医路同行",
            "从一封入党申请书说起");

    static final String ESSAY_TEXT = "第一次走进附属医院见习，是在一个清晨。急诊大厅里人来人往，带教老师一边交代病情，一边叮嘱我们要"
            + "“把病人当亲人”。那一刻，我突然明白了课本上“健康所系，性命相托”八个字的分量。后来我才知道，带教老师是一名有二十年党龄的老党员，"
            + "疫情期间曾主动请缨驰援一线。她说，党员就是要在群众最需要的时候站出来。这句话一直激励着我：学好本领，守护健康，"
            + "让青春在为人民服务中绽放光彩。";

    static final List<String> HOUR_REJECTIONS = List.of(
            "申报时长与活动签到记录不符：当天服务时间为上午三小时，请按实际时长重新申报。",
            "未在该日志愿服务签到表中找到你的记录，请补充服务证明材料后重新提交。");

    static final List<String> POSTER_TITLES = List.of(
            "喜迎国庆 礼赞祖国", "红心向党 青春飞扬", "山河无恙 人间皆安", "致敬最美逆行者", "百年征程 初心如磐",
            "我和我的祖国", "健康中国 青春担当", "红色基因代代传");

    static final String[] SONGS = {"《我和我的祖国》", "《没有共产党就没有新中国》", "《保卫黄河》", "《歌唱祖国》",
            "《唱支山歌给党听》", "《强军战歌》", "《光荣与梦想》", "《不忘初心》"};

    static <T> T pick(List<T> list, int i) {
        return list.get(Math.floorMod(i, list.size()));
    }
}
