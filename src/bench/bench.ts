import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { REQUIRE_BANNER } from '../build/bundle.js';
import { freshCli } from '../build/fresh-bundle.js';
import { packageRoot } from '../package-root.js';
import { stressDeck } from './stress-deck.js';

/**
 * `npm run bench`: a benchmark, not a test. Builds the seed lecture and stress decks of 30,
 * 1,000 and 10,000 slides with the published CLI (`dist/`) as a user would, each several times
 * in a fresh process, and with pandoc on the same files in the same run when it is installed.
 * Prints the medians, the peak memory, the output sizes, each stage's time and whether each
 * target is met. `npm run bench -- 30 1000` picks the sizes.
 *
 * Beside them it times `floor.ts`, the least deckdown's own libraries do for the same file,
 * bundled as the CLI is: what no build of a deck with them can take less than.
 */

interface Run {
  seconds: number;
  /** Peak resident memory; unknown without GNU time. */
  peakMb: number | undefined;
  bytes: number;
}

interface Stages {
  times: Record<string, number>;
  slides: number;
  bytes: number;
  peakMb: number;
}

const GNU_TIME = '/usr/bin/time';
/** The benchmark measures what a build takes, beyond the budgets that would stop it. */
const UNBOUNDED = ['--limit', 'heap-bytes=64G', '--limit', 'build-seconds=100000'];

/** The largest deck the libraries' least is timed on: the time targets go up to 1,000 slides. */
const FLOOR_SLIDES = 1000;

/** pandoc takes more than linear time on large decks: past this, its run is reported as not finished. */
const PANDOC_SECONDS = 300;

/** One run of a command, in a fresh process: wall time, and peak memory through GNU time; none when it runs out of time. */
function measure(command: string, args: string[], output: string, cwd: string, seconds = Infinity): Run | undefined {
  rmSync(output, { force: true });
  const report = join(cwd, 'time.txt');
  const timed = existsSync(GNU_TIME);
  const start = performance.now();
  // A large deck's messages run to megabytes: only stderr is kept, and only its end is shown.
  const options = { cwd, encoding: 'utf8' as const, stdio: ['ignore', 'ignore', 'pipe'] as ('ignore' | 'pipe')[], maxBuffer: 1 << 28 };
  // coreutils' timeout stops the command itself; stopping GNU time would leave it running.
  const line = Number.isFinite(seconds) ? ['timeout', '-s', 'KILL', String(seconds), command, ...args] : [command, ...args];
  const result = timed ? spawnSync(GNU_TIME, ['-f', '%M', '-o', report, ...line], options) : spawnSync(line[0]!, line.slice(1), options);
  const took = (performance.now() - start) / 1000;
  if (Number.isFinite(seconds) && result.status !== 0 && took >= seconds) return undefined;
  if (result.status !== 0 || !existsSync(output)) throw new Error(`${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stderr.slice(-2000)}`);
  const peakMb = timed ? Math.round(Number(readFileSync(report, 'utf8').trim().split('\n').pop()) / 1024) : undefined;
  return { seconds: took, peakMb, bytes: statSync(output).size };
}

