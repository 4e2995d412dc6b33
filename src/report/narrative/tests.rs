//! The narrative stage on sentences of the seeds, the spec and real reports.

use super::*;

fn claims(text: &str) -> Vec<Claim> {
    extract(
        &[Para {
            text,
            source: 7,
            part: Part::Section(0),
        }],
        Some(2022),
    )
}

/// (subject, quantity) of every claim.
fn sq(text: &str) -> Vec<(Subject, Option<i64>)> {
    claims(text)
        .iter()
        .map(|c| (c.subject, c.quantity))
        .collect()
}

use Subject::*;

#[test]
fn seed_sentences() {
    // seed 001 (阿合奇县卫生健康委员会 2021)
    assert_eq!(sq("（二）依申请公开情况。自2021年1月1日起至2021年12月31日止，县卫健委收到公开信息申请1条，并及时进行了回复。")[0], (NewApplications, Some(1)));
    // seed 000 (繁峙县卫生健康和体育局 2021)
    assert_eq!(
        sq("财政预决算和“三公经费”情况以及部门项目等热点、焦点问题，均能做到第一时间发布。及时将5件行政许可办件和8件行政处罚信息公布。"),
        vec![(Active(super::Active::License), Some(5)), (Active(super::Active::Penalty), Some(8))]
    );
    // seed 002 (曲沃县卫生健康和体育局 2023)
    assert_eq!(
        sq("（二）依申请公开工作情况。2023年度我局无依申请公开内容。"),
        vec![(NoneReceived, None)]
    );
    // seed 003 (赵县卫生健康局 2020)
    assert_eq!(
        sq("1.依申请公开工作受理、答复情况。2020年，我局没有接到政府信息公开申请。"),
        vec![(NoneReceived, None)]
    );
    assert_eq!(
        sq("2020年，我局未实际发生依申请公开事项，未收取政府信息公开费用，因此也不存在减免费用。"),
        vec![(NoneReceived, None), (FeeNone, None)]
    );
    assert_eq!(
        sq("2020年，我局未接到对有关政府信息公开事务的行政复议案、行政诉讼案和申诉案(包括信访、举报)。"),
        vec![(NoCase(CaseKind::Both), None)]
    );
    // seed 004 (宁海县卫生健康局 2021)
    assert_eq!(
        sq("2021年，本单位未收到政府信息公开申请。"),
        vec![(NoneReceived, None)]
    );
    assert_eq!(
        sq("本机关2021年未发出依申请公开缴费通知书，也未对申请人收取信息处理费，特此说明。"),
        vec![(FeeNoticesNone, None), (FeeNone, None)]
    );
    // seed 001 六, seed 002 六
    assert_eq!(
        sq("本年度无收取信息处理费情况及其他需要报告事项。"),
        vec![(FeeNone, None)]
    );
    assert_eq!(
        sq("本机关2023年度未收取政府信息公开信息处理费。"),
        vec![(FeeNone, None)]
    );
}

#[test]
fn seed_numbers_that_are_not_claims() {
    // seed 000, 003, 004: counts of published items are not table cells.
    assert!(sq("2021年，微信公众号共发布各类信息144条。").is_empty());
    assert!(sq("一年来，通过不同渠道和方式公开政务信息1277条。").is_empty());
    assert!(sq("一是政府网站公开信息情况，截至目前，2020年主动公开各类信息共62条，信息公开指南1条，信息公开目录1条，概况信息2条，公告公示5条").is_empty());
    assert!(
        sq("2020年1月1日起至2020年12月31日止,卫健局没有出现虚假、不完整信息的情况。").is_empty()
    );
}

