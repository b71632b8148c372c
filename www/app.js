// The page: reads the form and the URL, asks the WebAssembly core for the plan, and shows it or
// the error. All computing and drawing of the plan is the core's (pkg/samtaleplan.js).
import init, { render } from './pkg/samtaleplan.js';

const form = document.getElementById('plan-form');
const input = document.getElementById('start');
const group = document.getElementById('start-group');
const errorBox = document.getElementById('start-error');
const result = document.getElementById('result');

const ready = init();

// The core never reads a clock: the page passes today's date (or ?today= for a fixed view).
function today() {
  const fixed = new URLSearchParams(location.search).get('today');
  if (fixed !== null) return fixed;
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function showError(error) {
  result.replaceChildren();
  group.classList.add('form-error');
  input.setAttribute('aria-invalid', 'true');
  errorBox.dataset.code = error.code ?? 'E_INTERNAL';
  errorBox.textContent = error.code ? error.message : `Beregningen mislykkedes: ${error.message}`;
}

function clearError() {
  group.classList.remove('form-error');
  input.removeAttribute('aria-invalid');
  delete errorBox.dataset.code;
  errorBox.textContent = '';
}

async function show(start, { pushUrl = false, focus = false } = {}) {
  await ready;
  try {
    render(result, { start, today: today(), lang: 'da', compare: true });
  } catch (error) {
    showError(error);
    if (focus) input.focus();
    return;
  }
  clearError();
  if (pushUrl) {
    const url = new URL(location.href);
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
    clearError();
    result.replaceChildren();
    return;
  }
  input.value = start; // an impossible date leaves the field empty; the core still reports it
  show(start);
}

window.addEventListener('popstate', fromUrl);
fromUrl();
