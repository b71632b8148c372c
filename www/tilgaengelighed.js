// @ts-check
// The accessibility statement in English. The page holds the Danish text (it reads without
// JavaScript); with ?lang=en, or after the language button, each [data-t] gets the English below,
// and the Danish is put back from what the page held. Nothing is stored: the language lives in the
// URL, as on the calculator.
const EN = {
  'doc.title': 'Accessibility statement – Samtaleplan',
  skip: 'Skip to content',
  back: 'Back to the calculator',
  title: 'Accessibility statement for Samtaleplan',
  intro: 'Samtaleplan should work for everyone, also with a screen reader, magnification, a keyboard or on a small screen. This statement covers the calculator (the front page), the caseload page for a-kasser, the <samtale-plan> element and the page shown in an iframe (frame.html). It follows the model of the Danish Agency for Digital Government (Digitaliseringsstyrelsen) and the Danish act on the accessibility of public sector websites and mobile applications.',
  'status.h': 'Compliance status',
  status: 'Samtaleplan is partially compliant with WCAG 2.1 level AA and the harmonised standard EN 301 549, because of the issues listed below.',
  'issues.h': 'Content that is not accessible or has not been tested',
  'issue.sr': 'The pages have not been tested with screen readers (VoiceOver, NVDA, JAWS, TalkBack) or by users with disabilities. We therefore do not know how well they work with them in practice.',
  'issue.timeline': 'The timeline is a picture with a text that says the same. The same information is in the table below it. The timeline cannot be operated with a keyboard; that is not needed to get the information.',
  'issue.forced': 'The pages have not been tested with forced colours (e.g. Windows contrast themes); the colours of the timeline may disappear there. The key under the timeline says in words what the colours mean.',
  'issue.caseload': 'The caseload page for a-kasser has a chart of interviews per week that must be scrolled sideways on a narrow screen; the numbers are also in the chart’s text and in a table. Large files make long lists that are heavy to move through with a keyboard.',
  'issue.files': 'The calendar file (.ics), the printout and the spreadsheet (.xlsx) are shown by your own programs. How accessible they are depends on those.',
  'how.h': 'How this statement was prepared',
  how: 'This statement was prepared on 29 November 2026 by a self-assessment by the people who develop Samtaleplan. Every page is tested automatically on every change: axe-core (WCAG 2.0 and 2.1, levels A and AA) in Chromium at 375 and 1280 pixels wide, keyboard use and focus, error messages, no sideways scrolling on a phone, and the text size in the timeline, with Playwright. The statement is reviewed when the pages change substantially, and at least once a year.',
  'contact.h': 'Feedback and contact information',
  contact: 'If you meet something you cannot use, or need the information in another form, write to us. We answer within 14 days.',
  'contact.label': 'Contact:',
  'contact.placeholder': '(to be filled in by whoever runs the site: e-mail or form)',
  'enforce.h': 'Enforcement procedure',
  enforce: 'The Danish Agency for Digital Government (Digitaliseringsstyrelsen) supervises that public websites comply with the web accessibility act. If you do not get a satisfactory answer from us, you can complain to the agency.',
  'enforce.link': 'Digitaliseringsstyrelsen (digst.dk)',
  'privacy.h': 'Privacy',
  privacy: 'Nothing you type leaves your browser: everything is computed on your own computer or phone. Samtaleplan uses no cookies and no tracking, and stores nothing.',
  'footer.privacy': 'Nothing you type leaves your browser. No cookies, no tracking.',
};

const nodes = [.../** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-t]'))];
const danish = new Map(nodes.map((n) => [n, n.textContent]));
const danishTitle = document.title;
const button = document.getElementById('lang-switch');
let lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'da';

function apply() {
  document.documentElement.lang = lang;
  document.title = lang === 'en' ? EN['doc.title'] : danishTitle;
  for (const n of nodes) n.textContent = lang === 'en' ? EN[n.dataset.t] : danish.get(n);
  button.textContent = lang === 'en' ? 'Dansk' : 'English';
  button.lang = lang === 'en' ? 'da' : 'en';
  button.setAttribute('aria-label', lang === 'en' ? 'Skift sprog til dansk' : 'Change language to English');
  document.getElementById('back-link').setAttribute('href', lang === 'en' ? 'index.html?lang=en' : 'index.html');
}

button.hidden = false;
button.addEventListener('click', () => {
  lang = lang === 'da' ? 'en' : 'da';
  const url = new URL(location.href);
  if (lang === 'en') url.searchParams.set('lang', 'en');
  else url.searchParams.delete('lang');
  history.replaceState(null, '', url);
  apply();
});
apply();