#[test]
fn real_report_sentences() {
    // 武汉市汉阳区人民政府办公室 2022: number before the subject, breakdown after 其中.
    let c = claims("2022年,区政府办公室共收到8份政府信息公开申请,均为自然人申请。其中,予以公开2件,部分公开2件,属于四类过程性性信息1件,本办不掌握相关政府信息2件,其他1件(申请人自主撤销)。无下年度结转。");
    let got: Vec<(Subject, Option<i64>)> = c.iter().map(|c| (c.subject, c.quantity)).collect();
    assert_eq!(
        got,
        vec![
            (NewApplications, Some(8)),
            // 均为自然人申请: the same 8 counts the 自然人 column (one number, two facts).
            (Applicant(super::Applicant::Natural), Some(8)),
            (Break(Outcome::Granted), Some(2)),
            (Break(Outcome::Partial), Some(2)),
            (Break(Outcome::Withheld), Some(1)),
            (Break(Outcome::Unable), Some(2)),
            (CarryOut, Some(0)),
        ]
    );
    assert!(!c[0].subset && !c[1].subset && c[2].subset);
    assert_eq!(c[0].text, "共收到8份政府信息公开申请");
    // 长春市体育局 2023: 受理 … 都在法定期限内予以答复 (timeliness, not "all concluded").
    assert_eq!(
        sq("本年度，共受理政府信息公开申请2件，都在法定期限内予以答复。"),
        vec![(NewApplications, Some(2))]
    );
    // 长春市二道区房屋征收办 2022
    assert_eq!(
        sq("2022年，我办受理依申请信息56条，现将有关情况汇报如下："),
        vec![(NewApplications, Some(56))]
    );
    // 上海市普陀区 2022 上半年
    assert_eq!(
        sq("2022年上半年，全区各行政机关共受理政府信息公开申请267件，答复263件，申请量比2021年同期上升1.52%。其中同意公开或部分公开共81件，公开率为30.80%。"),
        vec![(NewApplications, Some(267)), (Processed, Some(263)), (Break(Outcome::GrantedOrPartial), Some(81))]
    );
    assert_eq!(
        sq("2022年上半年，全区共发生涉及政府信息公开的行政诉讼案件2件，被纠错0件。"),
        vec![
            (Litigation(CasePart::Total), Some(2)),
            (Litigation(CasePart::Corrected), Some(0))
        ]
    );
    // A district's 2022 summary: 1499 received (the channels are parts), 1453 answered
    // incl. carry-over.
    let c = claims("2022年，全区各职能部门、镇街共收到政府信息依申请公开1499件。其中，通过网络申请1303件，占86.92%；通过信函申请172件，占11.47%。");
    let got: Vec<(Option<i64>, bool)> = c.iter().map(|c| (c.quantity, c.qualified)).collect();
    assert_eq!(
        got,
        vec![(Some(1499), false), (Some(1303), true), (Some(172), true)]
    );
    let c = claims("2022年，全区各职能部门、镇街共完成政府信息依申请公开答复1453件，包括上年结转信息公开申请30件。其中，予以公开答复966件，占66.48%；部分公开67，占4.61%；不予公开81件，占5.57%；无法提供的182件，占12.53%；不予处理的61件，占4.20%；其他处理96件，占6.61%。");
    let got: Vec<(Subject, Option<i64>)> = c.iter().map(|c| (c.subject, c.quantity)).collect();
    assert_eq!(
        got,
        vec![
            (Processed, Some(1453)),
            (CarryIn, Some(30)),
            (Break(Outcome::Granted), Some(966)),
            (Break(Outcome::Withheld), Some(81)),
            (Break(Outcome::Unable), Some(182)),
            (Break(Outcome::NotProcessed), Some(61)),
            (Break(Outcome::Other), Some(96)),
        ]
    );
    assert!(c[0].includes_carry_in);
    // 上海市 2022: 规章 with 新制定/废止 inside parentheses.
    assert_eq!(
        sq("2022年，在上海市人民政府网站主动公开市政府规章13件（含新制定5件，修改4件，废止4件），主动公开市政府和市政府办公厅行政规范性文件42件。"),
        vec![(Active(super::Active::RulesMade), Some(5)), (Active(super::Active::RulesRepealed), Some(4))]
    );
}

