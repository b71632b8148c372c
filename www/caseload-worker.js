// The caseload Web Worker: reads the chosen file in chunks into the WebAssembly core, reports
// progress, and keeps the result for lists, exports and calendar files asked for later. The file
// never leaves the browser.
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

self.onmessage = async ({ data }) => {
  const { id, type } = data;
  const reply = (message, transfer = []) => self.postMessage({ id, ...message }, transfer);
  try {
    await ready;
    if (type === 'run') {
      const { file, today, lang, limit } = data;
      job?.free();
      job = new CaseloadJob(today, lang, limit);
      const started = performance.now();
      let bytes = 0;
      let last = 0;
      const reader = file.stream().getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        job.feed(value);
        bytes += value.length;
        // A progress report now and then, not for every chunk.
        if (performance.now() - last > 50 || bytes === file.size) {
          last = performance.now();
          reply({ type: 'progress', bytes, total: file.size, rows: job.rows() });
        }
      }
      const summary = job.finish();
      reply({ type: 'done', summary, ms: performance.now() - started, memory: CaseloadJob.memoryBytes() });
    } else if (!job) {
      // Only after a trap: the result lived in the instance that was replaced.
      throw Object.assign(new Error('Resultatet gik tabt ved en intern fejl (E_TRAP). Kør filen igen.'), { code: 'E_TRAP' });
    } else if (type === 'list') {
      reply({ type: 'list', list: job.list(data.name, data.holder, data.limit) });
    } else if (type === 'export') {
      reply({ type: 'export', text: job.export(data.list, data.holder) });
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
