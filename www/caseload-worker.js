// The caseload Web Worker: reads the chosen file in chunks into the WebAssembly core, reports
// progress, and keeps the result for lists, exports and calendar files asked for later. The file
// never leaves the browser.
import init, { CaseloadJob } from './pkg/samtaleplan.js';

const ready = init();
let job = null;
// Tell the page when the module is ready, so it can say so (and a benchmark can wait for it).
ready.then(() => self.postMessage({ type: 'ready' }));

/** The error of a failed call, as plain data. */
const fault = (error) => ({ code: error.code ?? 'E_INTERNAL', message: error.message, field: error.field });

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
    } else if (type === 'list') {
      reply({ type: 'list', list: job.list(data.name, data.holder, data.limit) });
    } else if (type === 'export') {
      reply({ type: 'export', text: job.export(data.list, data.holder) });
    } else if (type === 'ics') {
      reply({ type: 'ics', text: job.ics(data.member, data.stamp) });
    }
  } catch (error) {
    reply({ type: 'error', error: fault(error) });
  }
};
