// Generated caseload files for the tests and the benchmark: members with pauses and held
// samtaler, deterministic for a seed, in the CSV shape docs/caseload.md describes.

/** mulberry32: a small deterministic generator. */
export function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86400000;
const dk = (ms) => {
  const d = new Date(ms);
  const pad = (n) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}-${pad(d.getUTCMonth() + 1)}-${d.getUTCFullYear()}`;
};

/**
 * A caseload file of `n` R2024 members starting in the year before `today` (ISO), a third with a
 * pause, most with some samtaler held (on time, early or late).
 */
export function caseloadCsv(n, { seed = 7, today = '2025-03-05' } = {}) {
  const r = rng(seed);
  const end = Date.parse(`${today}T00:00:00Z`);
  const from = Math.max(Date.parse('2024-01-01T00:00:00Z'), end - 400 * DAY);
  const span = Math.round((end - from) / DAY);
  const lines = ['medlem;start;forsikring;pauser;holdt_A1;holdt_A2;holdt_A3;holdt_J1;holdt_J2'];
  for (let i = 0; i < n; i++) {
    const start = from + Math.floor(r() * span) * DAY;
    const insurance = r() < 0.2 ? 'deltid' : '';
    let pauses = '';
    if (r() < 0.33) {
      const p = start + Math.floor(r() * 120) * DAY;
      pauses = `${dk(p)}..${dk(p + Math.floor(r() * 30) * DAY)}`;
    }
    // A1 within two weeks or a little late; A2, A3, J1, J2 some weeks on.
    const held = [12, 50, 80, 110, 140].map((offset, k) =>
      r() < 0.7 - k * 0.1 && start + offset * DAY < end ? dk(start + (offset + Math.floor(r() * 10) - 3) * DAY) : '',
    );
    lines.push([`M${String(i + 1).padStart(6, '0')}`, dk(start), insurance, pauses, ...held].join(';'));
  }
  return `${lines.join('\r\n')}\r\n`;
}
