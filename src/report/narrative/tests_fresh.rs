//! Readings fixed after fresh real text (prose5, 2026-12-07): sentences of reports new to the
//! corpus, labelled by hand before the reader ran on them. The first five tests are wrong claims
//! of the first reading (each a false finding on a consistent report); the rest were misses.
//! Every sentence is in tests/fixtures/narrative/corpus.tsv under its source.

use super::tests_support::{label, read};

/// A year named in a comparison (比2022年…) dates only its own clause.
#[test]
fn compared_year_stays_in_its_clause() {
    // http://www.pingdu.gov.cn/bmxxgkml_15/pdsgaj_15/xxgkml_15/ndgzbg_15/202401/t20240116_7794358.shtml
    // (平度市公安局 2023): first read Processed=22/p (last year's replies).
    assert_eq!(
        read(
            2023,
            "2023年度,我局共收到信息公开申请22起,比2022年(31起)下降29%,答复22起。"
        ),
        label("New=22; Processed=22")
    );
    // Within its own clause the compared year still dates the figure (no claim there).
    assert_eq!(read(2023, "答复数量比2022年减少3件。"), label("-"));
    // A year that is not compared dates what follows, across clauses.
    assert_eq!(
        read(2023, "2022年,共收到申请22件,答复22件。"),
        label("New=22/p; Processed=22/p")
    );
}

/// 结转至 + the report year: carried over into this year, not to the next.
#[test]
fn carried_into_the_report_year() {
    // http://bet365asia.net/xxgk/xxgkml/xxgknb/gbm/content/post_9455333.html (a 区住房和城乡建设局
    // 2023, mirrored): first read CarryOut=2.
    let got = read(
        2023,
        "2022年结转至2023年2件,2023年共受理265件,已办结264件,结转下年度办理3件。",
    );
    assert!(got.contains(&"CarryIn=2".to_string()), "{got:?}");
    assert!(got.contains(&"CarryOut=3".to_string()), "{got:?}");
    assert!(!got.contains(&"CarryOut=2".to_string()), "{got:?}");
    // Carried over to the next year stays the carry-out.
    assert_eq!(
        read(2023, "共收到申请10件,结转至2024年2件。"),
        label("New=10; CarryOut=2")
    );
}

/// （含2024年转入2025年办结 2 件）: the carry-in, and the figure before includes it.
#[test]
fn carried_in_inside_the_figure() {
    // https://www.bjmy.gov.cn/zwgk/zfxxgk/zfxxgknb/gknb2025/202601/t20260114_526887.html
    // (北京市密云区卫生健康委员会 2025): first read Processed=10; Processed=2.
    assert_eq!(
        read(
            2025,
            "2025年,我委主动公开政府信息共计487条,较2024年稳步增长。受理依申请公开共计8件,办结10件(含2024年转入2025年办结2件)。"
        ),
        label("New=8; Processed=10/c; CarryIn=2")
    );
}

/// N 项行政许可 right before the noun: kinds of matter, not decisions (as 行政许可事项 31 项).
#[test]
fn kinds_of_matter_before_the_noun() {
    // https://www.wuchang.gov.cn/xxgk/jyj/zfxxgknb/202301/t20230110_2127550.html
    // (武汉市武昌区教育局 2022): first read Active.License=2; Active.Penalty=6.
    assert_eq!(
        read(
            2022,
            "目前已经公开了区教育局的2项行政许可、6项行政处罚、2项行政检查与3项行政服务事项。"
        ),
        label("-")
    );
    // Decisions counted in 件 before the noun stay the table 二 figures (seed 000).
    assert_eq!(
        read(2022, "及时将5件行政许可办件和8件行政处罚信息公布。"),
        label("Active.License=5; Active.Penalty=8")
    );
}

