// @ts-check
// <samtale-plan>: the Samtaleplan calculator as a custom element for any page, such as an a-kasse's
// member portal. The computing and drawing is the WebAssembly core's (pkg/samtaleplan.js); this
// class only turns attributes into a request, places the result in its shadow root, and tells the
// host page what happened. It makes no network request of its own beyond loading its files, and
// uses no storage and no cookies.
//
//   <script type="module" src="/vendor/samtaleplan/samtale-plan.js"></script>
//   <samtale-plan start="2024-03-04" insurance="fuldtid" lang="da"></samtale-plan>
//   <samtale-plan start="2026-08-03" prior-hours="481,25"></samtale-plan>
//
// See EMBEDDING.md for attributes, properties, events, theming and the CSP a host needs.
import init, { plan as corePlan, render, __wbg_reset_state as resetCore } from './pkg/samtaleplan.js';
import { dateGroup, labelDateGroup, readDate, setDate, writeError, markDate, alertIcon, el, today } from './datefield.js';

const STYLESHEET = new URL('./samtaleplan.css', import.meta.url).href;

// One module instance, one WebAssembly instance: every element on the page (and every call to
// plan()) shares this promise, so the .wasm file is fetched once, when it is first needed.
let ready = null;
function loadCore() {
  ready ??= init({ module_or_path: new URL('./pkg/samtaleplan_bg.wasm', import.meta.url) });
  return ready;
}

/** Should the module ever trap (a bug, never bad input), a fresh instance for the next call. */
function recover(error) {
  if (!(error instanceof WebAssembly.RuntimeError)) return false;
  resetCore();
  return true;
}

/** Computes a plan (the JSON contract of docs/contract.md); rejects with an Error carrying `.code`. */
export async function plan(request) {
  await loadCore();
  try {
    return corePlan(request);
  } catch (error) {
    recover(error);
    throw error;
  }
}

const ATTRIBUTES = ['start', 'insurance', 'group', 'handover', 'today', 'lang', 'pauses', 'prior-hours', 'mode', 'heading-level'];

/** A number as a person or a portal writes it: digits, with a decimal comma or point ("481",
 * "481,25", "481.25"; a minus sign too, so that the core can say why a negative is refused). */
const HOURS = /^-?\d+(?:[.,]\d+)?$/;

/** The `prior-hours` attribute as the request's `prior_hours`: absent or empty is null (none); a
 * number written with a comma or a point is that number; anything else goes to the core as it is,
 * which refuses it with its own code and message (E_TYPE, E_UNKNOWN_VALUE, E_PRIOR_HOURS). */
function priorHours(attribute) {
  const text = attribute?.trim() ?? '';
  if (text === '') return null;
  return HOURS.test(text) ? Number(text.replace(',', '.')) : attribute;
}

/** The pauses as a portal writes them, in the vocabulary of the page and its links too: the page's
 * period kind `nedsat` ("Arbejde på nedsat tid") is part-time work, the contract's `arbejde` with
 * `hours_per_week`; hours may be a text as attributes are ("15", "18,5"). Anything else goes to the
 * core as it is, which refuses it with its own code. Returns { pauses } or { error: { field } }. */
function normalisePauses(pauses) {
  if (!Array.isArray(pauses)) return { pauses };
  const out = [];
  for (const [i, pause] of pauses.entries()) {
    if (pause === null || typeof pause !== 'object' || Array.isArray(pause)) {
      out.push(pause);
      continue;
    }
    const p = { ...pause };
    if (typeof p.hours_per_week === 'string' && HOURS.test(p.hours_per_week.trim())) {
      p.hours_per_week = Number(p.hours_per_week.trim().replace(',', '.'));
    }
    if (p.reason === 'nedsat') {
      if (p.hours_per_week === undefined || p.hours_per_week === null) return { error: { field: `pauses[${i}].hours_per_week` } };
      p.reason = 'arbejde';
    }
    out.push(p);
  }
  return { pauses: out };
}

