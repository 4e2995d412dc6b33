// Writes dist/: the page as it is served, www/ with each JavaScript file minified by terser (one file
// in, one file out: no bundling, the same names, the same imports) and each stylesheet without its
// comments and runs of blank space. Everything else (index.html, the WebAssembly, the offline file,
// the sample, the .d.ts) is copied as it is. www/ stays the source and what the tests serve; dist/ is
// what to put on a server (it works the same: tests/e2e/download.test.mjs checks it). Each minified
// file ends with a `//# sourceMappingURL=` comment to its map (the source text inside), so a
// browser's debugger shows the readable file.
//   node tools/minify.mjs [OUT=dist]     (scripts/build-web.sh runs it after the offline file)
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const WWW = join(ROOT, 'www');

/** Every file under dir (relative paths). */
function files(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p, base) : [relative(base, p)];
  });
}

/**
 * A stylesheet without comments and with each run of blank space made one space (none next to
 * { } ; , > nor after :, none at the ends); quoted strings are left as they are.
 * @param {string} css
 */
export function minifyCss(css) {
  let out = '';
  for (let i = 0; i < css.length;) {
    const c = css[i];
    if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      i = end < 0 ? css.length : end + 2;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < css.length && css[j] !== c) j += css[j] === '\\' ? 2 : 1;
      out += css.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (/\s/.test(c)) {
      while (i < css.length && /\s/.test(css[i])) i++;
      if (out && !/[{};,>:]$/.test(out) && i < css.length && !/[{};,>]/.test(css[i])) out += ' ';
      continue;
    }
    out += c;
    i++;
  }
  return out.replace(/;}/g, '}').trim() + '\n';
}

/** Minifies www/ into `out`; resolves to [[file, bytes of the source, bytes written]] of what it minified. */
export async function build(out = join(ROOT, 'dist')) {
  out = resolve(out);
  if (out === resolve(WWW) || !relative(WWW, out).startsWith('..')) throw new Error('minify: the output cannot be www/ or inside it');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const done = [];
  for (const f of files(WWW)) {
    const src = join(WWW, f);
    const dst = join(out, f);
    mkdirSync(join(dst, '..'), { recursive: true });
    if (f.endsWith('.js')) {
      const text = readFileSync(src, 'utf8');
      const name = f.split('/').pop();
      const { code, map } = await minify({ [name]: text }, {
        module: true, ecma: 2020, compress: { passes: 2 }, mangle: true,
        format: { comments: false, ascii_only: false },
        sourceMap: { filename: name, url: `${name}.map`, includeSources: true },
      });
      if (code == null) throw new Error(`minify: ${f} gave no output`);
      writeFileSync(dst, code + '\n');
      writeFileSync(`${dst}.map`, typeof map === 'string' ? map : JSON.stringify(map));
      done.push([f, text.length, code.length]);
    } else if (f.endsWith('.css')) {
      const text = readFileSync(src, 'utf8');
      const code = minifyCss(text);
      writeFileSync(dst, code);
      done.push([f, text.length, code.length]);
    } else {
      cpSync(src, dst);
    }
  }
  return done;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = process.argv[2] ?? join(ROOT, 'dist');
  const done = await build(out);
  console.log(`minify: wrote ${out} (${done.length} files minified)`);
}
