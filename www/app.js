// The page: reads the form and the URL, asks the WebAssembly core for the plan, and shows it or
// the error. All computing and drawing of the plan is the core's (pkg/samtaleplan.js).
import init, { render } from './pkg/samtaleplan.js';

const form = document.getElementById('plan-form');
const input = document.getElementById('start');
const group = document.getElementById('start-group');
const errorBox = document.getElementById('start-error');
const pageError = document.getElementById('page-error');
const result = document.getElementById('result');

// The module loads once; if it cannot, the page says so instead of doing nothing.
const ready = init().then(
  () => true,
  (error) => {
    showPageError('E_LOAD', `Beregneren kunne ikke indlæses. Prøv at genindlæse siden. (${error.message})`);
    return false;
  },
);

// The core never reads a clock: the page passes today's date (or ?today= for a fixed view).
function today() {
  const fixed = new URLSearchParams(location.search).get('today');
  if (fixed !== null) return fixed;
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** An error about the first day of ledighed, shown beside the field. */
function showFieldError(error) {
  group.classList.add('form-error');
  input.setAttribute('aria-invalid', 'true');
  errorBox.dataset.code = error.code;
  errorBox.textContent = error.message;
}

/** An error about anything else (the link's ?today=, a fault): shown above the form. */
function showPageError(code, message) {
  pageError.dataset.code = code;
  pageError.textContent = message;
}

function clearErrors() {
  group.classList.remove('form-error');
  input.removeAttribute('aria-invalid');
  delete errorBox.dataset.code;
  errorBox.textContent = '';
  delete pageError.dataset.code;
  pageError.textContent = '';
}

async function show(start, { pushUrl = false, focus = false } = {}) {
  if (!(await ready)) return;
  clearErrors();
  try {
    render(result, { start, today: today(), lang: 'da', compare: true });
  } catch (error) {
    result.replaceChildren();
    if (error.field === 'start') {
      showFieldError(error);
      if (focus) input.focus();
    } else if (error.field === 'today') {
      showPageError(error.code, `Adressen har en ugyldig dato for i dag: ${error.message}`);
    } else {
      showPageError(error.code ?? 'E_INTERNAL', error.message);
    }
    return;
  }
  const url = new URL(location.href);
  if (pushUrl && url.searchParams.get('start') !== start) {
    url.searchParams.set('start', start);
    history.pushState(null, '', url);
  }
  if (focus) result.querySelector('h2')?.focus();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  show(input.value, { pushUrl: true, focus: true });
});

function fromUrl() {
  const start = new URLSearchParams(location.search).get('start');
  if (start === null) {
    clearErrors();
    result.replaceChildren();
    return;
  }
  input.value = start; // an impossible date leaves the field empty; the core still reports it
  show(start);
}

window.addEventListener('popstate', fromUrl);
fromUrl();
