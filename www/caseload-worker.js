// The caseload Web Worker: reads the chosen file in chunks into the WebAssembly core (a
// spreadsheet is then read a slice of rows at a time), reports progress with the rows counted,
// and keeps the result for the summaries, worklist pages, exports and member plans asked for
// later. The file never leaves the browser.
import init, { CaseloadJob, __wbg_reset_state as resetCore } from './pkg/caseload.js';

const ready = init();
let job = null;
// Tell the page when the module is ready, so it can say so (and a benchmark can wait for it).
ready.then(() => self.postMessage({ type: 'ready' }));

/** The error of a failed call, as plain data; a trap (never bad input) is E_TRAP. */
const fault = (error) =>
  error instanceof WebAssembly.RuntimeError
    ? { code: 'E_TRAP', message: 'Der skete en intern fejl i beregneren (E_TRAP). Den er startet igen – prøv en gang til.' }
    : { code: error.code ?? 'E_INTERNAL', message: error.message, field: error.field };

/** Rows of a spreadsheet read between two progress reports. */
const SLICE = 5000;

self.onmessage = async ({ data }) => {
  const { id, type } = data;
  const reply = (message, transfer = []) => self.postMessage({ id, ...message }, transfer);
  try {
    await ready;
    if (type === 'run') {
      const { file, today, lang, limit, sheet } = data;
      // The old job is let go before the new one is made: should the constructor throw (a day
      // outside 1900–2199), no freed job is left behind for the next run to free again.
      const old = job;
      job = null;
      old?.free();
      const next = new CaseloadJob(today, lang, limit, sheet || undefined);
      job = next;
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
          reply({ type: 'progress', bytes, total: file.size, rows: next.rows() });
        }
      }
      // A spreadsheet is read once all of it is in: a slice of rows at a time, counted.
      while (next.pump(SLICE) > 0) {
        if (performance.now() - last > 50) {
          last = performance.now();
          reply({ type: 'progress', phase: 'sheet', bytes, total: file.size, rows: next.rows() });
        }
      }
      const summary = next.finish();
      reply({ type: 'done', summary, ms: performance.now() - started, memory: CaseloadJob.memoryBytes() });
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
      const bytes = job.exportXlsx(data.list, data.query);
      reply({ type: 'xlsx', bytes }, [bytes.buffer]);
    } else if (type === 'book') {
      reply({ type: 'book', booking: job.book(data.capacity, data.limit) });
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
      resetCore();
      job = null;
    }
    reply({ type: 'error', error: fault(error) });
  }
};
