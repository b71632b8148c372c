// A portal's own bundle: it installs the package and uses both the element and plan().
import { plan } from 'samtaleplan';

document.addEventListener('samtaleplan:change', (event) => {
  document.getElementById('next').textContent = event.detail.next?.text ?? '';
});

// plan() shares the element's one WebAssembly instance.
const p = await plan({ start: '2024-03-04', today: '2024-05-01' });
document.body.dataset.samtaler = String(p.samtaler.length);