const WORDS = {
  da: {
    start: 'Første ledighedsdag',
    hint: 'Den dag, du meldte dig ledig på Jobnet.',
    insurance: 'Forsikring',
    fuldtid: 'Fuldtid',
    deltid: 'Deltid',
    submit: 'Vis samtaler',
    pauses: 'Attributten pauses skal være en JSON-liste, fx [{"from":"2024-04-01","to":"2024-04-12"}].',
    headingLevel: 'Attributten heading-level skal være et tal fra 1 til 6 eller none.',
    partTime: 'Arbejde på nedsat tid (nedsat) skal have timer om ugen: hours_per_week, fx 15.',
    loading: 'Beregner …',
    failed: 'Beregneren kunne ikke indlæses.',
    trap: 'Der skete en intern fejl i beregneren (E_TRAP). Den er startet igen – prøv en gang til.',
  },
  en: {
    start: 'First day of unemployment',
    hint: 'The day you registered as unemployed on Jobnet.',
    insurance: 'Insurance',
    fuldtid: 'Full-time',
    deltid: 'Part-time',
    submit: 'Show interviews',
    pauses: 'The pauses attribute must be a JSON array, e.g. [{"from":"2024-04-01","to":"2024-04-12"}].',
    headingLevel: 'The heading-level attribute must be a number from 1 to 6, or none.',
    partTime: 'Part-time work (nedsat) needs the hours worked a week: hours_per_week, e.g. 15.',
    loading: 'Computing …',
    failed: 'The calculator could not be loaded.',
    trap: 'The calculator hit an internal error (E_TRAP). It has been restarted – please try again.',
  },
};

let serial = 0;

// Imported during server-side rendering (Node.js: Next.js, Nuxt), there is no DOM: the module
// loads, defines nothing and touches neither `window` nor `customElements`; the element is
// defined when the same module runs in the browser.
const Base = /** @type {typeof HTMLElement} */ (globalThis.HTMLElement ?? class {});

export class SamtalePlanElement extends Base {
  static observedAttributes = ATTRIBUTES;

