// @ts-check
// What the caseload page gives back as files: the exports and the calendar files, downloaded
// from memory (nothing is uploaded).
import { el } from './datefield.js';

/** Hands `data` to the browser as a file called `name`. */
export function download(name, data, type) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The calendar's DTSTAMP for a file made now: 20240501T120000Z. */
export function icsStamp() {
  return new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}