#[test]
fn styles_of_the_spec() {
    // Spec §2.4 examples.
    assert_eq!(
        sq("2023年全区受理政府信息公开申请21件。"),
        vec![(NewApplications, Some(21))]
    );
    assert_eq!(sq("全年答复3050件。"), vec![]); // no 申请 in the sentence: not about applications
    assert_eq!(
        sq("全年收到政府信息公开申请3060件，答复3050件。"),
        vec![(NewApplications, Some(3060)), (Processed, Some(3050))]
    );
    assert_eq!(
        sq("收到的申请中，予以公开及部分公开258件。"),
        vec![(Break(Outcome::GrantedOrPartial), Some(258))]
    );
    assert_eq!(
        sq("共收到政府信息公开申请36件（含上年结转1件）。"),
        vec![(NewApplications, Some(36)), (CarryIn, Some(1))]
    );
    assert!(claims("共收到政府信息公开申请36件（含上年结转1件）。")[0].includes_carry_in);
    assert_eq!(
        sq("收到申请二十一件，办结二十件，一件结转下年度办理。"),
        vec![
            (NewApplications, Some(21)),
            (Processed, Some(20)),
            (CarryOut, Some(1))
        ]
    );
    assert_eq!(
        sq("共受理申请1,094件。"),
        vec![(NewApplications, Some(1094))]
    );
    assert_eq!(
        sq("共受理申请一千零九十四件。"),
        vec![(NewApplications, Some(1094))]
    );
    assert_eq!(sq("共受理申请两件。"), vec![(NewApplications, Some(2))]);
    assert_eq!(sq("结转至2023年继续办理3件。"), vec![(CarryOut, Some(3))]);
    assert!(claims("结转至2023年继续办理3件。")[0].this_year);
    assert_eq!(sq("所有申请均已按要求办理完成。"), vec![(AllDone, None)]);
    assert_eq!(
        sq("制发规范性文件3件，行政处罚12起。"),
        vec![
            (Active(super::Active::DocsMade), Some(3)),
            (Active(super::Active::Penalty), Some(12))
        ]
    );
    assert_eq!(sq("收取信息处理费200元。"), vec![(Fee, Some(200))]);
    assert_eq!(sq("发出缴费通知书2份。"), vec![(FeeNotices, Some(2))]);
}

#[test]
fn guards_against_other_readings() {
    // Channel and applicant breakdowns are parts.
    let c = claims("通过网络收到政府信息公开申请5件，通过信函收到政府信息公开申请2件。");
    assert_eq!(c.len(), 2);
    assert!(c.iter().all(|c| c.subject == NewApplications && c.subset));
    // Part of the year.
    assert!(claims("第一季度收到政府信息公开申请5件。")[0].subset);
    assert!(claims("上半年共受理政府信息公开申请3件。")[0].subset);
    // Other requests (咨询, 留言) are not applications.
    assert_eq!(
        sq("受理政府信息公开申请3件，答复群众咨询200余次。"),
        vec![(NewApplications, Some(3))]
    );
    assert!(sq("共受理群众留言92条，均已答复。").is_empty());
    // 无…申请结转 is not "no application".
    assert!(sq("2021年度无政府信息公开申请结转。").is_empty());
    assert!(sq("本年度未发生依申请公开超期答复情况。").is_empty());
    // Result rows of 主动公开 are not table 三's.
    assert!(sq("本年度主动公开政府信息500条，依申请公开审查中不予公开3条。").is_empty());
    // Result rows need a paragraph about applications (or the one before it).
    let paras = [
        Para {
            text: "本年度共收到政府信息公开申请10件。",
            source: 1,
            part: Part::Section(0),
        },
        Para {
            text: "其中，予以公开8件，不予公开2件。",
            source: 2,
            part: Part::Section(0),
        },
        Para {
            text: "主动做好信息发布工作。",
            source: 3,
            part: Part::Section(0),
        },
        Para {
            text: "其中，予以公开5件。",
            source: 4,
            part: Part::Section(0),
        },
    ];
    let got: Vec<(Subject, Option<i64>, usize)> = extract(&paras, Some(2022))
        .iter()
        .map(|c| (c.subject, c.quantity, c.paragraph))
        .collect();
    assert_eq!(
        got,
        vec![
            (NewApplications, Some(10), 1),
            (Break(Outcome::Granted), Some(8), 2),
            (Break(Outcome::Withheld), Some(2), 2)
        ]
    );
    // A case part written number-first.
    assert_eq!(
        sq("本年度共有行政复议案件2件，其中1件维持，1件尚未审结。"),
        vec![
            (Review(CasePart::Total), Some(2)),
            (Review(CasePart::Upheld), Some(1)),
            (Review(CasePart::Pending), Some(1))
        ]
    );
}

