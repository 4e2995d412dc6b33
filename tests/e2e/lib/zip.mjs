// Minimal zip reader/writer and .docx editing helpers for building test fixtures and the bundled
// sample. Reads through the central directory (stored or deflated entries), writes deflated entries.
// No dependencies: node:zlib only.
import { inflateRawSync, deflateRawSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Reads a zip into an ordered array of {name, data} (data inflated). */
export function readZip(bytes) {
  const buf = Buffer.from(bytes);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error('not a zip: no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const lNameLen = buf.readUInt16LE(local + 26);
    const lExtraLen = buf.readUInt16LE(local + 28);
    const start = local + 30 + lNameLen + lExtraLen;
    const raw = buf.subarray(start, start + csize);
    const data = method === 0 ? Buffer.from(raw) : inflateRawSync(raw);
    entries.push({ name, data });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * Writes entries [{name, data, store?, declaredSize?}] as a zip. `declaredSize` overrides the
 * uncompressed size written in the headers (to build hostile files).
 */
export function writeZip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const e of entries) {
    const data = Buffer.from(e.data);
    const name = Buffer.from(e.name, 'utf8');
    const method = e.store ? 0 : 8;
    const body = e.store ? data : deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const size = e.declaredSize ?? data.length;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0x0800, 6); // UTF-8 names
    lh.writeUInt16LE(method, 8);
    lh.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(body.length, 18);
    lh.writeUInt32LE(size, 22);
    lh.writeUInt16LE(name.length, 26);
    lh.writeUInt16LE(0, 28);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0x0800, 8);
    ch.writeUInt16LE(method, 10);
    ch.writeUInt32LE(0x00210000, 12);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(body.length, 20);
    ch.writeUInt32LE(size, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, body);
    centrals.push(ch, name);
    offset += lh.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** Applies `edit(xml) → xml` to word/document.xml of a .docx and returns the new package bytes. */
export function editDocumentXml(docxBytes, edit) {
  const entries = readZip(docxBytes);
  const doc = entries.find((e) => e.name === 'word/document.xml');
  if (!doc) throw new Error('no word/document.xml');
  doc.data = Buffer.from(edit(doc.data.toString('utf8')), 'utf8');
  return writeZip(entries);
}

function escapeXml(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** [start, end) of every match of a balanced element `tag` at the top level of `xml`. */
function elementSpans(xml, tag, from = 0, to = xml.length) {
  const spans = [];
  const open = new RegExp(`<${tag}[ >]|<${tag}/>|</${tag}>`, 'g');
  open.lastIndex = from;
  let depth = 0;
  let start = -1;
  let m;
  while ((m = open.exec(xml)) && m.index < to) {
    if (m[0].startsWith('</')) {
      depth--;
      if (depth === 0) spans.push([start, m.index + m[0].length]);
    } else if (m[0].endsWith('/>')) {
      if (depth === 0) spans.push([m.index, m.index + m[0].length]);
    } else {
      if (depth === 0) start = m.index;
      depth++;
    }
  }
  return spans;
}

/**
 * Replaces the text of one cell: physical table `t` (document order, top-level tables), row `r`,
 * and the `c`-th <w:tc> of that row (not the grid column). The first run keeps the text; other
 * runs' texts are emptied. A cell without runs gets one.
 */
export function setCellText(xml, t, r, c, text) {
  const body = xml.indexOf('<w:body>');
  const tbl = elementSpans(xml, 'w:tbl', body)[t];
  if (!tbl) throw new Error(`no table ${t}`);
  const tr = elementSpans(xml, 'w:tr', tbl[0] + 1, tbl[1])[r];
  if (!tr) throw new Error(`no row ${r} in table ${t}`);
  const tc = elementSpans(xml, 'w:tc', tr[0] + 1, tr[1])[c];
  if (!tc) throw new Error(`no cell ${c} in row ${r} of table ${t}`);
  let cell = xml.slice(tc[0], tc[1]);
  const safe = escapeXml(text);
  let first = true;
  if (/<w:t[ >]/.test(cell)) {
    cell = cell.replace(/<w:t(?: [^>]*)?>[^<]*<\/w:t>/g, () => {
      const out = first ? `<w:t xml:space="preserve">${safe}</w:t>` : '<w:t></w:t>';
      first = false;
      return out;
    });
  } else {
    cell = cell.replace(/<\/w:p>/, `<w:r><w:t xml:space="preserve">${safe}</w:t></w:r></w:p>`);
  }
  return xml.slice(0, tc[0]) + cell + xml.slice(tc[1]);
}

/** Replaces one cell's text in a .docx (see setCellText). */
export function withCells(docxBytes, edits) {
  return editDocumentXml(docxBytes, (xml) =>
    edits.reduce((x, [t, r, c, text]) => setCellText(x, t, r, c, text), xml));
}
