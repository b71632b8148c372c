// @ts-check
// The caseload page's booking proposal (issue 15): the capacities, the booked load of the 26
// weeks against capacity per holder (a chart per holder and a table), the samtaler to call in a
// chosen week, those at risk, and a member's proposed weeks. The proposal itself is the
// WebAssembly core's (CaseloadJob.book); this file only places it.

const SVG = 'http://www.w3.org/2000/svg';
/** @typedef {import('./pkg/caseload.js').Booking} Booking */
/** The lanes as the proposal gives them (the keys of a BookedWeek's loads).
 * @type {{ key: 'akasse' | 'jobcenter' | 'joint', name: string, colour: string }[]} */
export const LANES = [
  { key: 'akasse', name: 'A-kassen', colour: '#1b75b0' },
  { key: 'jobcenter', name: 'Jobcentret/kommunen', colour: '#a34700' },
  { key: 'joint', name: 'Fælles samtaler', colour: '#6b46a6' },
];

/** An ISO date as Danes write it: 2024-03-04 is 4.3.2024. */
export const danishDate = (iso) => {
  const [y, m, d] = iso.split('-');
  return `${Number(d)}.${Number(m)}.${y}`;
};
const number = (n) => n.toLocaleString('da-DK');
const weekNo = (w) => Number(w.week.slice(6));

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The capacities of the form as the core reads them ("akasse=120,joint=40"); an empty field is
 * unlimited. The core checks the numbers.
 * @param {HTMLFormElement} form
 */
export function capacityText(form) {
  return LANES.map(({ key }) => [key, /** @type {HTMLInputElement} */ (form.querySelector(`[name="cap-${key}"]`)).value.trim()])
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** The words for a lane's week: "3 af 4, fuld, 2 i fare".
 * @param {import('./pkg/caseload.js').Load} load */
export function loadWords(load) {
  const parts = [load.capacity == null ? `${number(load.booked)} (ubegrænset)` : `${number(load.booked)} af ${number(load.capacity)}`];
  if (load.full) parts.push('fuld');
  if (load.at_risk) parts.push(`${number(load.at_risk)} i fare`);
  return parts.join(', ');
}

/**
 * A lane's chart: the booked samtaler of each of the 26 weeks as bars, the capacity as a dashed
 * line; a full week's bar is hatched and marked "F" under it, a week with samtaler at risk
 * (latest date in the week, no place found) is marked "!" above it — marks, not colour alone.
 * @param {Booking} booking
 * @param {LANES[number]} lane
 */
function laneChart(booking, lane) {
  const W = 760, L = 44, R = 8, T = 40, P = 110, B = 40;
  const weeks = booking.weeks;
  const loads = weeks.map((w) => w[lane.key]);
  const cap = loads[0]?.capacity;
  const max = Math.max(1, cap ?? 0, ...loads.map((l) => l.booked));
  const step = (W - L - R) / weeks.length;
  const y = (n) => T + P - (n / max) * P;
  const root = svg('svg', { viewBox: `0 0 ${W} ${T + P + B}`, class: 'caseload-chart', role: 'img', 'aria-label': `${lane.name}: bookede samtaler pr. uge${cap == null ? ' (ubegrænset kapacitet)' : ` mod en kapacitet på ${number(cap)} pr. uge`}` });
  const defs = svg('defs');
  const hatch = svg('pattern', { id: `full-${lane.key}`, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
  hatch.append(svg('rect', { width: 6, height: 6, fill: lane.colour }), svg('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#fff', 'stroke-width': 2 }));
  defs.append(hatch);
  root.append(defs);
  root.append(svg('text', { x: L, y: 14, class: 'caseload-week-label', 'font-size': 13, 'font-weight': 600 }, `${lane.name}${cap == null ? ' – ubegrænset kapacitet' : ` – kapacitet ${number(cap)} pr. uge`}`));
  for (const n of [0, max]) {
    root.append(svg('text', { x: L - 6, y: y(n) + 4, 'text-anchor': 'end', 'font-size': 11, class: 'caseload-week-label' }, number(n)));
  }
  root.append(svg('line', { x1: L, y1: T + P, x2: W - R, y2: T + P, stroke: '#555' }));
  weeks.forEach((w, i) => {
    const load = loads[i];
    const x = L + i * step + 2;
    const h = load.booked ? Math.max(2, (load.booked / max) * P) : 0;
    const bar = svg('rect', { x, y: T + P - h, width: step - 4, height: h, fill: load.full ? `url(#full-${lane.key})` : lane.colour, 'data-week': w.from });
    bar.append(svg('title', {}, `uge ${weekNo(w)} (${danishDate(w.from)}): ${loadWords(load)}`));
    root.append(bar);
    if (load.full) root.append(svg('text', { x: x + (step - 4) / 2, y: T + P + 13, 'text-anchor': 'middle', 'font-size': 10, class: 'caseload-week-label' }, 'F'));
    if (load.at_risk) root.append(svg('text', { x: x + (step - 4) / 2, y: T - 8, 'text-anchor': 'middle', 'font-size': 14, 'font-weight': 700, fill: '#b00020', class: 'caseload-at-risk-mark' }, '!'));
    if (i % 2 === 0) root.append(svg('text', { x: x + (step - 4) / 2, y: T + P + 30, 'text-anchor': 'middle', 'font-size': 10, class: 'caseload-week-label' }, `u${weekNo(w)}`));
  });
  if (cap != null) {
    root.append(svg('line', { x1: L, y1: y(cap), x2: W - R, y2: y(cap), stroke: '#222', 'stroke-dasharray': '6 4', 'stroke-width': 1.5, class: 'caseload-capacity-line' }));
  }
  return root;
}

/** The charts of the three lanes into `element`.
 * @param {Element} element
 * @param {Booking} booking */
export function drawBookingCharts(element, booking) {
  element.replaceChildren(...LANES.map((lane) => {
    const box = document.createElement('figure');
    box.className = 'samtaleplan-figure caseload-chart-box';
    box.tabIndex = 0;
    box.dataset.lane = lane.key;
    box.setAttribute('aria-label', `Diagram: ${lane.name}, bookede samtaler pr. uge (rul vandret på en smal skærm)`);
    box.append(laneChart(booking, lane));
    return box;
  }));
}
