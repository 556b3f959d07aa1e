/**
 * Scores the claim detector on the labelled sentences in fixtures/claims/*.jsonl: precision,
 * recall and F1 of check-worthiness and of the unsupported-claim rule (a sentence should be
 * flagged when it is labelled check-worthy and not supported), per file and overall.
 * claims.jsonl was used to tune the detector; heldout.jsonl was written after tuning and not
 * tuned on. Run with `npm run eval` (`-- --verbose` lists every miss and false alarm).
 */
import { readdirSync, readFileSync } from 'node:fs';
import unsupportedClaim from '../rules/unsupported-claim.js';
import { checkDocument } from '../src/engine/check.js';
import { loadDocument } from '../src/input/load.js';
import { loadBuiltinRegistry, packageRoot } from '../src/registry/builtin.js';
import { Registry } from '../src/registry/registry.js';

interface Label {
  passage: string;
  genre: string;
  format?: 'text' | 'markdown';
  paragraph: number;
  text: string;
  checkworthy: boolean;
  supported: boolean;
}

class Score {
  tp = 0;
  fp = 0;
  fn = 0;
  tn = 0;
  add(predicted: boolean, actual: boolean): void {
    if (predicted && actual) this.tp++;
    else if (predicted) this.fp++;
    else if (actual) this.fn++;
    else this.tn++;
  }
  merge(other: Score): void {
    this.tp += other.tp;
    this.fp += other.fp;
    this.fn += other.fn;
    this.tn += other.tn;
  }
  get precision(): number { return this.tp / (this.tp + this.fp || 1); }
  get recall(): number { return this.tp / (this.tp + this.fn || 1); }
  get f1(): number { return (2 * this.precision * this.recall) / (this.precision + this.recall || 1); }
  line(name: string): string {
    // With nothing to find (or nothing found) a ratio is undefined, not zero.
    const pct = (value: number, denominator: number) => (denominator === 0 ? '  n/a' : value.toFixed(3));
    return `${name.padEnd(22)} P ${pct(this.precision, this.tp + this.fp)}  R ${pct(this.recall, this.tp + this.fn)}  F1 ${pct(this.f1, this.tp + this.fp + this.fn)}   (tp ${this.tp}, fp ${this.fp}, fn ${this.fn}, tn ${this.tn})`;
  }
}

const root = `${packageRoot()}/`;
const verbose = process.argv.includes('--verbose');
process.env.CITECHECK_REGISTRY_FROM_YAML = '1';
const { data: registryData, nameIndex } = await loadBuiltinRegistry();
const registry = new Registry(registryData, nameIndex);
interface Scores {
  checkworthy: Score;
  unsupported: Score;
  byGenre: Map<string, Score>;
}

/** Checks every passage of a labelled file and scores its sentences; misses go to `notes`. */
async function evaluate(file: string, notes: string[]): Promise<Scores & { sentences: number; passages: number }> {
  const labels = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as Label);
  const passages = new Map<string, Label[]>();
  for (const label of labels) passages.set(label.passage, [...(passages.get(label.passage) ?? []), label]);
  const scores: Scores = { checkworthy: new Score(), unsupported: new Score(), byGenre: new Map() };
  for (const [name, items] of passages) {
    // The passage: its sentences joined by spaces, paragraphs by blank lines; remember where each starts.
    let text = '';
    const starts: number[] = [];
    items.forEach((item, index) => {
      if (index > 0) text += item.paragraph === items[index - 1]!.paragraph ? ' ' : '\n\n';
      starts.push(text.length);
      text += item.text;
    });
    const format = items[0]!.format ?? 'text';
    const doc = await loadDocument(`${name}.${format === 'markdown' ? 'md' : 'txt'}`, `${text}\n`, format);
    const result = checkDocument(doc, { registry, rules: [unsupportedClaim] });
    const flagged = new Set(result.findings.map((finding) => finding.claimId));
    items.forEach((item, index) => {
      // The claim holding the sentence's first letter (in the original file's offsets).
      const at = starts[index]! + Math.max(0, item.text.search(/[\p{L}\p{N}]/u));
      const claim = result.claims.find((candidate) => doc.map.toOriginalOffset(candidate.start) <= at && at < doc.map.toOriginalOffset(candidate.end - 1) + 1);
      const predictedWorthy = claim?.checkworthy ?? false;
      const predictedFlag = claim ? flagged.has(claim.id) : false;
      const gold = item.checkworthy && !item.supported;
      scores.checkworthy.add(predictedWorthy, item.checkworthy);
      scores.unsupported.add(predictedFlag, gold);
      if (!scores.byGenre.has(item.genre)) scores.byGenre.set(item.genre, new Score());
      scores.byGenre.get(item.genre)!.add(predictedFlag, gold);
      if (predictedWorthy !== item.checkworthy || predictedFlag !== gold) {
        const what = [
          predictedWorthy !== item.checkworthy ? (item.checkworthy ? 'missed check-worthy' : 'false check-worthy') : '',
          predictedFlag !== gold ? (gold ? 'missed unsupported' : 'false unsupported') : '',
        ].filter(Boolean).join(', ');
        notes.push(`${name}: ${what} [score ${claim?.score ?? '-'} ${claim?.features.join(',') ?? 'no claim'}${claim?.supported ? ', supported' : ''}]\n    ${item.text}`);
      }
    });
  }
  return { ...scores, sentences: labels.length, passages: passages.size };
}

const files = readdirSync(`${root}fixtures/claims`).filter((name) => name.endsWith('.jsonl')).sort();
const total: Scores = { checkworthy: new Score(), unsupported: new Score(), byGenre: new Map() };
const notes: string[] = [];
for (const name of files) {
  const scores = await evaluate(`${root}fixtures/claims/${name}`, notes);
  console.log(`${name}: ${scores.sentences} labelled sentences in ${scores.passages} passages`);
  console.log(`  ${scores.checkworthy.line('check-worthiness')}`);
  console.log(`  ${scores.unsupported.line('unsupported-claim')}`);
  total.checkworthy.merge(scores.checkworthy);
  total.unsupported.merge(scores.unsupported);
  for (const [genre, score] of scores.byGenre) {
    if (!total.byGenre.has(genre)) total.byGenre.set(genre, new Score());
    total.byGenre.get(genre)!.merge(score);
  }
}
console.log('\nall files:');
console.log(`  ${total.checkworthy.line('check-worthiness')}`);
console.log(`  ${total.unsupported.line('unsupported-claim')}`);
console.log('\nunsupported-claim by genre (all files):');
for (const [genre, score] of [...total.byGenre].sort(([a], [b]) => a.localeCompare(b))) console.log(`  ${score.line(genre)}`);
if (verbose) console.log(`\n${notes.join('\n')}`);