/// 不存在…行政复议和行政诉讼情况: no case, as 未发生.
#[test]
fn no_case_with_bu_cunzai() {
    // http://xiangan.gov.cn/zfxxgk/qrmzfjgzb/XM06104/gkndbg/202301/t20230106_893897.htm
    // (厦门市翔安区教育局 2022)
    assert_eq!(
        read(2022, "不存在有关政府信息公开行政复议和行政诉讼情况。"),
        label("NoCase.Both")
    );
    // 不存在 of something else is no statement about cases.
    assert_eq!(read(2022, "不存在超期答复情况。"), label("-"));
}

/// 其中 2 件公开: the granted row, 公开 alone right after the count that follows 其中.
#[test]
fn granted_after_of_which() {
    // http://xiangan.gov.cn/… (厦门市翔安区教育局 2022)
    assert_eq!(
        read(
            2022,
            "(二)依申请公开政府信息情况。全年共受理政府信息公开申请3件,均按时答复。其中2件公开,1件经与申请者沟通同意对答复内容不予公开。"
        ),
        label("New=3; Break.Granted=2/s")
    );
}

/// 收到申请 3 项全部予以公开: every application received was granted.
#[test]
fn all_granted_after_the_count() {
    // https://www.ankang.gov.cn/Content-2788923.html (安康市市场监督管理局 2024)
    assert_eq!(
        read(
            2024,
            "(二)依申请公开政府信息情况。收到政府信息公开申请3项全部予以公开,无上年结转政府信息公开申请。"
        ),
        label("New=3; Break.Granted=3; CarryIn=0")
    );
    // 均予以公开答复 (公开 not ending the clause) says how they were answered.
    assert_eq!(
        read(2024, "收到政府信息公开申请3件,均予以公开答复。"),
        label("New=3")
    );
}

/// 均为自然人网上申请: the applicant, with the channel between it and the verb.
#[test]
fn all_by_applicant_with_channel() {
    // https://www.ms.gov.cn/xxgk/xxgk_content.jsp?urltype=news.NewsContentUrl&wbtreeid=5069&wbnewsid=1143514
    // (眉山市人力资源和社会保障局 2022)
    assert_eq!(
        read(
            2022,
            "( 二)依申请公开情况。2022年,我局收到政府信息公开申请5件,均为自然人网上申请,办结5件。"
        ),
        label("New=5; Applicant.Natural=5; Processed=5")
    );
}

/// Misses of the previous session: 公开 0 件 listed with other results, and 申请公开政府信息的要求.
#[test]
fn granted_clause_and_requests() {
    // http://jw.taojiang.gov.cn/25074/25162/37354/39633/index.htm (桃江县松木塘镇 2022)
    assert_eq!(
        read(
            2022,
            "(二)依申请公开情况。2022年我镇全年共收到依申请公开0件,公开0件,不予公开0件,因政府信息依申请公开引起行政复议0件,行政诉讼0件"
        ),
        label("New=0; Break.Granted=0; Break.Withheld=0; Review.Total=0/l; Litigation.Total=0/l")
    );
    // 公开 N 条 without other results listed: published items, no claim.
    assert_eq!(read(2022, "本年度主动公开信息20条,公开0件。"), label("-"));
    // http://dayueimage.com/zwgk/xxgk/hsslkz/zfxxgkgzndbg/content/post_2781552.html (龙口镇 2022)
    assert_eq!(
        read(2022, "收到申请公开政府信息的要求0条。"),
        label("New=0")
    );
}

/// 网站申请 N 件 after 其中: a channel's applications.
#[test]
fn website_channel() {
    // https://hrss.tj.gov.cn/zhengwugongkai/zfxxgknew/zfxxgknbnew/202302/t20230213_6103989.html
    // (天津市人力资源和社会保障局 2022)
    assert_eq!(
        read(
            2022,
            "全年共受理政府信息公开申请212件,其中网站申请195件、当面申请4件、信函申请13件;已办理206件,结转下年度继续办理6件。"
        ),
        label("New=212; New=195/s; New=4/s; New=13/s; Processed=206; CarryOut=6")
    );
    // 网站 without 申请 right before the number: published items, no claim.
    assert_eq!(read(2022, "通过网站发布信息195条。"), label("-"));
}

