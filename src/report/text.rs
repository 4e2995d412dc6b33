//! Recognition of the text: title, agency, year, the six sections, the signing date and
//! narrative cues.

use super::formats;
use super::normalize::{norm, split_heading_number, trim_blank, HeadingNumber};
use super::{narrative, Report, Section, TextSpan};
use crate::model::{Block, Document, Paragraph};

/// Reads title, agency, year, sections, signing date and narrative cues.
pub(super) fn read_text(doc: &Document, first_segment: &[(usize, u8)], report: &mut Report) {
    // Blocks that belong to the first report: up to the first table of a second report.
    let second_start_table = if report.report_count > 1 {
        let firsts: Vec<usize> = first_segment.iter().map(|(i, _)| *i).collect();
        doc.tables
            .iter()
            .map(|t| t.index)
            .find(|i| !firsts.contains(i) && *i > firsts.iter().copied().max().unwrap_or(0))
    } else {
        None
    };
    let mut end = doc.blocks.len();
    if let Some(ts) = second_start_table {
        if let Some(b) = doc
            .blocks
            .iter()
            .position(|b| matches!(b, Block::Table(i) if *i == ts))
        {
            // Step back over the second report's title and first sections.
            let mut e = b;
            while e > 0 {
                if let Some(Block::Paragraph(p)) = doc.blocks.get(e - 1) {
                    if detect_section(p).is_some_and(|s| s.0 == 0) || is_title(&p.text) {
                        e -= 1;
                        break;
                    }
                }
                e -= 1;
            }
            end = e.max(1);
        }
    }
    let paragraphs: Vec<(usize, &Paragraph)> = doc
        .blocks
        .iter()
        .take(end)
        .enumerate()
        .filter_map(|(i, b)| match b {
            Block::Paragraph(p) if !trim_blank(&p.text).is_empty() => Some((i, p)),
            _ => None,
        })
        .collect();

    for &(i, p) in &paragraphs {
        if let Some((index, number, standard)) = detect_section(p) {
            if !report.sections.iter().any(|s| s.index == index) {
                report.sections.push(Section {
                    index,
                    block: i,
                    text: trim_blank(&p.text).to_string(),
                    number,
                    auto_numbered: p.numbered,
                    standard_title: standard,
                    span: whole_span(p),
                });
            }
        }
    }
    let first_section_block = report.sections.iter().map(|s| s.block).min();
    let first_table_block = doc
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Table(_)))
        .unwrap_or(end);
    let head_end = first_section_block.unwrap_or(first_table_block);

    // Title: a short paragraph before the first section that names the report.
    let head: Vec<&(usize, &Paragraph)> =
        paragraphs.iter().filter(|(i, _)| *i < head_end).collect();
    if let Some(pos) = head.iter().position(|(_, p)| is_title(&p.text)) {
        if let Some((_, p)) = head.get(pos) {
            let text = trim_blank(&p.text).to_string();
            report.title_year = find_year(&text).map(|(y, _)| y);
            let cut = find_year(&text)
                .map(|(_, at)| at)
                .or_else(|| text.find("政府信息公开"))
                .unwrap_or(0);
            let agency = trim_blank(&text[..cut])
                .trim_end_matches(['（', '(', '《'])
                .to_string();
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
    let text_from = first_section_block.unwrap_or(0);
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
        paragraphs
            .len()
            .saturating_sub(8)
            .min(paragraphs.last().map(|(i, _)| *i).unwrap_or(0))
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
}

/// The claims of the prose: every paragraph outside the tables except the title, the section
/// headings and the signing date, with the part of the report it belongs to.
fn narrative_claims(paragraphs: &[(usize, &Paragraph)], report: &Report) -> Vec<narrative::Claim> {
    let title = report.title_span.as_ref().map(|s| s.paragraph);
    let date = report.date_span.as_ref().map(|s| s.paragraph);
    let mut heads: Vec<(usize, usize)> =
        report.sections.iter().map(|s| (s.block, s.index)).collect();
    heads.sort();
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

fn is_title(text: &str) -> bool {
    let n = norm(text);
    n.chars().count() <= 60
        && n.contains("政府信息公开")
        && n.contains("报告")
        && !n.starts_with("根据")
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
    Some((idx, number, false))
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
        let digits: Vec<u32> = s
            .chars()
            .map(crate::report::normalize::cn_digit)
            .collect::<Option<Vec<_>>>()?;
        if digits.contains(&10) {
            let mut v = 0;
            let mut cur = 0;
            for d in digits {
                if d == 10 {
                    v += if cur == 0 { 10 } else { cur * 10 };
                    cur = 0;
                } else {
                    cur = d;
                }
            }
            Some(v + cur)
        } else {
            Some(digits.iter().fold(0, |a, d| a * 10 + d))
        }
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
