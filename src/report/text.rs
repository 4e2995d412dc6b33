//! Recognition of the text: title, agency, year, the six sections, the signing date and
//! narrative cues.

use super::formats;
use super::labels;
use super::normalize::{
    fold_width, is_blank, norm, split_heading_number, trim_blank, HeadingNumber,
};
use super::{kind, narrative, ProseParagraph, Report, Section, TextSpan};
use crate::model::{Block, Document, Paragraph};
use std::ops::Range;

/// Reads title, agency, year, sections, signing date and narrative cues from the blocks
/// `blocks` of the document (the report's share of it).
pub(super) fn read_text(doc: &Document, blocks: Range<usize>, report: &mut Report) {
    let (start, end) = (blocks.start, blocks.end.min(doc.blocks.len()));
    let paragraphs: Vec<(usize, &Paragraph)> = doc
        .blocks
        .iter()
        .enumerate()
        .take(end)
        .skip(start)
        .filter_map(|(i, b)| match b {
            Block::Paragraph(p) if !trim_blank(&p.text).is_empty() => Some((i, p)),
            _ => None,
        })
        .collect();

    for &(i, p) in &paragraphs {
        if let Some((index, number, standard)) = detect_section(p) {
            let section = Section {
                index,
                block: i,
                text: trim_blank(&p.text).to_string(),
                number,
                auto_numbered: p.numbered,
                standard_title: standard,
                span: whole_span(p),
            };
            // The heading that gives way (or the later one) is kept as a repeat.
            let repeat = match report.sections.iter_mut().find(|s| s.index == index) {
                None => {
                    report.sections.push(section);
                    None
                }
                // A reworded heading found first (a sub-heading of 一 numbered like a section)
                // gives way to the template's heading found later.
                Some(s) if !s.standard_title && standard => Some(std::mem::replace(s, section)),
                // A section numbered "2、" (a sub-heading of 一) gives way to one numbered "二、".
                Some(s)
                    if matches!(s.number, Some(HeadingNumber::Arabic(_)))
                        && matches!(section.number, Some(HeadingNumber::Chinese(_))) =>
                {
                    Some(std::mem::replace(s, section))
                }
                Some(_) => Some(section),
            };
            if let Some(r) = repeat {
                if report.repeated_sections.len() < MAX_REPEATED_HEADINGS {
                    report.repeated_sections.push(r);
                }
            }
        }
    }
    drop_table_of_contents(doc, &paragraphs, report);
    let first_section_block = report.sections.iter().map(|s| s.block).min();
    let first_table_block = doc
        .blocks
        .iter()
        .enumerate()
        .take(end)
        .skip(start)
        .find(|(_, b)| matches!(b, Block::Table(_)))
        .map_or(end, |(i, _)| i);
    let head_end = first_section_block.unwrap_or(first_table_block);

    // Title: a short paragraph before the first section that names the report.
    let head: Vec<&(usize, &Paragraph)> =
        paragraphs.iter().filter(|(i, _)| *i < head_end).collect();
    // A title may be split over two paragraphs ("2024 年上海市科委政府信息公开工作" / "年度报告").
    let short = |p: &Paragraph| p.text.chars().count() <= 40 && !p.text.contains('。');
    let found = head
        .iter()
        .position(|(_, p)| is_title(&p.text))
        .map(|pos| (pos, trim_blank(&head[pos].1.text).to_string()))
        .or_else(|| {
            head.windows(2)
                .position(|w| {
                    short(w[0].1)
                        && short(w[1].1)
                        && is_title(&format!("{}{}", w[0].1.text, w[1].1.text))
                })
                .map(|pos| {
                    (
                        pos,
                        format!(
                            "{}{}",
                            trim_blank(&head[pos].1.text),
                            trim_blank(&head[pos + 1].1.text)
                        ),
                    )
                })
        });
    if let Some((pos, text)) = found {
        if let Some((_, p)) = head.get(pos) {
            let (agency, year) = title_agency_year(&text);
            report.title_year = year;
            let agency = agency.unwrap_or_default();
            if agency.chars().count() >= 2 {
                report.agency = Some(agency);
            } else if pos > 0 {
                if let Some((_, prev)) = head.get(pos - 1) {
                    let t = trim_blank(&prev.text);
                    if t.chars().count() <= 40 && !t.contains('。') && !t.contains("报告") {
                        report.agency = Some(t.to_string());
                    }
                }
            }
            report.title = Some(text);
            report.title_span = Some(whole_span(p));
        }
    }

    // The first year named in section 一 (or the preface).
    let text_from = first_section_block.unwrap_or(start);
    let text_year = paragraphs
        .iter()
        .filter(|(i, _)| *i >= text_from)
        .filter(|(_, p)| detect_section(p).is_none())
        .take(3)
        .find_map(|(_, p)| find_year(&p.text).map(|(y, at)| (y, year_span(p, at))));
    report.text_year = text_year.as_ref().map(|(y, _)| *y);
    report.text_year_span = text_year.map(|(_, s)| s);

    // Signing date: a line holding only a date, after section 六 (or near the end).
    let six = report
        .sections
        .iter()
        .find(|s| s.index == 5)
        .map(|s| s.block);
    let tail_from = six.unwrap_or_else(|| {
        (start + paragraphs.len().saturating_sub(8))
            .min(paragraphs.last().map(|(i, _)| *i).unwrap_or(start))
    });
    let tail: Vec<&(usize, &Paragraph)> =
        paragraphs.iter().filter(|(i, _)| *i >= tail_from).collect();
    if let Some(k) = tail
        .iter()
        .position(|(_, p)| parse_date_line(&p.text).is_some())
    {
        report.date = tail.get(k).and_then(|(_, p)| parse_date_line(&p.text));
        report.date_span = tail.get(k).map(|(_, p)| whole_span(p));
        if report.agency.is_none() && k > 0 {
            if let Some((_, sig)) = tail.get(k - 1) {
                let t = trim_blank(&sig.text);
                if (2..=40).contains(&t.chars().count())
                    && !t.contains('。')
                    && !t.contains('：')
                    && detect_section(sig).is_none()
                {
                    report.agency = Some(t.to_string());
                }
            }
        }
    }

    report.year = report
        .title_year
        .or(report.text_year)
        .or(report.date.map(|(y, _, _)| y - 1));

    report.claims = narrative_claims(&paragraphs, report);

    report.prose = prose(&paragraphs, report);
    let texts: Vec<&str> = report.prose.iter().map(|p| p.text.as_str()).collect();
    report.kind = Some(kind::infer(report.agency.as_deref(), &texts));
}