/// 依申请公开 3 次 / 依申请公开事项 7 项: the word alone before its count, no other cue in the
/// clause, counts the applications (known misses of the previous sessions).
#[test]
fn bare_count_after_the_word() {
    // http://gsgz.gov.cn/gzzfxxgk/zfxxgknb/2024n/bmnb2024/202501/t20250123_1349600.html
    // (张掖市甘州区交通运输局 2024)
    assert_eq!(
        read(
            2024,
            "2.依申请公开政府信息情况。2024年,我局依申请公开事项7项,其中含甘州区小微型客车租赁经营备案、重点货运源头单位企业、驾驶员培训机构经营管理信息、对逾期未年审货运车辆、公路养护工程批复、任职资格公示。"
        ),
        label("New=7")
    );
    // http://mhk.gov.cn/zwgk/xxgk/xzj/hpjd/ndbg/202101/t20210125_44745.html (梅河口市和平街道 2020)
    assert_eq!(
        read(2020, "2020年度和平街道发生依申请公开1次。"),
        label("New=1")
    );
    // Not: 依申请公开信息 0 条 (items, as labelled in the corpus), the processed ones.
    assert_eq!(
        read(2024, "2024年1-12月,落水镇依申请公开信息0条。"),
        label("-")
    );
    assert_eq!(
        read(
            2021,
            "今年以来,全区累计处理政府信息依申请公开92件,其中,本年度新接收91件,2020年结转办理1件。"
        )
        .iter()
        .filter(|c| c.starts_with("New=92"))
        .count(),
        0
    );
}

/// 有 1 件依申请公开信息: the applications there were.
#[test]
fn there_were_n_applications() {
    // http://www.aes.gov.cn/aes/2026-01/15/article_2026011509191225642.html (阿尔山市卫生健康委员会 2025)
    assert_eq!(read(2025, "2025年度有1件依申请公开信息。"), label("New=1"));
    // More after the word: something else said of them.
    assert_eq!(
        read(2025, "有1件依申请公开信息因涉及第三方未公开。"),
        label("-")
    );
}

/// 收到申请 1 件，由自然人提交，公开 1 件: 公开 and its count as a clause after the receipts.
#[test]
fn granted_clause_after_receipts() {
    // https://luchovivas.com/art/2022/1/17/art_1229230631_4010199.html (杭州市滨江区民政局 2021,
    // mirrored)
    let got = read(
        2021,
        "2021年度本机关共计收到政府信息公开申请1件,由自然人提交,公开1件,已在规定时间内答复。",
    );
    assert!(got.contains(&"Break.Granted=1".to_string()), "{got:?}");
}

/// 清理失效文件 4 个: repealed documents.
#[test]
fn repealed_by_clearing() {
    // http://www.wanyuan.gov.cn/xxgk-show-111548.html (万源市 2025)
    assert_eq!(
        read(
            2025,
            "2025年,制发行政规范性文件6个,清理失效文件4个,现行有效行政规范性文件18个;加强政务新媒体,政府门户网站信息管理。"
        ),
        label("Active.DocsMade=6; Active.DocsRepealed=4; Active.DocsValid=18")
    );
}

/// 9 件申请均在法定期限内予以回复: the count, the applications, then what became of them.
#[test]
fn replied_applications_named_after_the_count() {
    // http://hbdaye.gov.cn/zfxxgk/zfxxgkndbg/gb2025/2025szbm/202601/t20260126_1303173.html
    // (大冶市自然资源和规划局 2025)
    assert_eq!(
        read(2025, "9件申请均在法定期限内予以回复,回复率达到100% 。"),
        label("Processed=9")
    );
    // Not replied: no claim.
    assert_eq!(read(2025, "9件申请尚未回复。"), label("-"));
}