#[test]
fn sum_after_parts_and_carry_in_binding() {
    let c = claims("通过网络收到政府信息公开申请5件，信函2件，共7件。");
    let got: Vec<(Subject, Option<i64>, bool)> = c
        .iter()
        .map(|c| (c.subject, c.quantity, c.subset))
        .collect();
    assert_eq!(
        got,
        vec![
            (NewApplications, Some(5), true),
            // 信函2件: a second channel's part, listed after the first.
            (NewApplications, Some(2), true),
            (NewApplications, Some(7), false)
        ]
    );
    // 含上年结转 binds to the figure before it, not to every figure of the sentence.
    let c = claims("共受理政府信息公开申请1295件，办结1191件（含上年结转189件）。");
    assert!(!c[0].includes_carry_in && c[1].includes_carry_in);
    // … or, when it comes first, to the figure after its own.
    let c = claims("包括上年结转2件在内，共收到政府信息公开申请36件。");
    assert_eq!(c[1].quantity, Some(36));
    assert!(c[1].includes_carry_in);
}

#[test]
fn another_noun_between_the_subject_and_the_number() {
    assert!(sq("公布受理政府信息公开申请的渠道3个。").is_empty());
    assert_eq!(
        sq("受理政府信息公开申请数量为25件。"),
        vec![(NewApplications, Some(25))]
    );
    assert_eq!(
        sq("全年收到政府信息公开申请共计36件。"),
        vec![(NewApplications, Some(36))]
    );
    assert!(sq("依申请公开答复的平均用时为5个工作日，答复模板3个。").is_empty());
}

#[test]
fn cases() {
    assert_eq!(
        sq("本年度因政府信息公开被申请行政复议3件，其中维持2件、纠正1件；被提起行政诉讼2件，尚未审结2件。"),
        vec![
            (Review(CasePart::Total), Some(3)),
            (Review(CasePart::Upheld), Some(2)),
            (Review(CasePart::Corrected), Some(1)),
            (Litigation(CasePart::Total), Some(2)),
            (Litigation(CasePart::Pending), Some(2)),
        ]
    );
    assert_eq!(
        sq("行政复议结果均获维持。"),
        vec![(
            Upheld {
                scope: CaseKind::Review,
                strict: true
            },
            None
        )]
    );
    assert_eq!(
        sq("涉及政府信息公开的行政诉讼未被纠错。"),
        vec![(
            Upheld {
                scope: CaseKind::Litigation,
                strict: false
            },
            None
        )]
    );
    assert_eq!(
        sq("本年度未发生因政府信息公开引起的行政复议、行政诉讼案件。"),
        vec![(NoCase(CaseKind::Both), None)]
    );
    assert_eq!(
        sq("无因政府信息公开被申请行政复议的情况。"),
        vec![(NoCase(CaseKind::Review), None)]
    );
    // The table label 未经复议直接起诉 is not a statement of no case.
    assert!(sq("未经复议直接起诉").is_empty());
}

#[test]
fn negatives() {
    // Percentages, dates, money other than 信息处理费, comparisons, cumulative figures, other years.
    assert!(sq("依申请公开按时答复率为100%，2022年1月1日起施行。").is_empty());
    assert!(sq("行政事业性收费共计300万元，收取申请费用20元。").is_empty());
    assert!(sq("收到申请20件，较上年增加5件，同比增长10%。")
        .iter()
        .all(|(s, q)| *s == NewApplications && *q == Some(20)));
    assert!(sq("历年累计受理政府信息公开申请1200件。").is_empty());
    assert!(sq("截至目前累计收到申请300件。").is_empty());
    let c = claims("2021年收到政府信息公开申请20件，2022年收到政府信息公开申请25件。");
    assert_eq!(c.len(), 2);
    assert!(!c[0].this_year && c[1].this_year);
    assert!(!claims("去年收到政府信息公开申请20件。")[0].this_year);
    // Approximations are marked.
    assert!(claims("全年受理政府信息公开申请近300件。")[0].approx);
    assert!(claims("全年受理政府信息公开申请300余件。")[0].approx);
    // Not applications: 20 个工作日, 一次性告知, list markers.
    assert!(sq("收到申请后在20个工作日内答复，需补正的一次性告知。").is_empty());
    // A channel breakdown is a part of the received applications, never the whole.
    let c = claims("其中，通过网络申请1303件。");
    assert!(c.len() == 1 && c[0].subset && c[0].qualified);
    // A 主动公开 count is not a result row.
    assert!(sq("主动公开政府信息50条。").is_empty());
    // 规范性文件 without a verb of making is not claimed.
    assert!(sq("主动公开行政规范性文件42件。").is_empty());
}