/// The claims of the prose: every paragraph outside the tables except the title, the section
/// headings and the signing date, with the part of the report it belongs to.
fn narrative_claims(paragraphs: &[(usize, &Paragraph)], report: &Report) -> Vec<narrative::Claim> {
    let title = report.title_span.as_ref().map(|s| s.paragraph);
    let date = report.date_span.as_ref().map(|s| s.paragraph);
    let mut heads: Vec<(usize, usize)> =
        report.sections.iter().map(|s| (s.block, s.index)).collect();
    crate::order::sort(&mut heads);
    let prose: Vec<narrative::Para> = paragraphs
        .iter()
        .filter(|(i, p)| {
            Some(p.source) != title && Some(p.source) != date && !heads.iter().any(|(b, _)| b == i)
        })
        .map(|(i, p)| {
            let part = match heads.iter().rev().find(|(b, _)| b < i) {
                Some((_, index)) => narrative::Part::Section(*index as u8),
                None => narrative::Part::Preface,
            };
            narrative::Para {
                text: &p.text,
                source: p.source,
                part,
            }
        })
        .collect();
    narrative::extract(&prose, report.year)
}

/// A table of contents (目录) lists the section headings one after the other before the body:
/// a run of at least three headings with nothing between them (no prose, no table), each found
/// again further on. Its entries are not the report's headings: they are dropped, and the body's
/// headings take their place.
fn drop_table_of_contents(doc: &Document, paragraphs: &[(usize, &Paragraph)], report: &mut Report) {
    let mut heads: Vec<(usize, usize)> = report
        .sections
        .iter()
        .chain(&report.repeated_sections)
        .map(|s| (s.block, s.index))
        .collect();
    crate::order::sort_unstable(&mut heads);
    let is_head = |b: usize| heads.binary_search_by_key(&b, |(hb, _)| *hb).is_ok();
    // Runs of headings that follow each other: the next non-blank paragraph is a heading and
    // no table lies between.
    let mut toc: Vec<usize> = Vec::new();
    let mut run: Vec<(usize, usize)> = Vec::new();
    let flush = |run: &mut Vec<(usize, usize)>, toc: &mut Vec<usize>| {
        let repeated_later = |&(b, i): &(usize, usize)| {
            heads
                .iter()
                .any(|(hb, hi)| *hi == i && *hb > b && !run.iter().any(|(rb, _)| rb == hb))
        };
        if run.len() >= 3 && run.iter().all(repeated_later) {
            toc.extend(run.iter().map(|(b, _)| *b));
        }
        run.clear();
    };
    for (k, &(b, i)) in heads.iter().enumerate() {
        // A contents lists each section once, in order: a heading of a section already listed
        // (the body's 一 right after the contents) starts a new run.
        if run.last().is_some_and(|(_, last)| i <= *last) {
            flush(&mut run, &mut toc);
        }
        run.push((b, i));
        let next_para = paragraphs.iter().map(|(pb, _)| *pb).find(|pb| *pb > b);
        let continues = next_para.is_some_and(|nb| {
            is_head(nb)
                && heads.get(k + 1).is_some_and(|(hb, _)| *hb == nb)
                && !doc
                    .blocks
                    .iter()
                    .take(nb)
                    .skip(b + 1)
                    .any(|blk| matches!(blk, Block::Table(_)))
        });
        if !continues {
            flush(&mut run, &mut toc);
        }
    }
    if toc.is_empty() {
        return;
    }
    let mut all: Vec<Section> = std::mem::take(&mut report.sections);
    all.append(&mut report.repeated_sections);
    all.retain(|s| !toc.contains(&s.block));
    crate::order::sort_by_key(&mut all, |s| s.block);
    for s in all {
        if report.sections.iter().any(|x| x.index == s.index) {
            report.repeated_sections.push(s);
        } else {
            report.sections.push(s);
        }
    }
}