  #root;
  #form;
  #start;
  #error;
  #result;
  #plan = null;
  #failure = null;
  #queued = false;
  #id = ++serial;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    const id = (part) => `sp${this.#id}-${part}`;
    this.#error = el('p', { class: 'samtaleplan-error', part: 'error', role: 'alert' });
    this.#result = el('div', { class: 'samtaleplan-result', part: 'result' });
    // The first day is the design system's date group (day, month, year), as on the page; its
    // errors stand beside it with a hidden "Fejl:" before them.
    const start = dateGroup(id('start'), { part: 'input' });
    start.classList.add('samtaleplan-field');
    start.querySelector('.form-error-message').setAttribute('part', 'field-error');
    this.#start = start;
    const insurance = el('select', { id: id('insurance'), name: 'insurance', part: 'input' }, [
      el('option', { value: 'fuldtid' }),
      el('option', { value: 'deltid' }),
    ]);
    this.#error.id = id('error');
    this.#form = el('form', { class: 'samtaleplan-form', part: 'form', novalidate: '' }, [
      start,
      el('div', { class: 'samtaleplan-field' }, [el('label', { for: id('insurance'), 'data-word': 'insurance' }), insurance]),
      el('button', { type: 'submit', part: 'button', 'data-word': 'submit' }),
    ]);
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      const lang = this.lang === 'en' ? 'en' : 'da';
      const read = readDate(start, lang, this.#words().start, { required: true });
      if (read.error) {
        this.#fail({ code: read.error.code, field: 'start', message: read.error.message }, read.error.parts);
        start.querySelector('[aria-invalid="true"]')?.focus();
        return;
      }
      // The form's values become the element's attributes: one source of truth, visible to the host.
      this.setAttribute('start', read.iso);
      this.setAttribute('insurance', insurance.value);
    });
    this.#root.append(
      el('link', { rel: 'stylesheet', href: STYLESHEET }),
      el('div', { class: 'samtaleplan-element', part: 'container' }, [this.#form, this.#error, this.#result]),
    );
  }

  connectedCallback() {
    this.#schedule();
  }

  attributeChangedCallback(_name, before, after) {
    if (before !== after && this.isConnected) this.#schedule();
  }

  // ---- properties mirror the attributes --------------------------------------------------

  get start() { return this.getAttribute('start'); }
  set start(v) { this.#reflect('start', v); }
  get insurance() { return this.getAttribute('insurance') ?? 'fuldtid'; }
  set insurance(v) { this.#reflect('insurance', v); }
  get group() { return this.getAttribute('group') ?? 'standard'; }
  set group(v) { this.#reflect('group', v); }
  get handover() { return this.getAttribute('handover'); }
  set handover(v) { this.#reflect('handover', v); }
  get today() { return this.getAttribute('today'); }
  set today(v) { this.#reflect('today', v); }
  get lang() { return this.getAttribute('lang') ?? 'da'; }
  set lang(v) { this.#reflect('lang', v); }
  get mode() { return this.getAttribute('mode') === 'plan' ? 'plan' : 'full'; }
  set mode(v) { this.#reflect('mode', v); }
  /** The level of the plan's heading, 1–6 (its section headings one below), or 'none'; 2 by default. */
  get headingLevel() {
    const v = this.getAttribute('heading-level');
    return v === 'none' ? 'none' : /^[1-6]$/.test(v ?? '') ? Number(v) : 2;
  }
  set headingLevel(v) { this.#reflect('heading-level', v); }
  /** The pauses, as an array of { from, to, reason }; the attribute holds them as JSON. */
  get pauses() {
    try {
      const value = JSON.parse(this.getAttribute('pauses') ?? '[]');
      return Array.isArray(value) ? value : [];
    } catch {
      return [];
    }
  }
  set pauses(v) { this.#reflect('pauses', v == null ? null : JSON.stringify(v)); }
  /** Hours from an earlier spell of unemployment in the same dagpengeperiode: the `prior-hours`
   * attribute as a number ("481,25" is 481.25), or null when it is absent or not a number. The
   * setter takes a number or a text ("481,25"). */
  get priorHours() {
    const value = priorHours(this.getAttribute('prior-hours'));
    return typeof value === 'number' ? value : null;
  }
  set priorHours(v) { this.#reflect('prior-hours', v); }
  /** The plan on show (the JSON contract), or null before the first plan or after an error. */
  get plan() { return this.#plan; }
  /** The error on show, `{ code, message, field? }` as `samtaleplan:error` carried it, or null:
   * a listener added after the event can still read it (and `data-state` stays "error"). */
  get error() { return this.#failure; }

  #reflect(name, value) {
    if (value == null) this.removeAttribute(name);
    else this.setAttribute(name, String(value));
  }

  // ---- drawing ---------------------------------------------------------------------------

  /** Coalesces several attribute changes into one computation. Until it is done, `data-state` is
   * "loading": a host (or its tests) waits for "ready" or "error", never for a stale plan. */
  #schedule() {
    this.#state('loading');
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      this.#update();
    });
  }

  #words() {
    return WORDS[this.lang === 'en' ? 'en' : 'da'];
  }

  async #update() {
    const words = this.#words();
    this.#form.hidden = this.mode === 'plan';
    for (const node of /** @type {NodeListOf<HTMLElement>} */ (this.#root.querySelectorAll('[data-word]'))) node.textContent = words[node.dataset.word];
    const [fuldtid, deltid] = this.#form.querySelectorAll('option');
    fuldtid.textContent = words.fuldtid;
    deltid.textContent = words.deltid;
    labelDateGroup(this.#start, this.lang, words.start, words.hint);
    setDate(this.#start, this.start ?? '');
    this.#form.elements.insurance.value = this.insurance === 'deltid' ? 'deltid' : 'fuldtid';
    this.#root.host.setAttribute('aria-busy', 'true');
    try {
      await loadCore();
    } catch (/** @type {any} */ error) {
      ready = null;
      this.#fail({ code: 'E_LOAD', message: `${words.failed} (${error.message})` });
      return;
    } finally {
      this.#root.host.removeAttribute('aria-busy');
    }
    // In the form mode nothing is shown until there is a start; in plan mode a missing start is an error.
    // (An empty start attribute is no start: the form waits for one.)
    if (!this.start && this.mode === 'full') {
      this.#result.replaceChildren();
      this.#clearError();
      this.#plan = null;
      this.#failure = null;
      this.#state('idle');
      return;
    }
    const level = this.getAttribute('heading-level');
    if (level !== null && level !== 'none' && !/^[1-6]$/.test(level)) {
      this.#fail({ code: 'E_UNKNOWN_VALUE', field: 'heading-level', message: words.headingLevel });
      return;
    }
    let pauses;
    try {
      pauses = JSON.parse(this.getAttribute('pauses') ?? '[]');
    } catch {
      this.#fail({ code: 'E_JSON', field: 'pauses', message: words.pauses });
      return;
    }
    const read = normalisePauses(pauses);
    if (read.error) {
      this.#fail({ code: 'E_MISSING_FIELD', field: read.error.field, message: words.partTime });
      return;
    }
    pauses = read.pauses;
    // The attributes as written: the core, not this file, refuses a wrong word with its code
    // (E_UNKNOWN_VALUE), so this is not yet a PlanRequest.
    /** @type {any} */
    const request = {
      start: this.start ?? '',
      insurance: this.getAttribute('insurance'),
      group: this.getAttribute('group'),
      pauses,
      prior_hours: priorHours(this.getAttribute('prior-hours')),
      handover: this.handover,
      today: this.today ?? today(),
      lang: this.getAttribute('lang'),
    };
    try {
      this.#plan = render(this.#result, request);
    } catch (/** @type {any} */ error) {
      if (recover(error)) {
        this.#fail({ code: 'E_TRAP', message: words.trap });
        return;
      }
      this.#fail({ code: error.code ?? 'E_INTERNAL', field: error.field, message: error.message });
      return;
    }
    this.#headings();
    this.#clearError();
    this.#failure = null;
    // The design system's alerts carry their icon: the next samtale (info) and the warnings.
    for (const box of this.#result.querySelectorAll('.samtaleplan-next')) box.prepend(alertIcon('info'));
    for (const box of this.#result.querySelectorAll('.samtaleplan-warnings')) box.prepend(alertIcon('warning'));
    this.#state('ready');
    this.dispatchEvent(new CustomEvent('samtaleplan:change', { detail: this.#plan, bubbles: true, composed: true }));
  }

  /** The ready signal for hosts and their tests: data-state is loading, ready, error or idle. */
  #state(state) {
    this.setAttribute('data-state', state);
  }

  /** The core draws the plan's heading as <h2> and its sections' as <h3>: moved to the level the
   * host asks for (heading-level), or the plan's heading left out (heading-level="none"). */
  #headings() {
    const level = this.headingLevel;
    if (level === 'none') {
      this.#result.querySelector('.samtaleplan-heading')?.remove();
      return;
    }
    if (level === 2) return;
    for (const h of this.#result.querySelectorAll('h2, h3')) {
      const moved = document.createElement(`h${Math.min(6, level + Number(h.tagName[1]) - 2)}`);
      for (const { name, value } of h.attributes) moved.setAttribute(name, value);
      moved.append(...h.childNodes);
      h.replaceWith(moved);
    }
  }

  #clearError() {
    this.#error.textContent = '';
    delete this.#error.dataset.code;
    const box = this.#start.querySelector('.form-error-message');
    box.textContent = '';
    delete box.dataset.code;
    this.#start.classList.remove('form-error');
    for (const input of this.#start.querySelectorAll('input')) input.removeAttribute('aria-invalid');
  }

  /** Shows an error: beside the first day when it is about it and the form is shown, otherwise in
   * the element's error box (`part="error"`); and tells the host. */
  #fail(detail, parts) {
    this.#state('error');
    this.#plan = null;
    // Only the three keys, as documented: a copy that the host may keep.
    this.#failure = Object.freeze({ code: detail.code, message: detail.message, ...(detail.field ? { field: detail.field } : {}) });
    this.#result.replaceChildren();
    this.#clearError();
    if (detail.field === 'start' && this.mode === 'full') {
      const box = this.#start.querySelector('.form-error-message');
      writeError(box, this.lang, detail.message);
      box.dataset.code = detail.code;
      markDate(this.#start, parts);
    } else {
      this.#error.textContent = detail.message;
      this.#error.dataset.code = detail.code;
    }
    this.dispatchEvent(new CustomEvent('samtaleplan:error', { detail: this.#failure, bubbles: true, composed: true }));
  }
}

if (globalThis.customElements && !customElements.get('samtale-plan')) customElements.define('samtale-plan', SamtalePlanElement);
