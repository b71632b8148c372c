// @ts-check
// The page's link: a request written into the URL's query string and read back from it
// (?start=…&insurance=deltid&prior_hours=481.25&pause=FROM..TO..REASON[..HOURS]&…&lang=en), and
// numbers as people type them. No DOM: app.js moves the values between the form and here.

/** Hours a week as typed ("15", "18,5", "18.5") become a number; anything else is handed to the core
 * as it is, which refuses it beside the field (E_TYPE, pauses[i].hours_per_week). */
export function hoursValue(text) {
  const t = text.trim();
  return /^\d+([.,]\d+)?$/.test(t) ? Number(t.replace(',', '.')) : t;
}

/** Hours used of the dagpengeperiode as typed ("481", "481,25", "481.25", "1.481,25") become a
 * number; anything else goes to the core as it is, which refuses it beside the field (E_TYPE,
 * E_UNKNOWN_VALUE for "-5" or "10,555", E_PRIOR_HOURS for more than a dagpengeperiode). */
export function priorValue(typed) {
  let t = typed.trim().replace(/\s/g, '');
  if (/^\d{1,3}(\.\d{3})+,\d+$/.test(t)) t = t.replaceAll('.', '');
  return /^-?\d+([.,]\d+)?$/.test(t) ? Number(t.replace(',', '.')) : typed.trim();
}

/** The URL of a request: ?start=…&insurance=deltid&prior_hours=481.25&pause=FROM..TO..REASON[..HOURS]&…
 * (TO empty for part-time work "indtil videre"). */
export function toUrl(req, lang) {
  const url = new URL(location.href);
  url.search = '';
  const q = url.searchParams;
  q.set('start', req.start);
  if (req.insurance === 'deltid') q.set('insurance', 'deltid');
  if (req.group === 'jobcenter_from_day_one') q.set('group', req.group);
  if (req.prior_hours !== undefined) q.set('prior_hours', req.prior_hours);
  for (const p of req.pauses) {
    const hours = p.hours_per_week === undefined || p.hours_per_week === null ? '' : `..${p.hours_per_week}`;
    q.append('pause', `${p.from}..${p.to ?? ''}..${p.reason}${hours}`);
  }
  if (req.handover) q.set('handover', req.handover);
  if (lang !== 'da') q.set('lang', lang);
  const fixed = new URLSearchParams(location.search).get('today');
  if (fixed !== null) q.set('today', fixed);
  return url;
}

/** The contract's limit on pauses (MAX_PAUSES in src/contract/fields.rs; tests/requests.rs holds
 * the two equal): a link with more is refused by its count, before any pause is read or drawn
 * (10,000 would make 500,000 nodes). */
export const MAX_PAUSES = 1000;
/**
 * The page's link read: its language (`badLang`: a language the page does not have, named while
 * the page is shown in Danish), the number of pauses of a link that has too many (0: it has not),
 * and its request (null without a start, or with too many pauses).
 */
export function fromUrl() {
  const q = new URLSearchParams(location.search);
  const lang = q.get('lang') === 'en' ? 'en' : 'da';
  const badLang = q.has('lang') && !['da', 'en'].includes(q.get('lang')) ? q.get('lang') : null;
  const read = { lang, badLang, tooManyPauses: 0, request: null };
  if (!q.has('start')) return read;
  const count = q.getAll('pause').length;
  if (count > MAX_PAUSES) return { ...read, tooManyPauses: count };
  const req = {
    start: q.get('start'),
    insurance: q.get('insurance') ?? 'fuldtid',
    group: q.get('group') ?? 'standard',
    pauses: q.getAll('pause').map((p) => {
      const [from = '', to = '', reason = 'andet', hours] = p.split('..');
      // An empty TO is no end: part-time work "indtil videre" (the core refuses it for a full pause).
      const pause = { from, to: to || undefined, reason };
      if (hours !== undefined) pause.hours_per_week = hoursValue(hours);
      return pause;
    }),
    handover: q.get('handover'),
  };
  if (q.has('prior_hours')) req.prior_hours = priorValue(q.get('prior_hours'));
  return { ...read, request: req };
}