/// The paragraphs of the prose: all but the title, the section headings and the date line,
/// each with the section it belongs to.
fn prose(paragraphs: &[(usize, &Paragraph)], report: &Report) -> Vec<ProseParagraph> {
    let title = report.title_span.as_ref().map(|s| s.paragraph);
    let date = report.date_span.as_ref().map(|s| s.paragraph);
    // Every heading is left out of the prose; a heading starts a section unless it is a weak
    // one (numbering at odds with its section) followed by a firm heading of the same section,
    // i.e. a sub-heading that reads like a section title.
    let mut heads: Vec<(usize, Option<usize>)> = report
        .headings()
        .map(|s| {
            let sub = !report.is_firm(s)
                && report
                    .headings()
                    .any(|f| f.index == s.index && report.is_firm(f) && f.block > s.block);
            (s.block, (!sub).then_some(s.index))
        })
        .collect();
    crate::order::sort_unstable(&mut heads);
    // The signature: the agency line right above the date line, or a line that is just the
    // agency's name after the last heading.
    let signature = date.and_then(|d| {
        let k = paragraphs.iter().position(|(_, p)| p.source == d)?;
        let (_, p) = paragraphs.get(k.checked_sub(1)?)?;
        let t = trim_blank(&p.text);
        (t.chars().count() <= 40 && !t.contains('。') && !t.contains('；')).then_some(p.source)
    });
    let last_head = heads.last().map_or(0, |(b, _)| *b);
    let agency = report.agency.as_deref();
    // Paragraphs and headings are both in block order: one cursor over the headings.
    let mut next_head = 0;
    let mut section: Option<usize> = None;
    let mut out = Vec::new();
    for (i, p) in paragraphs {
        while let Some((b, index)) = heads.get(next_head) {
            if b >= i {
                break;
            }
            if index.is_some() {
                section = *index;
            }
            next_head += 1;
        }
        let keep = Some(p.source) != title
            && Some(p.source) != date
            && Some(p.source) != signature
            && !(*i > last_head && agency.is_some_and(|a| trim_blank(&p.text) == a))
            && heads.get(next_head).is_none_or(|(b, _)| b != i);
        if keep {
            out.push(ProseParagraph {
                source: p.source,
                block: *i,
                section,
                text: p.text.clone(),
            });
        }
    }
    out
}

/// Repeated section headings kept (enough to report them; a hostile document may repeat one
/// heading on every paragraph).
const MAX_REPEATED_HEADINGS: usize = 16;

/// Byte offset of `part`, a slice of `whole`, within `whole`.
fn offset_in(whole: &str, part: &str) -> usize {
    (part.as_ptr() as usize)
        .saturating_sub(whole.as_ptr() as usize)
        .min(whole.len())
}

