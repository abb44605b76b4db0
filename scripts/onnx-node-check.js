// Scores a bundle's golden examples with the Node code of its model card, which uses nothing but the ONNX graph
// (onnx-io.json says how to feed it), in Node with onnxruntime-node, and compares with the expected outputs: the
// hand-off checked outside the JVM, with the code engineers are given.
//
//   npm install --ignore-scripts onnxruntime-node@1.20.1
//   unzip MODEL.baton model/model.onnx model/onnx-io.json examples/input.csv examples/expected.csv MODEL_CARD.md -d DIR
//   NODE_PATH=node_modules node scripts/onnx-node-check.js DIR
//
// Exit 0 when every label is the same and every probability (or relative value) within the tolerance of onnx-io.json.
'use strict';
const fs = require('fs');
const path = require('path');

function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

const DAY = 86400000;

function number(input, text, missing) {
  if (text === undefined || missing.has(text)) return NaN;
  switch (input.type) {
    case 'date': {
      const m = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(text);
      if (!m) throw new Error(`${input.name}: '${text}' is not an ISO date (yyyy-MM-dd)`);
      return Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY;
    }
    case 'date-time': {
      const ms = Date.parse(text.trim().replace(' ', 'T') + (/[zZ]|[+-]\d{2}:?\d{2}$/.test(text.trim()) ? '' : 'Z'));
      if (Number.isNaN(ms)) throw new Error(`${input.name}: '${text}' is not an ISO date-time`);
      return ms;
    }
    case 'boolean': return /^(true|yes|y|1)$/i.test(text.trim()) ? 1 : /^(false|no|n|0)$/i.test(text.trim()) ? 0 : NaN;
    default: return Number(text);
  }
}

async function main(dir) {
  const io = JSON.parse(fs.readFileSync(path.join(dir, 'model', 'onnx-io.json'), 'utf8'));
  if (io.kind !== 'pipeline') throw new Error('onnx-io.json describes the model alone: ' + io.preparation);
  const [header, ...rows] = parseCsv(fs.readFileSync(path.join(dir, 'examples', 'input.csv'), 'utf8')).filter(r => r.length > 1 || r[0] !== '');
  const [expHeader, ...expected] = parseCsv(fs.readFileSync(path.join(dir, 'examples', 'expected.csv'), 'utf8')).filter(r => r.length > 1 || r[0] !== '');
  const missing = new Set(io.missingTokens);
  const n = rows.length;
  // Records as an engineer has them: numbers, 1/0, days and milliseconds since 1970 as numbers, texts as texts.
  const records = rows.map(r => {
    const record = {};
    for (const input of io.inputs) {
      const at = header.indexOf(input.name);
      const t = at < 0 ? undefined : r[at];
      if (input.tensor.startsWith('string')) {
        record[input.name] = t === undefined || missing.has(t) ? null : t;
      } else {
        const v = number(input, t, missing);
        record[input.name] = Number.isNaN(v) ? null : v;
      }
    }
    return record;
  });
  // Scored by the model card's own Node code, as written: the check is of what engineers are told to run.
  const card = fs.readFileSync(path.join(dir, 'MODEL_CARD.md'), 'utf8');
  const code = /```js\n([\s\S]*?)```/.exec(card);
  if (!code) throw new Error('MODEL_CARD.md has no Node code');
  const snippet = {};
  new Function('require', 'snippet', code[1] + '\nsnippet.score = score;')(require, snippet);
  const version = require('onnxruntime-node/package.json').version;
  process.chdir(path.join(dir, 'model'));
  const out = await snippet.score(records);
  const problems = [];
  let max = 0;
  for (let r = 0; r < n; r++) {
    const want = Object.fromEntries(expHeader.map((h, i) => [h, expected[r][i]]));
    if (io.outputs.includes('prediction')) {
      const got = out.prediction[r], value = Number(want.value);
      const d = Math.abs(got - value) / Math.max(1, Math.abs(value));
      max = Math.max(max, d);
      if (!(d <= io.tolerance)) problems.push(`row ${r + 1}: expected ${value}, got ${got}`);
      continue;
    }
    if (out.label[r] !== want.label) problems.push(`row ${r + 1}: expected ${want.label}, got ${out.label[r]}`);
    if (out.probabilities) {
      io.classes.forEach((c, k) => {
        const col = 'probability:' + c;
        if (!(col in want)) return;
        const d = Math.abs(out.probabilities[r * io.classes.length + k] - Number(want[col]));
        max = Math.max(max, d);
        if (!(d <= io.tolerance)) problems.push(`row ${r + 1}: probability of ${c} off by ${d}`);
      });
    }
  }
  console.log(`${dir}: ${n} golden rows scored by onnxruntime-node ${version}; `
    + `${problems.length} differences; largest ${max.toExponential(2)} (tolerance ${io.tolerance})`);
  problems.slice(0, 10).forEach(p => console.log('  ' + p));
  process.exit(problems.length === 0 ? 0 : 1);
}

main(path.resolve(process.argv[2])).catch(e => { console.error(e.message); process.exit(2); });
