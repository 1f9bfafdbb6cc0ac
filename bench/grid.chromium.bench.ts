// The review's problem grid in Chromium, as an admin meets it: a 100,000-row upload with 5,000 problems,
// checked in the worker against an in-memory LMS, then shown, scrolled (rows with problems, then all rows)
// and edited with the keyboard. Every main-thread task over 50 ms is caught by a `longtask`
// PerformanceObserver (the target: none while scrolling or editing); the longest gap between two frames
// is reported too (it also sees shorter tasks). Medians of RUNS runs. Run with `npm run bench:grid`.
import { ContextProvider } from '@lit/context';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/register.js';
import { defineLaterSteps } from '../src/components/offline-upload-wizard/later-steps.js';
import { wizardContext, type WizardContext } from '../src/components/shared/wizard-context.js';
import { Localizer } from '../src/i18n/localize.js';
import { UploadSession } from '../src/session/upload-session.js';
import { WizardFlow } from '../src/session/wizard-flow.js';
import { FakeBackend, fireSafety } from '../test/session/fake-backend.js';
import type { DryRunChunk, DryRunResult } from '../src/backend/types.js';

/**
 * The in-memory LMS, answering each dry-run chunk in a task of its own as a network answer comes: the
 * fake answers in a microtask, which would run a 100,000-record dry run as one long task no real LMS makes.
 */
class NetworkedBackend extends FakeBackend {
  override async dryRunChunk(uploadId: string, chunk: DryRunChunk, options?: Parameters<FakeBackend['dryRunChunk']>[2]): Promise<DryRunResult> {
    await new Promise((r) => setTimeout(r, 0));
    return super.dryRunChunk(uploadId, chunk, options);
  }
}

const ROWS = 100_000;
/** Every 20th row has a malformed e-mail: 5,000 problems. */
const EVERY = 20;
const RUNS = 3;
const EDITS = 3;

const HEADER = 'Email,Completion date,Status,Trainer,Comments';

function upload(): File {
  const lines = [HEADER];
  for (let k = 1; k <= ROWS; k++) {
    const day = String((k % 28) + 1).padStart(2, '0');
    const email = k % EVERY === 0 ? `learner${k}-at-example.com` : `learner${k}@example.com`;
    lines.push(`${email},2025-03-${day},${k % 2 ? 'Completed' : 'Attended'},Sam Lee,`);
  }
  return new File([lines.join('\r\n') + '\r\n'], 'records-100000.csv', { type: 'text/csv' });
}

/** A long animation frame (Chromium's `long-animation-frame` entry): what took its time. */
interface LongFrame {
  readonly start: number;
  readonly duration: number;
  /** Style and layout at the frame's end (ms). */
  readonly layout: number;
  /** The scripts that ran in it, longest first: `function (file) ms`, forced layouts included. */
  readonly scripts: { readonly what: string; readonly ms: number; readonly forced: number }[];
}

interface LoafScript {
  readonly duration: number;
  readonly invoker: string;
  readonly sourceFunctionName: string;
  readonly sourceURL: string;
  readonly forcedStyleAndLayoutDuration: number;
}