/// The span of bytes `from..to` of a paragraph's text, with `sentence` as its sentence.
fn span(p: &Paragraph, from: usize, to: usize, sentence: &str) -> TextSpan {
    let start = p.text.get(..from).map_or(0, |s| s.chars().count());
    let len = p.text.get(from..to).map_or(0, |s| s.chars().count());
    TextSpan {
        paragraph: p.source,
        start,
        end: start + len,
        sentence: sentence.to_string(),
    }
}

/// The span of bytes `from..to` of the text of paragraph `source`, with the sentence (split at
/// 。, ； and line breaks) holding its start.
pub fn text_span(source: usize, text: &str, from: usize, to: usize) -> TextSpan {
    let sentence = sentences(text)
        .find(|(start, s)| from >= *start && from <= start + s.len())
        .map_or("", |(_, s)| trim_blank(s));
    let start = text.get(..from).map_or(0, |s| s.chars().count());
    let len = text.get(from..to).map_or(0, |s| s.chars().count());
    TextSpan {
        paragraph: source,
        start,
        end: start + len,
        sentence: sentence.to_string(),
    }
}

/// The paragraph's text without leading and trailing blanks, as a span.
fn whole_span(p: &Paragraph) -> TextSpan {
    let t = trim_blank(&p.text);
    let from = offset_in(&p.text, t);
    span(p, from, from + t.len(), t)
}

/// The sentences of a text (split at 。, ； and line breaks), each with its byte offset.
fn sentences(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    text.split(['。', '；', '\n']).map(move |s| {
        let start = at;
        let end = start + s.len();
        at = end
            + text
                .get(end..)
                .and_then(|r| r.chars().next())
                .map_or(0, char::len_utf8);
        (start, s)
    })
}

/// The span of the year written at byte `at` (`YYYY年`), with the sentence holding it.
fn year_span(p: &Paragraph, at: usize) -> TextSpan {
    let to = p.text.get(at..).map_or(at, |r| {
        at + r.chars().take(5).map(char::len_utf8).sum::<usize>()
    });
    let sentence = sentences(&p.text)
        .find(|(start, s)| at >= *start && at < start + s.len())
        .map_or("", |(_, s)| trim_blank(s));
    span(p, at, to, sentence)
}

pub(super) fn is_title(text: &str) -> bool {
    let n = norm(text);
    n.chars().count() <= 60
        && n.contains("政府信息公开")
        && n.contains("报告")
        && !n.starts_with("根据")
        // A sentence of the preface is no title.
        && !text.contains(['。', '，', '；'])
}

/// The agency and the year named in a title line: `XX区2019年度政府信息公开工作年度报告`,
/// `XX管委会 2022 年…`, `关于XX县2022年度…`, `XX县人民政府办公室关于2022年…的公告`,
/// `《…》`, the year in Chinese numerals (`二〇二二年`), blanks and line breaks anywhere.
pub fn title_agency_year(text: &str) -> (Option<String>, Option<i32>) {
    let t: String = text
        .chars()
        .filter(|c| !is_blank(*c))
        .map(fold_width)
        .take(200)
        .collect();
    let t = t.trim_matches(['《', '》', '“', '”', '"', '【', '】']);
    let year = find_year(t).or_else(|| find_cn_year(t));
    let Some(cut) = year.map(|(_, at)| at).or_else(|| t.find("政府信息公开")) else {
        return (None, None);
    };
    let mut agency = &t[..cut];
    // "某某局政府信息公开工作年度报告（2022年度）": the year comes after the report's name.
    if let Some(i) = agency.find("政府信息公开") {
        agency = &agency[..i];
    }
    if let Some(i) = agency.find("关于") {
        agency = if i == 0 {
            &agency["关于".len()..]
        } else {
            &agency[..i]
        };
    }
    let mut agency = agency
        .trim_end_matches(['（', '(', '《', '“', '的', '-', '—', '_'])
        .trim_start_matches(['（', '(']);
    // The year first: "2019年上海市人民政府办公厅政府信息公开工作年度报告".
    if agency.is_empty() {
        if let Some((_, at)) = year {
            let after = t.get(at..).unwrap_or("");
            let after = after.split_once('年').map_or("", |(_, rest)| rest);
            let after = after.strip_prefix('度').unwrap_or(after);
            let end = ["政府信息公开", "关于"]
                .iter()
                .filter_map(|m| after.find(m))
                .min()
                .unwrap_or(0);
            agency = after
                .get(..end)
                .unwrap_or("")
                .trim_end_matches(['的', '（', '(']);
        }
    }
    let agency = (!agency.is_empty()).then(|| agency.to_string());
    (agency, year.map(|(y, _)| y))
}