#[test]
fn offsets_are_characters_of_the_paragraph() {
    let text = "（二）依申请公开。 2022年，共收到政府信息公开申请 36 件。";
    let c = claims(text);
    assert_eq!(c.len(), 1);
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(
        chars[c[0].start..c[0].end].iter().collect::<String>(),
        "共收到政府信息公开申请 36 件"
    );
    assert_eq!(c[0].sentence, "2022年，共收到政府信息公开申请 36 件");
    assert_eq!(
        chars[c[0].sentence_start..c[0].sentence_end]
            .iter()
            .collect::<String>(),
        c[0].sentence
    );
    assert_eq!(c[0].paragraph, 7);
}

#[test]
fn arbitrary_text_never_panics() {
    // Pieces of real statements shuffled with a fixed linear congruential generator.
    let pieces = [
        "收到",
        "申请",
        "政府信息公开申请",
        "1",
        "２",
        "0",
        ",",
        "，",
        "。",
        "；",
        "件",
        "条",
        "个",
        "万",
        "元",
        "万元",
        "二十",
        "两",
        "一千零",
        "其中",
        "含",
        "上年结转",
        "结转下年度",
        "无",
        "未",
        "均已办结",
        "予以公开",
        "部分公开",
        "行政复议",
        "诉讼",
        "维持",
        "纠错",
        "信息处理费",
        "收取",
        "缴费通知",
        "近",
        "余",
        "左右",
        "2021年",
        "第",
        "%",
        ".",
        " ",
        "\n",
        "（",
        "）",
        "规范性文件",
        "制发",
        "废止",
        "行政许可",
        "共",
        "答复",
    ];
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..3000 {
        let mut t = String::new();
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let len = (x >> 59) as usize + 1;
        for _ in 0..len {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            t.push_str(pieces[(x >> 33) as usize % pieces.len()]);
        }
        for c in claims(&t) {
            let chars: Vec<char> = t.chars().collect();
            assert!(c.start <= c.end && c.end <= chars.len(), "{t}");
            assert!(
                c.sentence_start <= c.sentence_end && c.sentence_end <= chars.len(),
                "{t}"
            );
        }
    }
}

#[test]
fn bounded() {
    let long = "收到政府信息公开申请1件，".repeat(5000);
    let c = claims(&long);
    assert!(c.len() <= MAX_CLAIMS);
}

#[test]
fn a_huge_number_before_a_decimal_wan_saturates_without_overflow() {
    // Found by the `narrative` fuzz target: digits past i64 then "20.30万条" overflowed while
    // adding the fraction to the saturated value.
    let text = format!("省直部门公开{}20.30万条，占比2.82%。", "9".repeat(100));
    let _ = claims(&text);
    let _ = claims("主动公开7.9万条，占比0.94%；省直部门公开99999999999999999999.30万条。");
}

#[test]
fn result_words_counts_the_kinds_named_anywhere() {
    // The byte scan against its definition: a kind counts when any of its words occurs.
    let kinds: [&[&str]; 6] = [
        &["予以公开", "同意公开"],
        &["部分公开"],
        &["不予公开", "禁止公开", "国家秘密"],
        &["无法提供", "不掌握"],
        &["不予处理"],
        &["其他处理"],
    ];
    let texts = [
        "",
        "予",
        "予以公开",
        "其中予以公开18件，部分公开2件，不予公开（国家秘密）1件，无法提供3件。",
        "本机关不掌握相关信息；不予处理 2 件、其他处理1件。同意公开",
        "予以公予以公开部分公禁止公开",
        "全文 ab 予以 公开，部份公开",
        "xx其他处理",
    ];
    for t in texts {
        let expected = kinds
            .iter()
            .filter(|ws| ws.iter().any(|w| t.contains(w)))
            .count();
        assert_eq!(sentences::result_words(t), expected, "{t}");
    }
}

