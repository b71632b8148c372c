// A portal's use of the npm package, type-checked by tests/e2e/types.test.mjs (tsc --strict):
// the contract's types are generated from the Rust types, so a field renamed or a word added
// there shows here. Each `@ts-expect-error` is a mistake the types must catch.
import { plan, type HeadingLevel, type Plan, type PlanErrorDetail, type PlanRequest, type Samtale, type SamtalePlanState } from '../../dist/samtaleplan/samtale-plan.js';
import init, { ics, plan as planNow, type ErrorCode, type PlanError } from '../../dist/samtaleplan/pkg/samtaleplan.js';

const request: PlanRequest = {
  start: '2024-03-04',
  insurance: 'deltid',
  group: null,
  pauses: [
    { from: '2024-04-01', to: '2024-04-12', reason: 'sygdom' },
    { from: '2024-06-01', to: '2024-08-31', reason: 'arbejde', hours_per_week: 18.5 },
  ],
  today: '2024-05-01',
  lang: 'en',
  compare: true,
};

// @ts-expect-error insurance is "fuldtid" or "deltid"
const halvtid: PlanRequest = { start: '2024-03-04', insurance: 'halvtid' };
// @ts-expect-error an unknown field is refused by the types as by the module
const unknown: PlanRequest = { start: '2024-03-04', startdato: '2024-03-04' };
// @ts-expect-error a pause's reason is a word of the contract
const reason: PlanRequest = { start: '2024-03-04', pauses: [{ from: '2024-04-01', to: '2024-04-02', reason: 'holiday' }] };
// @ts-expect-error hours a week are a number, not text
const hoursText: PlanRequest = { start: '2024-03-04', pauses: [{ from: '2024-06-01', to: '2024-08-31', hours_per_week: '15' }] };

export async function use(): Promise<string> {
  const p: Plan = await plan(request);
  const first: Samtale = p.samtaler[0];
  const latest: string = first.latest;
  // A null field of the contract is null, not undefined.
  const handover: string | null = p.milestones.handover;
  const to: string | null = p.regime.to;
  // A field left out when it has no value is optional.
  const nominal: string | undefined = first.nominal;
  // A full pause has no hours in the plan's echo; a part-time one has them.
  const hours: number | undefined = p.pauses[1]?.hours_per_week;
  // @ts-expect-error a status is "upcoming", "open" or "past"
  const status: typeof first.status = 'maybe';
  // @ts-expect-error the schema is a number
  const schema: string = p.schema;

  const shown: PlanErrorDetail = { code: 'E_TRAP', message: 'x' };
  const code: ErrorCode = 'E_UNKNOWN_FIELD';
  // @ts-expect-error only the contract's codes
  const nope: ErrorCode = 'E_NOPE';

  const element = document.querySelector('samtale-plan');
  element?.addEventListener('samtaleplan:error', (e) => console.log(e.detail.code, e.detail.field));
  element?.addEventListener('samtaleplan:change', (e) => console.log(e.detail.samtaler.length));
  if (element) {
    element.headingLevel = 3;
    element.headingLevel = 'none';
    // @ts-expect-error a heading level is 1–6 or 'none'
    element.headingLevel = 7;
    const level: HeadingLevel = element.headingLevel;
    const state = element.dataset.state as SamtalePlanState;
    // @ts-expect-error the states are loading, ready, error and idle
    const stale: SamtalePlanState = 'done';
    console.log(level, state, stale);
  }

  await init();
  try {
    const now: Plan = planNow(request);
    // The link and includePast are optional.
    const withLink = ics(request, '20240501T120000Z', 'https://portal.example/plan', true);
    return now.start + ics(request, '20240501T120000Z') + withLink;
  } catch (e) {
    const error = e as PlanError;
    return `${error.code} ${error.field ?? ''} ${latest} ${handover} ${to} ${nominal} ${status} ${schema} ${shown.code} ${code} ${nope} ${String(halvtid)}${String(unknown)}${String(reason)}${String(hoursText)} ${hours}`;
  }
}
