// Fixtures for the cross-year, narrative, report-kind and several-reports tests, built from the
// checked-in pair tests/fixtures/pairs/{2021,2022}.docx (某某县卫生健康局; 2022's 表三 上年结转 does
// not equal 2021's 结转下年度: a broken carry-over).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { editDocumentXml } from './zip.mjs';
import { ROOT } from './harness.mjs';

export const PAIR_2021 = () => readFileSync(join(ROOT, 'tests/fixtures/pairs/2021.docx'));
/** 2022 as checked in: 表三 二、上年结转 is 2 / 1 / 3 (自然人 / 商业企业 / 总计); 2021 carried 1 / 1 / 2. */
export const BROKEN_2022 = () => readFileSync(join(ROOT, 'tests/fixtures/pairs/2022.docx'));

/** [start, end) of each top-level `tag` element between from and to. */
function spans(xml, tag, from, to) {
  const out = [];
  const re = new RegExp(`<${tag}[ >]|</${tag}>`, 'g');
  re.lastIndex = from;
  let depth = 0;
  let start = -1;
  let m;
  while ((m = re.exec(xml)) && m.index < to) {
    if (m[0].startsWith('</')) {
      if (--depth === 0) out.push([start, m.index + m[0].length]);
    } else if (depth++ === 0) start = m.index;
  }
  return out;
}

/**
 * Sets the seven number cells of a 表三 row (physical table `t`, row `r`): 自然人, 商业企业, 科研机构,
 * 社会公益组织, 法律服务机构, 其他, 总计 — the row's last seven <w:tc>.
 */
function setRow(xml, t, r, values) {
  const tbl = spans(xml, 'w:tbl', xml.indexOf('<w:body>'), xml.length)[t];
  const tr = spans(xml, 'w:tr', tbl[0] + 1, tbl[1])[r];
  const tcs = spans(xml, 'w:tc', tr[0] + 1, tr[1]).slice(-values.length);
  // Right to left, so earlier offsets stay valid.
  for (let i = values.length - 1; i >= 0; i--) {
    const [a, b] = tcs[i];
    const cell = xml.slice(a, b).replace(/<w:t(?: [^>]*)?>[^<]*<\/w:t>/, `<w:t xml:space="preserve">${values[i]}</w:t>`);
    xml = xml.slice(0, a) + cell + xml.slice(b);
  }
  return xml;
}

/** 2022 whose carry-over equals 2021's (1 / 1 / 2), its own 表三 still balanced: a consistent pair. */
export const consistent2022 = (edit = (x) => x) => editDocumentXml(BROKEN_2022(), (xml) => edit(
  setRow(setRow(setRow(xml, 1, 4, [1, 1, 0, 0, 0, 0, 2]), 1, 5, [2, 1, 0, 0, 0, 0, 3]), 1, 26, [2, 1, 0, 0, 0, 0, 3])));

/** The consistent 2022 whose 一、总体情况 says 9 applications were received (表三 一 总计 is 1): TX.NEW. */
export const NARRATIVE_CLAIM = '共收到政府信息公开申请9件';
export const narrative2022 = () => consistent2022((xml) => xml.replace(
  '2022年，某某县卫生健康局认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开工作。',
  `2022年，某某县卫生健康局认真贯彻落实《中华人民共和国政府信息公开条例》，全年${NARRATIVE_CLAIM}，均已按时答复。`));

/** The consistent 2022 dated 2023年2月10日: after a department's deadline (1月31日), before a county's (2月20日). */
export const late2022 = () => consistent2022((xml) => xml.replace('2023年1月20日', '2023年2月10日'));

/** One file holding two reports: the consistent 2022 report, then the 2021 report pasted after it. */
export const twoReports = () => {
  const inner = (xml) => xml.slice(xml.indexOf('<w:body>') + '<w:body>'.length, xml.search(/<w:sectPr[ >]/));
  const first = editDocumentXml(PAIR_2021(), (x) => x);
  let earlier = '';
  editDocumentXml(first, (x) => { earlier = inner(x); return x; });
  return consistent2022((xml) => {
    const at = xml.search(/<w:sectPr[ >]/);
    return xml.slice(0, at) + earlier + xml.slice(at);
  });
};