#[test]
fn decode_into_is_chars_take() {
    // The hand decoder against its definition: every length of UTF-8 sequence, every limit, and
    // a buffer that held something before.
    let texts = [
        String::new(),
        "abc".into(),
        "共收到申请１２件，é ß \u{3000}\u{FEFF}。".into(),
        "😀𠀀a中\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}".into(),
        (0u32..0x3_0000)
            .step_by(7)
            .filter_map(char::from_u32)
            .collect(),
    ];
    let mut buf = vec!['x'; 3];
    for t in &texts {
        for max in [0, 1, 2, 5, 17, usize::MAX] {
            sentences::decode_into(t, max, &mut buf);
            let expected: Vec<char> = t.chars().take(max).collect();
            assert_eq!(buf, expected, "{max}");
        }
    }
}

#[test]
fn sentence_about_applications_is_its_definition() {
    // The shortcut (申请 in the sentence itself, or a full sentence that is the sentence) against
    // the definition: 申请 in the full sentence around it, blanks dropped.
    let paragraphs = [
        "共收到申请 5 件；办结 5 件。",
        "共收到申 请 5 件；办结 5 件。答复 3 件",
        "办结 5 件；共收到申请5件。",
        "  办结5件。  申请\n公开 3 件；申\n请",
        "申请；；申请。申",
        "申。请；申请",
    ];
    for text in paragraphs {
        let chars: Vec<char> = text.chars().collect();
        for (s, e) in sentences::sentences(&chars) {
            let sentence = sentences::Sentence::new(&chars, s, e, &|| false);
            // The definition: 申请 in the full sentence, or a receipt of disclosure.
            let received = sentence.all_hits.windows(2).any(|w| {
                w[0].cue == lexicon::Cue::Receive
                    && w[1].cue == lexicon::Cue::App
                    && w[1].start <= w[0].end + 2
            });
            let expected = sentences::full_sentence(&chars, s, e).contains("申请") || received;
            assert_eq!(sentence.about_applications, expected, "{text} {s}..{e}");
        }
    }
}

#[test]
fn cue_scan_is_longest_match_in_cues_order() {
    // The indexed scan against its definition: at each position the longest cue that matches
    // (the last of equal length in CUES order), then past it; over the real-prose corpus.
    let corpus = include_str!("../../../tests/fixtures/narrative/corpus.tsv");
    let cues: Vec<Vec<char>> = lexicon::CUES
        .iter()
        .map(|(w, _)| w.chars().collect())
        .collect();
    let mut texts = 0;
    for line in corpus.lines().filter(|l| !l.starts_with('#')) {
        let Some(text) = line.split('\t').nth(1) else {
            continue;
        };
        texts += 1;
        let chars: Vec<char> = text.chars().collect();
        for (s, e) in sentences::sentences(&chars) {
            let sentence = sentences::Sentence::new(&chars, s, e, &|| false);
            let c = &sentence.c;
            let mut expected = Vec::new();
            let mut k = 0;
            while k < c.len() {
                let best = cues
                    .iter()
                    .enumerate()
                    .filter(|(_, w)| c.get(k..k + w.len()) == Some(w.as_slice()))
                    .max_by_key(|(_, w)| w.len());
                match best {
                    Some((i, w)) => {
                        expected.push((k, k + w.len(), lexicon::CUES[i].1));
                        k += w.len();
                    }
                    None => k += 1,
                }
            }
            let mut hits = Vec::new();
            sentence.scan_hits_into(&mut hits);
            let got: Vec<_> = hits.iter().map(|h| (h.start, h.end, h.cue)).collect();
            assert_eq!(got, expected, "{text}");
        }
    }
    assert!(texts > 1000, "{texts} texts");
}
