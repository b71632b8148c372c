// @ts-check
// The caseload page's Web Worker (caseload-worker.js), which holds the caseload modules: a
// question is sent with an id, and its answer (or error) resolves (or rejects) the promise that
// asked it; progress reports go to the asker's callback.

const $ = (id) => document.getElementById(id);

// The worker resets its module itself should it ever trap (E_TRAP); the user then runs the file again.
const worker = new Worker(new URL('./caseload-worker.js', import.meta.url), { type: 'module' });
let serial = 0;
const pending = new Map();
worker.onmessage = onMessage;
worker.onerror = onError;
function onMessage({ data }) {
  if (data.type === 'ready') {
    $('caseload-form').dataset.ready = 'true';
    return;
  }
  const job = pending.get(data.id);
  if (!job) return;
  if (data.type === 'progress') return job.progress?.(data);
  pending.delete(data.id);
  if (data.type === 'error') job.reject(Object.assign(new Error(data.error.message), data.error));
  else job.resolve(data);
}
function onError(event) {
  for (const job of pending.values()) job.reject(Object.assign(new Error(event.message || 'worker'), { code: 'E_LOAD' }));
  pending.clear();
}

/** @typedef {import('./caseload-types').Questions} Questions */
/** @typedef {import('./caseload-types').Answers} Answers */
/**
 * Sends a message to the worker; resolves with its answer.
 * @template {keyof Questions} K
 * @param {{ type: K } & Questions[K]} message
 * @param {(report: import('./caseload-types').Progress) => void} [progress]
 * @returns {Promise<Answers[K]>}
 */
export function ask(message, progress) {
  const id = ++serial;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, progress });
    worker.postMessage({ id, ...message });
  });
}