/// A year written in Chinese numerals digit by digit (`二〇二二年`), with its byte offset.
fn find_cn_year(text: &str) -> Option<(i32, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for w in chars.windows(5) {
        let [(at, _), .., (_, '年')] = w else {
            continue;
        };
        let mut v = 0i32;
        for (_, c) in w.iter().take(4) {
            match crate::report::numeral::chinese_digit(*c) {
                Some(d) => v = v * 10 + d as i32,
                _ => {
                    v = -1;
                    break;
                }
            }
        }
        if (2000..=2100).contains(&v) {
            return Some((v, *at));
        }
    }
    None
}

/// The section a paragraph is the heading of: (index, number prefix, standard title).
pub fn detect_section(p: &Paragraph) -> Option<(usize, Option<HeadingNumber>, bool)> {
    let text = trim_blank(&p.text);
    if text.chars().count() > 48 {
        return None;
    }
    let (number, rest) = split_heading_number(text);
    if matches!(number, Some(HeadingNumber::Parenthesized(_))) {
        return None;
    }
    let n = norm(rest);
    if n.is_empty() {
        return None;
    }
    if let Some(i) = formats::SECTION_ALTERNATIVES
        .iter()
        .position(|alts| alts.contains(&n.as_str()))
    {
        return Some((i, number, true));
    }
    if number.is_none() && !p.numbered {
        return None;
    }
    let idx = if let Some(i) = old_heading_index(&n) {
        i
    } else {
        // A reworded or mistyped heading: matched tolerantly, but only with the section's own
        // number (a numbered sub-heading of 一 must not be taken for a section).
        let i = labels::match_section(rest).index()?;
        let own = match number {
            Some(HeadingNumber::Chinese(k) | HeadingNumber::Arabic(k)) => k as usize == i + 1,
            _ => p.numbered,
        };
        if !own {
            return None;
        }
        i
    };
    Some((idx, number, false))
}

/// The section of a heading by the phrases of the template's and notices' wording.
fn old_heading_index(n: &str) -> Option<usize> {
    let idx = if n.ends_with("总体情况") && n.chars().count() <= 12 {
        0
    } else if n.contains("主动公开政府信息") {
        1
    } else if n.contains("政府信息公开申请") && (n.contains("收到") || n.contains("处理"))
    {
        2
    } else if n.contains("行政复议") && n.contains("行政诉讼") {
        3
    } else if n.contains("问题") && n.contains("改进") {
        4
    } else if n.contains("其他需要报告") {
        5
    } else {
        return None;
    };
    Some(idx)
}

/// The first year (2000–2100) written as `YYYY年`, with its byte offset.
pub fn find_year(text: &str) -> Option<(i32, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for w in 0..chars.len() {
        let Some(&(start, _)) = chars.get(w) else {
            break;
        };
        let mut v = 0i32;
        let mut k = 0;
        while k < 4 {
            match chars
                .get(w + k)
                .and_then(|(_, c)| crate::report::normalize::fold_width(*c).to_digit(10))
            {
                Some(d) => v = v * 10 + d as i32,
                None => break,
            }
            k += 1;
        }
        if k == 4 && (2000..=2100).contains(&v) {
            let before_digit = w > 0
                && chars.get(w - 1).is_some_and(|(_, c)| {
                    crate::report::normalize::fold_width(*c).is_ascii_digit()
                });
            let after = chars.get(w + 4).map(|(_, c)| *c);
            if !before_digit && after == Some('年') {
                return Some((v, start));
            }
        }
    }
    None
}

