// Fixture files for the end-to-end tests, built from the seed reports in tests/fixtures/samples.

import { editDocumentXml, readZip, writeZip, withCells } from './zip.mjs';
import { seed } from './harness.mjs';

// Physical tables of seed_001: 0 = 表二, 1 = 表三, 2 = 表四. Edits are (table, row, nth <w:tc>, text).

/** seed_001 with 表三 row （一）予以公开's 总计 (grid row 5, col 9) set to 2; the right value is 1. */
export const wrongTotal = () => withCells(seed(1), [[1, 5, 8, '2']]);

export const XSS = '<img src=x onerror=window.__pwned=1>';
/** seed_001 with markup in a 表二 number cell (规章 · 本年制发件数, grid row 2, col 1). */
export const xss = () => withCells(seed(1), [[0, 2, 1, XSS]]);

/** A readable .docx that is not a report: one paragraph, no tables. */
export const notReport = () => editDocumentXml(seed(1), (xml) =>
  xml.replace(/<w:body>[\s\S]*<\/w:body>/, '<w:body><w:p><w:r><w:t>关于召开年度工作会议的通知</w:t></w:r></w:p></w:body>'));

const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;

/** A compound file (OLE) with the given directory entries under the root: [{name, kind}]. */
function cfb(streams) {
  const out = Buffer.alloc(512 * 3);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(out, 0);
  out.writeUInt16LE(0x3e, 24);
  out.writeUInt16LE(3, 26);
  out.writeUInt16LE(0xfffe, 28);
  out.writeUInt16LE(9, 30);
  out.writeUInt16LE(6, 32);
  out.writeUInt32LE(1, 44); // FAT sectors
  out.writeUInt32LE(1, 48); // first directory sector
  out.writeUInt32LE(4096, 56);
  out.writeUInt32LE(ENDOFCHAIN, 60);
  out.writeUInt32LE(ENDOFCHAIN, 68);
  for (let i = 0; i < 109; i++) out.writeUInt32LE(i === 0 ? 0 : FREESECT, 76 + i * 4);
  const fat = 512;
  for (let i = 0; i < 128; i++) out.writeUInt32LE(FREESECT, fat + i * 4);
  out.writeUInt32LE(FATSECT, fat);
  out.writeUInt32LE(ENDOFCHAIN, fat + 4);
  const dir = 1024;
  const entry = (i, name, kind, child, right) => {
    const at = dir + i * 128;
    const units = Buffer.from(name, 'utf16le');
    units.copy(out, at);
    out.writeUInt16LE(units.length + 2, at + 64);
    out[at + 66] = kind;
    out[at + 67] = 1;
    out.writeUInt32LE(FREESECT, at + 68);
    out.writeUInt32LE(right, at + 72);
    out.writeUInt32LE(child, at + 76);
    out.writeUInt32LE(ENDOFCHAIN, at + 116); // no data sectors
  };
  entry(0, 'Root Entry', 5, streams.length ? 1 : FREESECT, FREESECT);
  streams.forEach((s, i) => entry(i + 1, s, 2, FREESECT, i + 1 < streams.length ? i + 2 : FREESECT));
  return out;
}

/** A password-protected Word document: OLE with EncryptionInfo and EncryptedPackage streams. */
export const encrypted = () => cfb(['EncryptionInfo', 'EncryptedPackage']);

/** A legacy .doc: the OLE signature with a WordDocument stream. */
export const legacyDoc = () => cfb(['WordDocument', '1Table']);

/**
 * A zip bomb: seed_001 whose word/document.xml inflates to 70 MiB (over the 64 MiB part limit)
 * while the file stays about 70 KB.
 */
export function zipBomb() {
  const entries = readZip(seed(1)).filter((e) => e.name !== 'word/document.xml');
  const big = Buffer.alloc(70 * 1024 * 1024, 0x20);
  Buffer.from('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>').copy(big);
  entries.push({ name: 'word/document.xml', data: big });
  return writeZip(entries);
}


/**
 * seed_000 with its findings corrected: no findings at all. The heading "2、 主动公开政府信息情况"
 * (S.TITLEVAR), section 五 naming its problems (S.SEC5PART), section 六 saying that no fee was charged
 * (S.SEC6).
 */
export const clean = () => editDocumentXml(seed(0), (xml) => {
  const edits = [
    ['<w:t>2、 主动公开政府信息情况</w:t>', '<w:t>二、主动公开政府信息情况</w:t>'],
    ['<w:t>下一步，突出公开重点', '<w:t>存在的问题是政策解读形式还不够丰富。下一步，突出公开重点'],
    ['<w:t>无。</w:t>', '<w:t>本年度未收取信息处理费。</w:t>'],
  ];
  let out = xml;
  for (const [from, to] of edits) {
    if (!out.includes(from)) throw new Error(`seed_000: ${from} not found`);
    out = out.replace(from, to);
  }
  return out;
});