/** Main-thread tasks over 50 ms, the long animation frames with their attribution, and the gaps between frames. */
class Watch {
  readonly tasks: { start: number; duration: number }[] = [];
  readonly frames: number[] = [];
  readonly long: LongFrame[] = [];
  #observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) this.tasks.push({ start: entry.startTime, duration: entry.duration });
  });
  #loaf = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { styleAndLayoutStart: number; scripts: LoafScript[] })[]) {
      const end = entry.startTime + entry.duration;
      this.long.push({
        start: entry.startTime,
        duration: entry.duration,
        layout: entry.styleAndLayoutStart > 0 ? end - entry.styleAndLayoutStart : 0,
        scripts: entry.scripts
          .map((x) => ({ what: `${x.sourceFunctionName || x.invoker} (${x.sourceURL.replace(/^.*\/(src|node_modules|bench|test)\//, '$1/').replace(/\?.*$/, '')})`, ms: x.duration, forced: x.forcedStyleAndLayoutDuration }))
          .sort((a, b) => b.ms - a.ms),
      });
    }
  });
  #running = true;

  constructor() {
    this.#observer.observe({ type: 'longtask', buffered: false });
    this.#loaf.observe({ type: 'long-animation-frame', buffered: false });
    const tick = (t: number): void => {
      this.frames.push(t);
      if (this.#running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }

  /** The longest task over 50 ms that started in [from, to] (0: none), and the longest frame gap. */
  between(from: number, to: number): { task: number; frame: number } {
    const task = Math.max(0, ...this.tasks.filter((t) => t.start >= from && t.start <= to).map((t) => t.duration));
    let frame = 0;
    for (let i = 1; i < this.frames.length; i++) {
      if (this.frames[i]! >= from && this.frames[i - 1]! <= to) frame = Math.max(frame, this.frames[i]! - this.frames[i - 1]!);
    }
    return { task, frame };
  }

  /** The longest animation frame that started in [from, to], said as what took its time. */
  attribution(from: number, to: number): string {
    const frame = this.long.filter((f) => f.start >= from && f.start <= to).sort((a, b) => b.duration - a.duration)[0];
    if (!frame) return 'none';
    const scripts = frame.scripts.slice(0, 3).map((x) => `${x.what} ${x.ms.toFixed(0)} ms${x.forced > 1 ? ` (forced layout ${x.forced.toFixed(0)})` : ''}`);
    return `${frame.duration.toFixed(0)} ms frame: ${scripts.join('; ') || 'no script'}; style+layout ${frame.layout.toFixed(0)} ms`;
  }

  stop(): void {
    this.#running = false;
    this.#observer.disconnect();
    this.#loaf.disconnect();
  }
}

// ── where the time went: the JS Self-Profiling API (the page is served with Document-Policy: js-profiling) ──

interface ProfilerTrace {
  readonly samples: readonly { readonly timestamp: number; readonly stackId?: number }[];
  readonly stacks: readonly { readonly frameId: number; readonly parentId?: number }[];
  readonly frames: readonly { readonly name: string; readonly resourceId?: number; readonly line?: number }[];
  readonly resources: readonly string[];
}
interface SelfProfiler {
  stop(): Promise<ProfilerTrace>;
}
const ProfilerClass = (globalThis as unknown as { Profiler?: new (o: { sampleInterval: number; maxBufferSize: number }) => SelfProfiler }).Profiler;
const SAMPLE_MS = 10;

function startProfiler(): SelfProfiler | undefined {
  try {
    return ProfilerClass ? new ProfilerClass({ sampleInterval: SAMPLE_MS, maxBufferSize: 200_000 }) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the main thread ran in [from, to], from the samples: the functions the time was spent in (leaf), and
 * for each the nearest function of the product (src/) or of lit on its stack, with about how many ms.
 */
function profiled(trace: ProfilerTrace | undefined, from: number, to: number): string {
  if (!trace) return 'no profile';
  const short = (url: string | undefined) => (url ?? '').replace(/^.*\/(src|node_modules|bench|test)\//, '$1/').replace(/\?.*$/, '');
  const counts = new Map<string, number>();
  let total = 0;
  for (const sample of trace.samples) {
    if (sample.timestamp < from || sample.timestamp > to || sample.stackId === undefined) continue;
    total++;
    let stack: number | undefined = sample.stackId;
    const leaf = trace.frames[trace.stacks[stack]!.frameId]!;
    let owner = '';
    while (stack !== undefined) {
      const f = trace.frames[trace.stacks[stack]!.frameId]!;
      const url = short(f.resourceId === undefined ? undefined : trace.resources[f.resourceId]);
      if (url.startsWith('src/') || url.includes('lit')) {
        owner = `${f.name || '(anonymous)'} ${url}:${f.line ?? ''}`;
        break;
      }
      stack = trace.stacks[stack]!.parentId;
    }
    const key = `${leaf.name || '(anonymous)'}${owner ? ` ← ${owner}` : ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  if (total === 0) return 'no samples (native work: style, layout, GC)';
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 5);
  return top.map(([k, n]) => `${n * SAMPLE_MS} ms ${k}`).join(' | ');
}

const frame = (): Promise<number> => new Promise((r) => requestAnimationFrame(r));
/** After the next frame has been painted (a task queued from a frame callback runs after paint). */
const painted = async (): Promise<number> => {
  await frame();
  await new Promise((r) => setTimeout(r, 0));
  return performance.now();
};

async function until(test: () => boolean, what: string, ms = 120_000): Promise<void> {
  const end = performance.now() + ms;
  while (!test()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await frame();
  }
}

async function mount(): Promise<{ el: HTMLElement & { updateComplete: Promise<boolean> }; session: UploadSession; localizer: Localizer }> {
  const session = new UploadSession(new NetworkedBackend(), { useWorker: true });
  const flow = new WizardFlow(session);
  const localizer = new Localizer('en');
  const host = await fixture<HTMLDivElement>(html`<div style="max-width: 72rem"></div>`);
  const value = (): WizardContext => ({ session, flow, state: session.state, localizer, options: {}, announce: () => {} });
  const provider = new ContextProvider(host, { context: wizardContext, initialValue: value() });
  session.addEventListener('statechange', () => provider.setValue(value()));
  flow.addEventListener('change', () => provider.setValue(value()));
  await flow.start({ activityId: fireSafety.id, domainId: 'dom-employees', identifierKind: 'email' });
  await until(() => session.state.spec.status === 'ready', 'the template spec');
  const el = document.createElement('offline-upload-step-review') as HTMLElement & { updateComplete: Promise<boolean> };
  host.append(el);
  await el.updateComplete;
  return { el, session, localizer };
}

const gridOf = (el: HTMLElement) => el.shadowRoot!.querySelector('offline-upload-problem-grid')!;
const gridRoot = (el: HTMLElement) => gridOf(el).shadowRoot!;
const rowsShown = (el: HTMLElement) => gridRoot(el).querySelectorAll('.window [role="row"]');
// The row number is written in the page's language (1,347), then the learner's name. The first row of the
// window in sight (not the active row, kept rendered out of sight while scrolled away).
const firstRowNumber = (el: HTMLElement) =>
  parseInt(/^[\d,]+/.exec(gridRoot(el).querySelector('.window [role="row"]:not(.outside) [role="rowheader"]')?.textContent?.trim() ?? '')?.[0]?.replaceAll(',', '') ?? '', 10);

/** Scrolls the grid's viewport to the end in `steps` frames; the frames it took. */
async function scrollThrough(el: HTMLElement, steps: number): Promise<void> {
  const viewport = gridRoot(el).querySelector<HTMLElement>('.viewport')!;
  const total = viewport.scrollHeight - viewport.clientHeight;
  for (let i = 1; i <= steps; i++) {
    viewport.scrollTop = Math.round((total * i) / steps);
    await frame();
  }
  await painted();
}

interface Run {
  scrollUpdate: number;
  wordAll: number;
  scrollUpdateMax: number;
  check: number;
  paint: number;
  paintTask: number;
  paintFrame: number;
  scrollTask: number;
  scrollFrame: number;
  allRows: number;
  allRowsTask: number;
  scrollAllTask: number;
  scrollAllFrame: number;
  edit: number;
  editTask: number;
  editFrame: number;
}

async function once(file: File): Promise<Run> {
  await setViewport({ width: 1280, height: 900 });
  const watch = new Watch();
  const profiler = startProfiler();
  const { el, session, localizer } = await mount();
  let checked = 0;
  session.addEventListener('statechange', () => {
    if (!checked && session.state.status === 'has-issues') checked = performance.now();
  });
  const t0 = performance.now();
  void session.uploadFile(file);
  await until(() => checked > 0, 'the check');
  await until(() => gridOf(el) !== null && rowsShown(el).length > 0, 'the grid');
  const shown = await painted();
  expect(session.state.issues.length).to.equal(ROWS / EVERY);
  // What wording every problem at once costs (the grid words only the rows it shows, when it shows them).
  const w0 = performance.now();
  for (const issue of session.state.issues) localizer.issue(issue);
  const wordAll = performance.now() - w0;
  const paint = watch.between(checked, shown);
  const why: Record<string, string> = { paint: watch.attribution(checked, shown) };

  // Scroll the 5,000 rows with problems top to bottom.
  await painted();
  const s0 = performance.now();
  await scrollThrough(el, 150);
  const s1 = performance.now();
  expect(firstRowNumber(el)).to.be.above(ROWS - 40 * EVERY);
  const scroll = watch.between(s0, s1);
  why['scroll'] = watch.attribution(s0, s1);

  // Every row, on demand, then scrolled through.
  const a0 = performance.now();
  el.shadowRoot!.querySelector<HTMLInputElement>('input[name="rows-view"][value="all"]')!.click();
  await until(() => gridRoot(el).querySelector('[role="grid"]')?.getAttribute('aria-rowcount') === String(ROWS + 1), 'all rows');
  const a1 = await painted();
  const all = watch.between(a0, a1);
  why['all rows'] = watch.attribution(a0, a1);
  await scrollThrough(el, 200);
  const a2 = performance.now();
  expect(firstRowNumber(el)).to.be.above(ROWS - 40);
  const scrollAll = watch.between(a1, a2);
  why['scroll all'] = watch.attribution(a1, a2);

  // Back to the rows with problems; fix the first ones with the keyboard, each checked again in the worker.
  el.shadowRoot!.querySelector<HTMLInputElement>('input[name="rows-view"][value="problems"]')!.click();
  await until(() => gridRoot(el).querySelector('[role="grid"]')?.getAttribute('aria-rowcount') === String(ROWS / EVERY + 1), 'rows with problems');
  const viewport = gridRoot(el).querySelector<HTMLElement>('.viewport')!;
  viewport.scrollTop = 0;
  await painted();
  const e0 = performance.now();
  const editTimes: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const before = session.state.issues.length;
    const cell = gridRoot(el).querySelector<HTMLElement>('.window [role="row"] [role="gridcell"][aria-invalid="true"]')!;
    cell.focus();
    const k0 = performance.now();
    const trace: string[] = [];
    const onState = () => trace.push(`${(performance.now() - k0).toFixed(0)} state ${session.state.status} checking=${session.state.editing?.checking} phase=${session.state.progress?.phase ?? ''} done=${session.state.progress?.done ?? ''}`);
    if (PROFILE && i === 1) session.addEventListener('statechange', onState);
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Control+a' });
    await sendKeys({ type: `fixed${i}@example.com` });
    await sendKeys({ press: 'Enter' });
    await until(() => session.state.issues.length === before - 1 && !session.state.editing?.checking && session.state.status === 'has-issues', 'the edit checked');
    editTimes.push((await painted()) - k0);
    if (PROFILE && i === 1) {
      session.removeEventListener('statechange', onState);
      const tasks = watch.tasks.filter((t) => t.start >= k0).map((t) => `${(t.start - k0).toFixed(0)} longtask ${t.duration.toFixed(0)} ms`);
      console.log([...trace, ...tasks].sort((a, b) => parseInt(a) - parseInt(b)).filter((line, n, all) => !line.includes('dry-run done') || n % 20 === 0 || all[n + 1]?.includes('longtask') || all[n - 1]?.includes('longtask')).join('\n'));
    }
  }
  const e1 = performance.now();
  const edit = watch.between(e0, e1);
  why['edit'] = watch.attribution(e0, e1);
  const trace = await profiler?.stop();
  const phases: Record<string, [number, number]> = { paint: [checked, shown], scroll: [s0, s1], 'all rows': [a0, a1], 'scroll all': [a1, a2], edit: [e0, e1] };
  const lines = Object.entries(why).map(([phase, text]) => {
    const [from, to] = phases[phase]!;
    const longest = watch.long.filter((f) => f.start >= from && f.start <= to).sort((a, b) => b.duration - a.duration)[0];
    const samples = longest ? profiled(trace, longest.start, longest.start + longest.duration) : '';
    return `  ${phase}: ${text}${samples ? `\n      sampled: ${samples}` : ''}`;
  });
  console.log(`run: the longest frame of each phase\n${lines.join('\n')}`);
  watch.stop();
  el.parentElement!.remove();
  session.dispose();
  const scrollUpdates = [...updatesBetween(s0, s1), ...updatesBetween(a1, a2)];
  return {
    scrollUpdate: median(scrollUpdates),
    wordAll,
    scrollUpdateMax: Math.max(...scrollUpdates),
    check: checked - t0,
    paint: shown - checked,
    paintTask: paint.task,
    paintFrame: paint.frame,
    scrollTask: scroll.task,
    scrollFrame: scroll.frame,
    allRows: a1 - a0,
    allRowsTask: all.task,
    scrollAllTask: scrollAll.task,
    scrollAllFrame: scrollAll.frame,
    edit: median(editTimes),
    editTask: edit.task,
    editFrame: edit.frame,
  };
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[values.length >> 1]!;
}

// The review's parts are defined by the lazy later-steps chunk in the wizard; defined here up front.
defineLaterSteps();

/** Logs a timeline of the second edit (states and long tasks): for finding a long task. */
const PROFILE = false;
const LOG_UPDATES = false;
/** How long each update (render + commit, JavaScript only) of the grid took. */
const gridUpdates: { at: number; ms: number }[] = [];
{
  const proto = customElements.get('offline-upload-problem-grid')!.prototype as { update(c: unknown): void };
  const original = proto.update;
  proto.update = function (this: unknown, c: unknown) {
    const t = performance.now();
    original.call(this, c);
    gridUpdates.push({ at: t, ms: performance.now() - t });
  };
}
const updatesBetween = (from: number, to: number): number[] => gridUpdates.filter((u) => u.at >= from && u.at <= to).map((u) => u.ms);

if (PROFILE) {
  for (const tag of ['offline-upload-step-review', 'offline-upload-issues-table', 'offline-upload-bulk-fix']) {
    const proto = customElements.get(tag)!.prototype as { update(c: unknown): void };
    const original = proto.update;
    proto.update = function (this: unknown, c: unknown) {
      const t = performance.now();
      original.call(this, c);
      const d = performance.now() - t;
      if (LOG_UPDATES && d > 15) console.log(`${tag} update ${d.toFixed(0)} ms`);
    };
  }
}

// ── one scroll frame's cost, without the noise of the whole page: the grid alone, 100,000 rows ─────────────

const FRAME_COLUMNS = ['Email', 'Completion date', 'Status', 'Trainer', 'Comments'].map((header, i) => ({ key: `c${i}`, header }));
/** 100,000 rows made on demand, every 20th with a problem, as the all-rows view gives them. */
const frameRows = {
  length: ROWS,
  at(i: number) {
    if (i < 0 || i >= ROWS) return undefined;
    const bad = i % EVERY === 0;
    const cells = { c0: bad ? `learner${i}-at-example.com` : `learner${i}@example.com`, c1: `2025-03-${String((i % 28) + 1).padStart(2, '0')}`, c2: i % 2 ? 'Completed' : 'Attended', c3: 'Sam Lee', c4: '' };
    return { row: i + 2, cells, issues: bad ? [{ columnKey: 'c0', message: 'This is not a valid e-mail address.' }] : [] };
  },
};

/**
 * Scrolls the grid `jump` rows a frame for 120 frames; for each, the grid's update (script) and the style and
 * layout it leaves (forced at once, so that it is timed alone): the frame's own cost before paint.
 */
async function frameCost(jump: number): Promise<{ script: number; layout: number; p50: number; p90: number }> {
  const host = await fixture<HTMLDivElement>(html`<div style="max-width: 72rem">
    <offline-upload-problem-grid .columns=${FRAME_COLUMNS} .rows=${frameRows} show-all .localizer=${new Localizer('en')}></offline-upload-problem-grid>
  </div>`);
  const el = host.firstElementChild as HTMLElement & { updateComplete: Promise<boolean>; requestUpdate(): void };
  await frame();
  await frame();
  await el.updateComplete;
  const viewport = el.shadowRoot!.querySelector<HTMLElement>('.viewport')!;
  const rowHeight = el.shadowRoot!.querySelector<HTMLElement>('.window .row')!.getBoundingClientRect().height;
  const scripts: number[] = [];
  const layouts: number[] = [];
  const totals: number[] = [];
  for (let i = 1; i <= 120; i++) {
    await frame();
    viewport.scrollTop = i * jump * rowHeight;
    const t0 = performance.now();
    // What the grid's scroll handler does in its frame callback, run here to be timed.
    (el as unknown as { first: number }).first = Math.max(0, Math.floor(viewport.scrollTop / rowHeight) - 8);
    await el.updateComplete;
    const t1 = performance.now();
    el.shadowRoot!.querySelector('.window .row:last-child')!.getBoundingClientRect();
    const t2 = performance.now();
    scripts.push(t1 - t0);
    layouts.push(t2 - t1);
    totals.push(t2 - t0);
  }
  host.remove();
  const sorted = [...totals].sort((a, b) => a - b);
  return { script: median(scripts), layout: median(layouts), p50: sorted[60]!, p90: sorted[108]! };
}

describe('problem grid in Chromium', () => {
  it('100,000 rows with 5,000 problems: first paint, scrolling and editing, longest main-thread task', async function () {
    this.timeout(30 * 60 * 1000);
    const file = upload();
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await once(file));
    const m = (key: keyof Run) => median(runs.map((r) => r[key])).toFixed(0);
    const all = (key: keyof Run) => runs.map((r) => r[key].toFixed(0)).join(' / ');
    const lines = [
      '| phase | time (median) | longest task > 50 ms (median; 0 = none) | longest frame gap (median) | longest task, each run |',
      '|---|---:|---:|---:|---|',
      `| check in the worker (file chosen → issues) | ${m('check')} ms | — | — | — |`,
      `| first paint of the grid (issues → rows painted) | ${m('paint')} ms | ${m('paintTask')} ms | ${m('paintFrame')} ms | ${all('paintTask')} |`,
      `| scroll 5,000 rows with problems (150 frames) | — | ${m('scrollTask')} ms | ${m('scrollFrame')} ms | ${all('scrollTask')} |`,
      `| switch to all 100,000 rows (click → painted) | ${m('allRows')} ms | ${m('allRowsTask')} ms | — | ${all('allRowsTask')} |`,
      `| scroll all 100,000 rows (200 frames) | — | ${m('scrollAllTask')} ms | ${m('scrollAllFrame')} ms | ${all('scrollAllTask')} |`,
      `| wording all ${(ROWS / EVERY).toLocaleString('en')} problems at once (no longer done: only the rows shown are worded) | ${m('wordAll')} ms | — | — | ${all('wordAll')} |`,
      `| the grid's own JavaScript per scroll frame (update: render + commit) | ${m('scrollUpdate')} ms median, ${m('scrollUpdateMax')} ms longest | — | — | ${all('scrollUpdateMax')} |`,
      `| edit a cell by keyboard → checked again (${EDITS} edits) | ${m('edit')} ms | ${m('editTask')} ms | ${m('editFrame')} ms | ${all('editTask')} |`,
    ];
    console.log(`\nChromium ${navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? ''}, ${ROWS.toLocaleString('en')} rows, ${(ROWS / EVERY).toLocaleString('en')} problems, medians of ${RUNS} runs (Lit production build)\n${lines.join('\n')}\n`);
  });

  it('one scroll frame of the grid alone: its update and the style/layout it leaves, 120 frames', async function () {
    this.timeout(10 * 60 * 1000);
    await setViewport({ width: 1280, height: 900 });
    const lines = ['| rows a frame | update (median) | style + layout (median) | frame p50 | frame p90 |', '|---:|---:|---:|---:|---:|'];
    for (const jump of [33, 3]) {
      const c = await frameCost(jump);
      lines.push(`| ${jump} | ${c.script.toFixed(1)} ms | ${c.layout.toFixed(1)} ms | ${c.p50.toFixed(1)} ms | ${c.p90.toFixed(1)} ms |`);
    }
    console.log(`\nOne scroll frame, all ${ROWS.toLocaleString('en')} rows (33 rows a frame: a scrollbar drag, as the scroll phases above; 3: a wheel)\n${lines.join('\n')}\n`);
  });
});