/// 历年共计收到…申请 0 条 after this year's receipts: the cumulative count, not this year's.
#[test]
fn cumulative_with_its_own_verb() {
    // http://liunan.gov.cn/xxgk/zfxxgknb/t19700101_3586555.shtml (柳州市柳南区交通运输局 2024)
    assert_eq!(
        read(
            2024,
            "2024年度我局收到政府信息公开申请总数0条,对申请的答复总数0条,历年共计收到依申请公开信息申请0条,未出现因政府信息公开引发行政复议和行政诉讼的情况。"
        ),
        label("New=0; Processed=0; New=0/p; NoCase.Both")
    );
    // Alone, a cumulative figure is no claim (tests.rs negatives).
    assert_eq!(
        read(2024, "历年共计收到依申请公开信息申请5条。"),
        label("-")
    );
}

/// Second batch: 其中公开 3 件 (the granted row after 其中) and 其中 5 件按规定程序及时答复申请人.
#[test]
fn second_batch_granted_and_replied_parts() {
    // https://www.302yl.com/a2119/art_1229780028_87896.html (杭州市生态环境局临平分局 2023, mirrored)
    assert_eq!(
        read(
            2023,
            "2023年,市生态环境局临平分局共收到政府信息公开申请3件,其中公开3件,未有结转下年度继续办理。"
        ),
        label("New=3; Break.Granted=3/s; CarryOut=0")
    );
    // https://www_xzkt_com.hl2222.com/xx202401/t20240117_3442941.html (咸宁市生态环境局 2023, mirrored)
    assert_eq!(
        read(
            2023,
            "全年共办理回复依申请公开件6件(含上年结转3件),其中5件按规定程序及时答复申请人,1件由于疫情原因未收到申请人依申"
        ),
        label("Processed=6/c; CarryIn=3; Processed=5/s")
    );
    // 按规定 followed by a refusal: no reply counted.
    assert_eq!(
        read(2023, "收到申请6件,其中5件按规定不予答复。"),
        label("New=6")
    );
}

/// Third batch: 未发生与诉讼（行政复议、行政诉讼及申诉）有关的费用 is about costs, not cases
/// (first read as a second NoCase.Both).
#[test]
fn costs_of_cases_are_no_case_statement() {
    // http://www.jurong.gov.cn/jrslj/bmxxgknb/202301/4fba3b5e1eb64e06baaed3de922ccd45.shtml
    // (句容市水利局 2022)
    assert_eq!(
        read(
            2022,
            "由于未发生关于部门信息公开事务的行政复议案、行政诉讼案和有关的申诉案,因此未发生与诉讼(行政复议、行政诉讼及申诉)有关的费用;信息公开支出由局财务审计科保障,未收取任何信息公开费用。"
        ),
        label("NoCase.Both; FeeNone")
    );
}

/// Third batch: 收到并妥善处理 N 件, one number for both.
#[test]
fn received_and_duly_processed() {
    // http://xxgk.jlbc.gov.cn/zcbm/fgw_97987/ndbg/202501/t20250126_1007407.html (白城市农业农村局 2024)
    assert_eq!(
        read(2024, "本年度共收到并妥善处理依申请公开信息13件。"),
        label("New=13; Processed=13")
    );
}

/// 具体为土地征收类 6 件，…: the applications by topic, a part each.
#[test]
fn applications_by_topic() {
    // http://hbdaye.gov.cn/zfxxgk/zfxxgkndbg/gb2025/2025szbm/202601/t20260126_1303173.html
    // (大冶市自然资源和规划局 2025)
    assert_eq!(
        read(
            2025,
            "2025年,我局共受理依申请公开9件,具体为土地征收类6件,土地出让类1件,矿业权规划1件,城市规划1件。"
        ),
        label("New=9; New=6/s; New=1/s; New=1/s; New=1/s")
    );
    // The first item not named as a kind (类): no topic list.
    assert_eq!(
        read(2025, "2025年,我局共受理依申请公开9件,具体为张三6件。"),
        label("New=9")
    );
}

/// Fourth batch: 未发生被行政复议纠错或败诉情况 is of both kinds of case (first read as
/// Upheld.Review only: 败诉 is of a lawsuit).
#[test]
fn lost_lawsuit_counts_as_litigation() {
    // https://www.shengsi.gov.cn/art/2024/1/25/art_1229670709_88644.html (嵊泗县财政局 2023)
    assert_eq!(
        read(
            2023,
            "全年,共受理依申请公开4件,未发生被行政复议纠错或败诉情况。"
        ),
        label("New=4; Upheld.Both/l")
    );
}

