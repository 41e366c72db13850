import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { buildOutline, packageProperties, planSlides, type SlidePlan } from '../api.js';
import { limitsWith } from '../limits.js';
import type { DeflateAhead } from '../render/opc-package.js';
import { renderPlacedDeck } from '../render/render-pptx.js';
import { DeckdownError } from '../diagnostics/error.js';
import { hasErrors, report } from '../diagnostics/report.js';
import type { SlideFit } from '../layout/layout-deck.js';
import type { Limits } from '../limits.js';
import type { Deck } from '../outline/schema.js';
import type { Theme } from '../theme/schema.js';
import { noteReads } from '../resources/reads.js';
import { toMessageData, type MessageData } from './message-data.js';

/** One deck to build, as plain data: what a worker is given. */
export interface BuildTask {
  /** The input's name in messages. */
  path: string;
  /** The folder its relative paths resolve against. */
  baseDir: string;
  /** The working directory, for a path in messages that is relative. */
  cwd: string;
  /** The source, decoded. */
  text: string;
  /** An outline (JSON) rather than Markdown. */
  outline: boolean;
  /** The caller's theme and template, which override the deck's. */
  theme: string | Theme | undefined;
  referenceDoc: string | undefined;
  limits: Partial<Limits>;
  resourceRoot: string | false | undefined;
  /** Without it, the task stops after fitting: what `check` needs. */
  render: boolean;
  /** The outline comes back only when asked for: a large deck's is large, and copied to come back. */
  returnOutline: boolean;
  /** The package's timestamp, or the seconds since the epoch it is taken from; see `resolveBuildDate`. */
  date?: Date | undefined;
  sourceDateEpoch: string | undefined;
}

/** What a task gives back, as plain data: the outline, the fitting, the messages and the bytes. */
export interface TaskResult {
  deck?: Deck | undefined;
  slides?: number | undefined;
  fit?: SlideFit[] | undefined;
  messages: MessageData[];
  pptx?: Uint8Array | undefined;
  /** Every file the deck and its theme named, found or not, besides the source itself. */
  files: string[];
}

/** Markdown through the outline stage; JSON taken as the outline itself. */
function outlineOf(task: BuildTask, file: VFile): { deck?: Deck | undefined; messages: VFileMessage[] } {
  if (!task.outline) return buildOutline(file, { theme: typeof task.theme === 'string' ? task.theme : undefined, limits: task.limits, resourceRoot: task.resourceRoot });
  try {
    return { deck: JSON.parse(task.text) as Deck, messages: [] };
  } catch (error) {
    report(file, 'invalid-outline', `not valid JSON: ${(error as Error).message}`);
    return { messages: [...file.messages] };
  }
}

/**
 * The fewest slides whose parts are worth deflating ahead: on this project's 2-core benchmark
 * machine, starting a thread costs a deck of 30 slides more than it gains (+40 to +80 ms), and a
 * deck of 100 gains from it (−70 ms; −430 ms at 1,000).
 */
const DEFLATE_AHEAD_FROM = 50;

/**
 * Outline, validation, fitting and (when asked) the deck's bytes: the whole build of one input,
 * and the files it named. With `ahead`, the parts of a deck of many slides are deflated by what
 * it makes, as the slides are written; the bytes are the same.
 */
export async function runTask(task: BuildTask, ahead?: () => DeflateAhead): Promise<TaskResult> {
  const { result, files } = await noteReads(() => build(task, ahead));
  return { ...result, files };
}

async function build(task: BuildTask, ahead: (() => DeflateAhead) | undefined): Promise<Omit<TaskResult, 'files'>> {
  const file = new VFile({ path: task.path, cwd: task.cwd, value: task.text });
  const outlined = outlineOf(task, file);
  const { messages } = outlined;
  const outline = task.returnOutline ? outlined.deck : undefined;
  const data = (more: readonly VFileMessage[] = []) => [...messages, ...more].map(toMessageData);
  if (!outlined.deck || hasErrors(messages)) return { deck: outline, messages: data() };
  try {
    const { theme, referenceDoc, limits, resourceRoot, baseDir } = task;
    const { placed, fit, messages: planned, properties } = fitted(planSlides(outlined.deck, { theme, referenceDoc, limits, resourceRoot, baseDir, file }), task);
    // While the deck is drawn, neither the outline nor its validated copy is held unless it goes back.
    outlined.deck = undefined;
    const pptx = task.render ? await renderPlacedDeck(placed, properties, limitsWith(limits), placed.slides.length >= DEFLATE_AHEAD_FROM ? ahead?.() : undefined) : undefined;
    return { deck: outline, slides: placed.slides.length, fit, messages: data(planned), pptx };
  } catch (error) {
    if (!(error instanceof DeckdownError)) throw error;
    return { deck: outline, messages: data(error.messages) };
  }
}

/** What drawing a planned deck needs, and what the task reports of it: not the validated outline. */
function fitted(plan: SlidePlan, task: BuildTask) {
  return { placed: plan.placed, fit: plan.fit, messages: plan.messages, properties: packageProperties(plan, { date: task.date, sourceDateEpoch: task.sourceDateEpoch }) };
}
