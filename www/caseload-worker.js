// @ts-check
// The caseload Web Worker: reads the chosen file in chunks into the WebAssembly core (a
// spreadsheet is then read a slice of rows at a time), reports progress with the rows counted,
// and keeps the result for the summaries, worklist pages, exports and member plans asked for
// later. The file never leaves the browser.
//
// Two builds of the core (docs/architecture.md): the light module (pkg/caseload.js: the plan and
// the caseload of a CSV file) is loaded at once; the full one (pkg/caseload-xlsx.js: spreadsheets
// read, .xlsx written) only when a file starts like a spreadsheet or an .xlsx export is asked for.
// A CSV visit thus never fetches the .xlsx code.

const LIGHT = './pkg/caseload.js';
const FULL = './pkg/caseload-xlsx.js';
// Their types, generated from the Rust (wasm-bindgen and tsify: www/pkg/*.d.ts).
/** @typedef {typeof import('./pkg/caseload.js') | typeof import('./pkg/caseload-xlsx.js')} Module */
/** @typedef {import('./pkg/caseload.js').CaseloadJob | import('./pkg/caseload-xlsx.js').CaseloadJob} Job */
/** Each module, imported and initialised once: url -> Promise of its exports.
 * @type {Map<string, Promise<Module>>} */
const modules = new Map();
/** @param {string} url */
const load = (url) => {
  if (!modules.has(url)) modules.set(url, import(url).then(async (m) => (await m.default(), m)));
  return modules.get(url);
};
const ready = load(LIGHT);
/** The module the job lives in, the job, and what made it (to make it again in the full module). */
/** @type {Module} */
let core = null;
/** @type {Job} */
let job = null;
/** @type {import('./caseload-types').Questions['run'] & { booked: [string, number] | null }} */
let made = null;
// Tell the page when the module is ready, so it can say so (and a benchmark can wait for it).
ready.then(() => self.postMessage({ type: 'ready' }));

/** Whether the file starts like a spreadsheet: a zip (.xlsx, .xlsb, .ods) or an OLE file (.xls),
 * told by the same first bytes as the core's own test (src/caseload/text.rs). */
async function isSpreadsheet(file) {
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  const starts = (magic) => magic.every((b, i) => head[i] === b);
  return starts([0x50, 0x4b, 0x03, 0x04]) || starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
}

/** A job of module `m` with the whole file read into it and summed up; `report` gets progress,
 * `keep` the job as soon as it is made.
 * @param {Module} m the module (pkg/caseload.js or pkg/caseload-xlsx.js)
 * @param {import('./caseload-types').Questions['run']} question
 * @param {(report: import('./caseload-types').Progress) => void} report
 * @param {(job: Job) => void} keep */
async function read(m, { file, today, lang, limit, sheet, label }, report, keep) {
  const next = new m.CaseloadJob(today, lang, limit, sheet || undefined, label || undefined);
  keep(next);
  try {
    const started = performance.now();
    let bytes = 0;
    let last = 0;
    const reader = file.stream().getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      next.feed(value);
      bytes += value.length;
      // A progress report now and then, not for every chunk.
      if (performance.now() - last > 50 || bytes === file.size) {
        last = performance.now();
        report({ type: 'progress', bytes, total: file.size, rows: next.rows() });
      }
    }
    // A spreadsheet is read once all of it is in: a slice of rows at a time, counted.
    while (next.pump(SLICE) > 0) {
      if (performance.now() - last > 50) {
        last = performance.now();
        report({ type: 'progress', phase: 'sheet', bytes, total: file.size, rows: next.rows() });
      }
    }
    const summary = next.finish();
    return { next, summary, ms: performance.now() - started };
  } catch (error) {
    // A trap has taken the instance (and the job) with it; a job kept elsewhere is let go there.
    if (!(error instanceof WebAssembly.RuntimeError) && next !== job) next.free();
    throw error;
  }
}

/** The job in the full module: the same file read again there (once; the job then stays in it),
 * with the booking made since, for an .xlsx export of a CSV file. */
async function full() {
  const m = await load(FULL);
  if (core === m) return;
  const { next } = await read(m, made, () => {}, () => {});
  if (made.booked) next.book(...made.booked);
  job.free();
  job = next;
  core = m;
}

/** The error of a failed call, as plain data; a trap (never bad input) is E_TRAP. */
const fault = (error) =>
  error instanceof WebAssembly.RuntimeError
    ? { code: 'E_TRAP', message: 'Der skete en intern fejl i beregneren (E_TRAP). Den er startet igen – prøv en gang til.' }
    : { code: error.code ?? 'E_INTERNAL', message: error.message, field: error.field };

/** Rows of a spreadsheet read between two progress reports. */
const SLICE = 5000;

/** @param {MessageEvent<import('./caseload-types').Question>} event */
self.onmessage = async ({ data }) => {
  const { id, type } = data;
  const reply = (message, transfer = []) => self.postMessage({ id, ...message }, transfer);
  try {
    const light = await ready;
    if (type === 'run') {
      // The old job is let go before the new one is made: should reading fail, no freed job is
      // left behind for the next run to free again.
      const old = job;
      job = null;
      made = null;
      old?.free();
      const m = (await isSpreadsheet(data.file)) ? await load(FULL) : light;
      made = { ...data, booked: null };
      const { summary, ms } = await read(m, data, reply, (next) => {
        job = next;
        core = m;
      });
      reply({ type: 'done', summary, ms, memory: m.CaseloadJob.memoryBytes() });
    } else if (type === 'chart') {
      reply({ type: 'chart', chart: (core ?? light).workloadChart(data.weeks, data.lang) });
    } else if (!job) {
      // Only after a trap or a failed run: the result lived in the job that is gone.
      throw Object.assign(new Error('Der er ingen beregnet fil (efter en intern fejl eller en fejl i filen). Kør filen igen.'), { code: 'E_TRAP' });
    } else if (type === 'summary') {
      reply({ type: 'summary', summary: job.summary(data.holder) });
    } else if (type === 'query') {
      reply({ type: 'query', page: job.query(data.query) });
    } else if (type === 'export') {
      reply({ type: 'export', text: job.export(data.list, data.query) });
    } else if (type === 'xlsx') {
      await full();
      // full() has put the job in the full module, the one with exportXlsx.
      const bytes = /** @type {import('./pkg/caseload-xlsx.js').CaseloadJob} */ (job).exportXlsx(data.list, data.query);
      reply({ type: 'xlsx', bytes }, [bytes.buffer]);
    } else if (type === 'book') {
      const booking = job.book(data.capacity, data.limit);
      made.booked = [data.capacity, data.limit];
      reply({ type: 'book', booking });
    } else if (type === 'callIn') {
      reply({ type: 'callIn', page: job.callIn(data.week, data.holder ?? '', data.offset ?? 0, data.limit ?? 200) });
    } else if (type === 'memberProposal') {
      reply({ type: 'memberProposal', items: job.memberProposal(data.member) });
    } else if (type === 'proposalIcs') {
      reply({ type: 'proposalIcs', text: job.proposalIcs(data.member, data.stamp) });
    } else if (type === 'member') {
      reply({ type: 'member', member: job.member(data.member) });
    } else if (type === 'ics') {
      reply({ type: 'ics', text: job.ics(data.member, data.stamp) });
    }
  } catch (error) {
    // After a trap the instance is replaced, and the job that lived in it is gone.
    if (error instanceof WebAssembly.RuntimeError) {
      for (const m of modules.values()) (await m).__wbg_reset_state();
      job = null;
      core = null;
      made = null;
    }
    reply({ type: 'error', error: fault(error) });
  }
};