/// Fourth batch: 收到留言 1380 件，除 11 件正在办理中 is about messages, not applications
/// (first read as CarryOut=11/l).
#[test]
fn pending_messages_are_no_carry_over() {
    // https://ylbzj.cq.gov.cn/zwgk_535/zfxxgknb/202301/t20230131_11549147_wap.html
    // (重庆市医疗保障局 2022)
    assert_eq!(
        read(
            2022,
            "网站公开信箱收到留言1380件,除11件正在办理中,其余均按期办结。"
        ),
        label("-")
    );
    // Applications named: the pending ones are carried over (loosely, without 下年度).
    assert_eq!(
        read(
            2022,
            "收到政府信息公开申请20件,除2件正在办理中,其余均按期办结。"
        ),
        label("New=20; CarryOut=2/l")
    );
}

/// Fourth batch: 没有不予公开政府信息情况 (a zero in the row), and 未收到…(a long list of
/// channels)…政府信息公开申请.
#[test]
fn zero_row_and_long_none_received() {
    // http://www.ych.gov.cn/xxgk/xxgknb/2024/xzbm/202501/t20250107_3741334.shtml (宜城市应急管理局 2024)
    assert_eq!(
        read(
            2024,
            "(二)依申请公开信息和不予公开政府信息的情况。2024年度,我局共承办“12345”政府公共服务热线信访举报投诉类申请38件,按期全部回复,没有不予公开政府信息情况。"
        ),
        label("Break.Withheld=0")
    );
    // http://www.quxian.gov.cn/xxgk-show-48933.html (渠县医疗保障局 2022)
    assert_eq!(
        read(
            2022,
            "2022年度未收到公民、法人或其他组织通过政府信息公开平台、传真、信函等形式的政府信息公开申请。"
        ),
        label("None")
    );
}

/// Fifth batch: 收到申请 2 件没有因…行政复议…的情况发生, the count and the negation in one
/// clause (no comma): the number counts applications, the negation states no case.
#[test]
fn no_case_after_a_count_in_the_same_clause() {
    // https://www.wl.gov.cn/art/2025/1/13/art_1229307181_4020703.html (温岭市文化和广电旅游体育局 2024)
    assert_eq!(
        read(
            2024,
            "(二)依申请公开情况。收到政府信息公开申请2件没有因政府信息公开申请行政复议、提起行政诉讼和行政申诉的情况发生。"
        ),
        label("New=2; NoCase.Both")
    );
    // A number after the negation counts the cases: no zero statement.
    assert_eq!(
        read(2024, "未发生政府信息公开行政复议案件以外的诉讼2件。")
            .iter()
            .filter(|c| c.starts_with("NoCase"))
            .count(),
        0
    );
}

/// 处理并公开行政处罚事项 0 条，行政强制事项 0 条: matters decided, counted in 条, are the
/// decisions (table 二), in the clause of 处理 and the one right after.
#[test]
fn decided_matters_in_tiao() {
    // https://www.qiaokou.gov.cn/xxgk/zfxxgknb/bmjdhz/qzfgzjg/tyjrswj/202601/t20260122_2715841.shtml
    // (武汉市硚口区退役军人事务局 2025)
    assert_eq!(
        read(
            2025,
            "通过硚口区政府网站信息公开平台主动公开部门工作动态5条,财务公开2条,公告公示0条,处理并公开行政处罚事项0条,行政强制事项0条。"
        ),
        label("Active.Penalty=0; Active.Enforcement=0")
    );
    // Published items about penalties, without 处理: no decision count.
    assert_eq!(
        read(2025, "公开行政处罚事项5条,行政强制事项2条。"),
        label("-")
    );
}

