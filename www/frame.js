// @ts-check
// The iframe alternative (EMBEDDING.md), for a portal that cannot allow WebAssembly in its own
// Content-Security-Policy. The portal loads frame.html?origin=<its origin>&start=…; this page
// shows <samtale-plan> with those attributes and talks to the portal only by postMessage, and
// only with the origin it was given:
//   to the portal:   { type: 'samtaleplan:change', plan }, { type: 'samtaleplan:error', error },
//                    { type: 'samtaleplan:resize', height }
//   from the portal: { type: 'samtaleplan:set', attributes: { start: '2024-03-04', … } }
import './samtale-plan.js';

const ATTRIBUTES = ['start', 'insurance', 'group', 'handover', 'today', 'lang', 'pauses', 'prior-hours'];
const params = new URLSearchParams(location.search);
const element = document.getElementById('plan');
// Without a declared origin nothing is posted anywhere: a plan is personal.
const origin = params.get('origin');
const post = (message) => {
  if (origin && window.parent !== window) window.parent.postMessage(message, origin);
};

for (const name of ATTRIBUTES) {
  const value = params.get(name);
  if (value !== null) element.setAttribute(name, value);
}
if (params.get('lang') === 'en') {
  document.documentElement.lang = 'en';
  document.title = 'Samtaleplan – your interviews';
  document.getElementById('frame-title').textContent = 'Your interviews';
  document.getElementById('frame-privacy').textContent = 'Nothing you type leaves your browser.';
  const a11y = /** @type {HTMLAnchorElement} */ (document.getElementById('frame-a11y'));
  a11y.textContent = 'Accessibility statement';
  a11y.href = 'tilgaengelighed.html?lang=en';
}

element.addEventListener('samtaleplan:change', (e) => post({ type: 'samtaleplan:change', plan: e.detail }));
element.addEventListener('samtaleplan:error', (e) => post({ type: 'samtaleplan:error', error: e.detail }));
new ResizeObserver(() => post({ type: 'samtaleplan:resize', height: document.documentElement.scrollHeight })).observe(document.body);

window.addEventListener('message', (event) => {
  if (!origin || event.origin !== origin || event.data?.type !== 'samtaleplan:set') return;
  for (const [name, value] of Object.entries(event.data.attributes ?? {})) {
    if (!ATTRIBUTES.includes(name)) continue;
    if (value === null) element.removeAttribute(name);
    else element.setAttribute(name, typeof value === 'string' ? value : JSON.stringify(value));
  }
});