/** The median run; none when a run did not finish. */
function median(runs: readonly (Run | undefined)[]): Run | undefined {
  if (runs.some((run) => run === undefined)) return undefined;
  const sorted = [...(runs as Run[])].sort((a, b) => a.seconds - b.seconds);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Fewer runs of the larger decks: each takes long enough to be measured once. */
function runsFor(slides: number): number {
  return slides <= 100 ? 7 : slides <= 2000 ? 3 : 1;
}

function hasPandoc(): string | undefined {
  const result = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.split('\n')[0] : undefined;
}

/** Each stage of one build, from the sources, in a process of its own. */
function stages(deck: string): Stages {
  // The stages run in the main thread, without the worker's heap budget, and need the heap a worker would be given.
  const result = spawnSync(process.execPath, ['--max-old-space-size=65536', '--import', import.meta.resolve('tsx'), join(packageRoot, 'src', 'bench', 'stages.ts'), deck], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (result.status !== 0) throw new Error(`the stages of ${deck} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout) as Stages;
}

const sizes = process.argv.slice(2).map(Number).filter((size) => size > 0);
const workloads = [
  { name: 'seed lecture', file: join(packageRoot, 'content', 'lecture.md'), slides: 30 },
  ...(sizes.length > 0 ? sizes : [30, 1000, 10_000]).map((slides) => ({ name: `${slides.toLocaleString('en')} slides`, file: '', slides })),
];

const cli = await freshCli();
const dir = mkdtempSync(join(tmpdir(), 'deckdown-bench-'));
const floor = join(dir, 'floor.mjs');
await build({
  absWorkingDir: packageRoot,
  entryPoints: [join(packageRoot, 'src', 'bench', 'floor.ts')],
  outfile: floor,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  banner: REQUIRE_BANNER,
  logLevel: 'warning',
});
const pandoc = hasPandoc();
const mb = (bytes: number) => (bytes / 1e6).toFixed(2);
const rows: string[] = [];
const stageRows: string[] = [];
const floorRows: string[] = [];
const results = new Map<string, { deckdown: Run; pandoc?: Run | undefined; floor?: Run | undefined; stages: Stages }>();
try {
  for (const workload of workloads) {
    const file = workload.file || join(dir, `stress-${workload.slides}.md`);
    if (!workload.file) writeFileSync(file, stressDeck(workload.slides));
    const runs = runsFor(workload.slides);
    process.stderr.write(`${workload.name}: ${runs} run${runs > 1 ? 's' : ''} each\n`);
    const deckdown = median(Array.from({ length: runs }, () => measure(process.execPath, [cli, 'build', file, '-o', join(dir, 'deckdown.pptx'), ...UNBOUNDED], join(dir, 'deckdown.pptx'), dir)))!;
    // One run that does not finish in time is enough to know.
    const first = pandoc ? measure('pandoc', [file, '-o', join(dir, 'pandoc.pptx')], join(dir, 'pandoc.pptx'), dir, PANDOC_SECONDS) : undefined;
    const theirs = first ? median([first, ...Array.from({ length: runs - 1 }, () => measure('pandoc', [file, '-o', join(dir, 'pandoc.pptx')], join(dir, 'pandoc.pptx'), dir))]) : undefined;
    const pandocCell = !pandoc ? '' : theirs ? theirs.seconds.toFixed(2) : `> ${PANDOC_SECONDS}`;
    // The libraries' least is the reference for the time targets, which stop at 1,000 slides.
    const least = workload.slides <= FLOOR_SLIDES ? median(Array.from({ length: runs }, () => measure(process.execPath, [floor, file, join(dir, 'floor.pptx')], join(dir, 'floor.pptx'), dir))) : undefined;
    const staged = stages(file);
    results.set(workload.name, { deckdown, pandoc: theirs, floor: least, stages: staged });
    if (least) floorRows.push(`| ${workload.name} | ${least.seconds.toFixed(2)} | ${least.peakMb ?? '?'} | ${theirs ? `${(least.seconds / theirs.seconds).toFixed(2)}×` : ''} | ${(deckdown.seconds / least.seconds).toFixed(2)}× |`);
    const ratio = theirs ? `${(deckdown.seconds / theirs.seconds).toFixed(2)}×` : '';
    rows.push(`| ${workload.name} | ${mb(statSync(file).size)} | ${deckdown.seconds.toFixed(2)} | ${deckdown.peakMb ?? '?'} | ${pandocCell} | ${theirs?.peakMb ?? ''} | ${ratio} | ${mb(deckdown.bytes)} | ${theirs ? mb(theirs.bytes) : ''} |`);
    const { times } = staged;
    stageRows.push(`| ${workload.name} | ${staged.slides} | ${times.parse} | ${times.outline} | ${times.layout} | ${times.render} | ${times.zip} | ${staged.peakMb} |`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const cpu = cpus();
console.log(`deckdown benchmark, ${new Date().toISOString().slice(0, 10)}: ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}${pandoc ? `, ${pandoc}` : ', no pandoc'}`);
console.log('\nWhole process, CLI from dist/ (medians; 7 runs up to 100 slides, 3 up to 2,000, 1 above):\n');
console.log('| Deck | Markdown MB | deckdown s | peak MB | pandoc s | peak MB | deckdown ÷ pandoc | .pptx MB | pandoc .pptx MB |');
console.log('|---|--:|--:|--:|--:|--:|--:|--:|--:|');
for (const row of rows) console.log(row);
console.log('\nThe least the same libraries do (src/bench/floor.ts: remark-parse, zod, pptxgenjs; no extension, theme, font or fitting):\n');
console.log('| Deck | libraries alone s | peak MB | ÷ pandoc | deckdown ÷ libraries alone |');
console.log('|---|--:|--:|--:|--:|');
for (const row of floorRows) console.log(row);
console.log('\nStages of one build, in milliseconds, in a process of its own:\n');
console.log('| Deck | slides | parse | outline | layout | render | zip | peak MB |');
console.log('|---|--:|--:|--:|--:|--:|--:|--:|');
for (const row of stageRows) console.log(row);

/** The issue's targets, each said as met or not, with the figures it compares. */
const targets: [string, boolean | undefined, string][] = [];
const lecture = results.get('seed lecture');
const thousand = results.get('1,000 slides');
const tenThousand = results.get('10,000 slides');
/** A time against pandoc's, and the libraries' least time against it too. */
const againstPandoc = ({ deckdown, floor, pandoc }: { deckdown: Run; floor?: Run | undefined; pandoc?: Run | undefined }) =>
  `${(deckdown.seconds / pandoc!.seconds).toFixed(2)}×${floor ? `; the libraries alone ${(floor.seconds / pandoc!.seconds).toFixed(2)}×` : ''}`;
if (lecture?.pandoc) targets.push(['seed lecture ≤ 1.5 × pandoc', lecture.deckdown.seconds <= 1.5 * lecture.pandoc.seconds, againstPandoc(lecture)]);
if (thousand?.pandoc) targets.push(['1,000 slides ≤ 0.1 × pandoc', thousand.deckdown.seconds <= 0.1 * thousand.pandoc.seconds, againstPandoc(thousand)]);
if (thousand && tenThousand) targets.push(['10,000 slides ≤ 12 × 1,000 slides', tenThousand.deckdown.seconds <= 12 * thousand.deckdown.seconds, `${(tenThousand.deckdown.seconds / thousand.deckdown.seconds).toFixed(1)}×`]);
if (thousand?.deckdown.peakMb) targets.push(['peak ≤ 300 MB at 1,000 slides', thousand.deckdown.peakMb <= 300, `${thousand.deckdown.peakMb} MB`]);
if (tenThousand?.deckdown.peakMb) targets.push(['peak ≤ 1 GB at 10,000 slides', tenThousand.deckdown.peakMb <= 1024, `${tenThousand.deckdown.peakMb} MB`]);
for (const [name, result] of results) if (result.pandoc) targets.push([`${name}: .pptx ≤ pandoc's`, result.deckdown.bytes <= result.pandoc.bytes, `${mb(result.deckdown.bytes)} vs ${mb(result.pandoc.bytes)} MB`]);
console.log('\nTargets:\n');
for (const [name, met, figure] of targets) console.log(`- ${met ? 'met' : 'NOT met'}: ${name} (${figure})`);