/// Sixth batch: 均规范予以答复 says how the applications were answered, not that every one was
/// concluded (first read as AllDone, as 均按照规定予以答复 is labelled in the corpus); 均已…回复
/// is (回复 as 答复); a 全部回复 said of hotline complaints is not about applications.
#[test]
fn replies_all_done_or_not() {
    // http://www.gzxy.gov.cn/zwgk/zfxxgk/zfxxgknb/2024h/szfzcbm/202501/t20250122_86663291.html
    // (兴义市人民政府办公室 2024)
    assert_eq!(
        read(
            2024,
            "2024年接收依申请信息公开办理52件,与去年相比增加了32件,均规范予以答复。"
        ),
        label("New=52")
    );
    // http://www.bzgxq.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=004374579&fbtime=2022&showType=2
    // (滨州高新区青田街道办事处 2022)
    assert_eq!(
        read(
            2022,
            "2022年度我单位共收到4条依申请公开信息要求,均已按要求及时回复,并将回复信息的源头、经过、结果文件及时进行归档保存。"
        ),
        label("New=4; AllDone")
    );
    // http://www.ych.gov.cn/xxgk/xxgknb/2024/xzbm/202501/t20250107_3741334.shtml (宜城市应急管理局 2024)
    assert_eq!(
        read(
            2024,
            "2024年度,我局共承办“12345”政府公共服务热线信访举报投诉类申请38件,按期全部回复,没有不予公开政府信息情况。"
        ),
        label("Break.Withheld=0")
    );
    // A rate is no conclusion.
    assert_eq!(
        read(2024, "收到政府信息公开申请5件,均已回复率100%。")
            .iter()
            .filter(|c| *c == "AllDone")
            .count(),
        0
    );
}

/// Sixth batch: 收到依申请公开办件 0 条, the cases counted right after the word.
#[test]
fn cases_counted_after_the_word() {
    // http://www.rongcheng.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=11371082004339319Q&fbtime=2025
    // (荣成市东山街道 2025)
    assert_eq!(
        read(
            2025,
            "2.依申请公开方面。2025年东山街道收到依申请公开办件0条,与去年相比减少4条。"
        ),
        label("New=0")
    );
}

/// Eighth batch: 190 条行政许可“双公示”数据 counts items published about permits (first read as
/// Active.License=190), and 均按要求答复 says how the applications were answered (first read as
/// AllDone); 答复完毕 15 件 and 诉讼 1 件，未审结 read since.
#[test]
fn eighth_batch() {
    // http://lyj.gd.gov.cn/government/Information/annualreport/content/post_4662083.html (广东省林业局 2024)
    assert_eq!(
        read(
            2024,
            "2024年度在信用广东平台共上传了190条行政许可“双公示”数据,其中,年平均合规率、及时率、整改确认率均为100%。"
        ),
        label("-")
    );
    // Decisions counted in 条 before the noun stay the table 二 figure.
    assert_eq!(
        read(2024, "全年作出3条行政处罚决定。"),
        label("Active.Penalty=3")
    );
    // http://m.sd.gov.cn/art/2025/1/22/art_354674_43379.html (山东省司法厅 2024)
    assert_eq!(
        read(
            2024,
            "2024年共办理信息公开申请35件,均按要求答复,予以公开和部分公开答复占比较2023年增加6%,充分保障人民群众知情权。"
        ),
        label("Processed=35")
    );
    // https://www.hzsc.gov.cn/art/2024/1/19/art_1229232293_4233872.html (杭州市上城区司法局 2023)
    assert_eq!(
        read(
            2023,
            "全年共收到依申请公开申请15件,其中网络申请1件,信函申请14件;答复完毕15件。答复后被行政复议9件,全部维持;诉讼1件,未审结。"
        ),
        label("New=15; New=1/s; New=14/s; Processed=15; Review.Total=9/l; Upheld.Review!/l; Litigation.Total=1/l; Litigation.Pending=1/l")
    );
}