/// A line that is only a date: `2022年1月13日` (ASCII or full-width digits) or `二〇二二年一月十三日`.
pub fn parse_date_line(text: &str) -> Option<(i32, u32, u32)> {
    let t: String = text
        .chars()
        .filter(|c| !crate::report::normalize::is_blank(*c))
        .map(crate::report::normalize::fold_width)
        .collect();
    let (y, rest) = t.split_once('年')?;
    let (m, rest) = rest.split_once('月')?;
    let d = rest.strip_suffix('日')?;
    let num = |s: &str| -> Option<u32> {
        if s.is_empty() || s.chars().count() > 4 {
            return None;
        }
        if s.chars().all(|c| c.is_ascii_digit()) {
            return s.parse().ok();
        }
        // Chinese numerals: digit by digit for years (二〇二二), with 十 for months and days.
        let cs: Vec<char> = s.chars().collect();
        let v = crate::report::numeral::parse_chinese(&cs)
            .or_else(|| crate::report::numeral::parse_digitwise(&cs))?;
        u32::try_from(v).ok()
    };
    let (y, m, d) = (num(y)? as i32, num(m)?, num(d)?);
    ((2000..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then_some((y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_and_dates() {
        assert_eq!(
            find_year("宁海县卫生健康局2021年政府信息公开工作年度报告").map(|x| x.0),
            Some(2021)
        );
        assert_eq!(find_year("12021年"), None);
        assert_eq!(find_year("２０２３年"), Some((2023, 0)));
        assert_eq!(parse_date_line(" 2022年1月13日 "), Some((2022, 1, 13)));
        assert_eq!(parse_date_line("二〇二二年一月十三日"), Some((2022, 1, 13)));
        assert_eq!(
            parse_date_line("二〇二二年十二月三十一日"),
            Some((2022, 12, 31))
        );
        assert_eq!(parse_date_line("2022年1月13日发布"), None);
    }

    #[test]
    fn titles() {
        let t = |s: &str| title_agency_year(s);
        assert_eq!(
            t("某某区2019年度政府信息公开工作年度报告"),
            (Some("某某区".into()), Some(2019))
        );
        assert_eq!(
            t("某某区 2019 年度政府信息公开工作年度报告"),
            (Some("某某区".into()), Some(2019))
        );
        assert_eq!(
            t("某某区二〇一九年度政府信息公开工作年度报告"),
            (Some("某某区".into()), Some(2019))
        );
        assert_eq!(
            t("关于某某县2022年度政府信息公开工作年度报告"),
            (Some("某某县".into()), Some(2022))
        );
        assert_eq!(
            t("某某县人民政府办公室关于2022年政府信息公开工作年度报告的公告"),
            (Some("某某县人民政府办公室".into()), Some(2022))
        );
        assert_eq!(
            t("《某某开发区管委会2022年政府信息公开工作年度报告》"),
            (Some("某某开发区管委会".into()), Some(2022))
        );
        assert_eq!(
            t("某某局\n2022年政府信息公开工作年度报告"),
            (Some("某某局".into()), Some(2022))
        );
        assert_eq!(t("2022年度政府信息公开工作年度报告"), (None, Some(2022)));
        assert_eq!(
            t("2019年上海市人民政府办公厅政府信息公开工作年度报告"),
            (Some("上海市人民政府办公厅".into()), Some(2019))
        );
        assert_eq!(
            t("2024 年度上海市科委政府信息公开工作年度报告"),
            (Some("上海市科委".into()), Some(2024))
        );
        assert_eq!(
            t("某某局政府信息公开工作年度报告（2022年度）"),
            (Some("某某局".into()), Some(2022))
        );
        assert_eq!(t("政府信息公开工作年度报告"), (None, None));
        assert_eq!(
            t("某某局政府信息公开工作年度报告"),
            (Some("某某局".into()), None)
        );
    }

    #[test]
    fn section_headings() {
        let p = |t: &str| Paragraph {
            text: t.to_string(),
            ..Paragraph::default()
        };
        assert_eq!(
            detect_section(&p("三、收到和处理政府信息公开申请情况")).map(|s| (s.0, s.2)),
            Some((2, true))
        );
        assert_eq!(
            detect_section(&p("2、 主动公开政府信息情况")).map(|s| s.0),
            Some(1)
        );
        assert_eq!(detect_section(&p("总体情况")).map(|s| s.0), Some(0));
        assert_eq!(detect_section(&p("（1） 主动公开情况")), None);
        assert_eq!(
            detect_section(&p("五、存在的问题及改进情况")).map(|s| (s.0, s.2)),
            Some((4, false))
        );
        let numbered = Paragraph {
            text: "收到和处理政府信息公开申请情况".into(),
            numbered: true,
            ..Paragraph::default()
        };
        assert_eq!(detect_section(&numbered).map(|s| s.0), Some(2));
    }
}
