// What a server-side renderer (Next.js, Nuxt, Astro) does with the package: it imports it on the
// server, where there is no DOM, and sends the tag as HTML; the browser defines the element when
// the same module loads there. Run from a project that has the package installed:
//   node render.mjs 2024-03-04   →   the member's page as HTML on standard output
import { SamtalePlanElement, plan } from 'samtaleplan';

const start = process.argv[2] ?? '2024-03-04';
if (!/^\d{4}-\d{2}-\d{2}$/.test(start)) throw new Error(`a date as YYYY-MM-DD, not ${start}`);

// On the server the element is a class that is never defined as a tag, and plan() is only
// called in the browser (it loads the WebAssembly module by URL).
console.error(`server: ${typeof SamtalePlanElement} SamtalePlanElement, plan() ${typeof plan}, customElements ${typeof customElements}`);
process.stdout.write(`<!doctype html>
<html lang="da">
<head>
  <meta charset="utf-8">
  <title>Min side</title>
  <script type="module" src="/vendor/samtaleplan/samtale-plan.js"></script>
</head>
<body>
  <main>
    <h1>Min side</h1>
    <samtale-plan start="${start}"></samtale-plan>
  </main>
</body>
</html>
`);