/// 其中 9 件为网上申请，1 件为书面申请 / 其中 8 份是网络依申请公开: the count, 为/是, a channel,
/// then the applications: a channel's part.
#[test]
fn channel_after_the_count() {
    // http://www.hanzhong.gov.cn/hzszf/c101840ncce/202402/507c5e25f38041129b70739226822a81.shtml
    // (勉县人民政府 2023)
    let got = read(
        2023,
        "全年共收到政府信息公开申请10件,其中9件为网上申请,1件为书面申请,均严格按照相关规定在法定期限内依法办结,未引起行政复议和行政诉讼情形。",
    );
    for c in ["New=10", "New=9/s", "New=1/s", "NoCase.Both"] {
        assert!(got.contains(&c.to_string()), "{c} in {got:?}");
    }
    // A count of something else, then 为 and a channel word without 申请: no claim.
    assert_eq!(read(2023, "发布信息9条为网上公开。"), label("-"));
}

/// Ninth batch: 来信及平台依申请公开事项 23 件, two channels joined before one figure, is the
/// whole (first read as New=23/s); 其中在线提交 2 件，信函提交 1 件, channels right after 其中.
#[test]
fn ninth_batch_channels() {
    // https://www.qiaokou.gov.cn/xxgk/zfxxgknb/bmjdhz/qzfgzjg/qwjj/202601/t20260122_2716062.shtml
    // (武汉市硚口区卫生健康局 2025)
    assert_eq!(
        read(
            2025,
            "本年度累计接收来信及平台依申请公开事项23件,除2件顺延至下年度办结回复外,其余均在法定时限内完成答复,回复率、按时办结率均达100%,高效回应公众个性化信息需求。"
        ),
        label("New=23; CarryOut=2")
    );
    // https://www.njjy.gov.cn/cszwgk/bmzwgk/jyqjyj_67324/zfxxgknb_67326/202601/t20260128_5781355.html
    // (南京市建邺区教育局 2025)
    assert_eq!(
        read(
            2025,
            "2025年,我局收到政府信息公开申请3件,其中在线提交2件,信函提交1件。"
        ),
        label("New=3; New=2/s; New=1/s")
    );
    // 其中 followed by something other than a channel: no part read.
    assert_eq!(
        read(2025, "2025年,我局收到政府信息公开申请3件,其中涉及征地2件。"),
        label("New=3")
    );
}

/// Tenth batch: 受理申请 3 件，均已按规定及时予以公开: every application granted, the manner
/// between 均 and 予以公开.
#[test]
fn all_granted_with_manner() {
    // http://www.jsxishan.gov.cn/doc/2026/01/23/4722822.shtml (无锡市锡山区安镇街道 2025)
    assert_eq!(
        read(
            2025,
            "2025年,安镇街道共受理政府信息公开申请3件,均已按规定及时予以公开。"
        ),
        label("New=3; Break.Granted=3")
    );
    // Not a grant of all: a refusal, or 予以公开 not closing its clause.
    assert_eq!(
        read(2025, "共受理政府信息公开申请3件,均未予以公开。"),
        label("New=3")
    );
    assert_eq!(
        read(
            2025,
            "共受理政府信息公开申请2件,均在法定期限内予以公开答复。"
        ),
        label("New=2")
    );
}

/// An item listed after 、 shares the verb of the list's head: 办理并答复…3 件、纸质申请 36 件 are
/// both processed, not 36 received.
#[test]
fn listed_channel_item_shares_the_processing_verb() {
    // https://www.sxyc.gov.cn/art/2024/1/22/art_1229445040_4107020.html (绍兴市越城区东湖街道 2023):
    // first read New=36/s (a channel's received applications).
    assert_eq!(
        read(
            2023,
            "2023年度东湖街道办事处通过政府门户网站共办理并答复信息公开申请3件、纸质申请36件,顺延至下一年答复2件。因信息公开引起的行政复议31件,行政诉讼0件。"
        ),
        label("Processed=3/s; Processed=36/s; CarryOut=2; Review.Total=31; Litigation.Total=0")
    );
    // The same list after a receiving verb stays received applications.
    assert_eq!(
        read(2024, "全年共收到网上申请9件、纸质申请2件,均已按时办结。"),
        label("New=9/s; New=2/s; AllDone")
    );
}
