// Types for the <samtale-plan> element and plan(). The contract's types (PlanRequest, Pause,
// Plan, Samtale, ErrorCode, …) are generated from the Rust types (tsify) into
// pkg/samtaleplan.d.ts by the build; only the element's own types are written here.

import type { ErrorCode, Group, Insurance, IsoDate, Lang, Pause, Plan, PlanRequest } from './pkg/samtaleplan.js';

export type {
  Basis,
  ComparedSamtale,
  Comparison,
  ErrorCode,
  Group,
  Holder,
  Insurance,
  IsoDate,
  Lang,
  Message,
  Milestones,
  Next,
  NotOwed,
  NotOwedReason,
  Obligation,
  Pause,
  PauseEcho,
  PauseReason,
  Plan,
  PlanError,
  PlanRequest,
  RegimeInfo,
  Samtale,
  Source,
  Status,
} from './pkg/samtaleplan.js';

/** What `samtaleplan:error` carries, and what a rejected plan() throws (as an Error). */
export interface PlanErrorDetail {
  /** A stable code of the contract, or E_LOAD or E_TRAP from the element itself (docs/contract.md). */
  code: ErrorCode | 'E_LOAD' | 'E_TRAP';
  /** In the request's language. */
  message: string;
  /** The field the error is about, as a JSON path: "start", "pauses[2].to". */
  field?: string;
}

/** The `heading-level` attribute: 1–6, or 'none' for no heading of the element's own. */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6 | 'none';

/** The element's `data-state` attribute, its ready signal: "loading" from an attribute change
 * until a plan ("ready") or an error ("error") is drawn; "idle" in mode="full" without a start. */
export type SamtalePlanState = 'loading' | 'ready' | 'error' | 'idle';

/** Computes a plan. Loads the WebAssembly module on first use; rejects with an Error with `.code`. */
export function plan(request: PlanRequest): Promise<Plan>;

/** <samtale-plan>: every property mirrors the attribute of the same name. */
export class SamtalePlanElement extends HTMLElement {
  start: IsoDate | null;
  insurance: Insurance;
  group: Group;
  handover: IsoDate | null;
  today: IsoDate | null;
  lang: Lang;
  /** The `pauses` attribute holds these as JSON. A period of part-time work (`hours_per_week`)
   * may leave out `to` ("indtil videre"); `reason: "sygdom"` is the whole sickness. */
  pauses: Pause[];
  /** The `prior-hours` attribute: hours from an earlier spell of unemployment in the same
   * dagpengeperiode (the a-kasse's "forbrugte timer"), as a number ("481,25" reads 481.25), or
   * null when absent or not a number. Set a number, or a text with a decimal comma or point. */
  get priorHours(): number | null;
  set priorHours(value: number | string | null);
  /** "full" shows a form; "plan" only the plan for the start the host gives. */
  mode: 'full' | 'plan';
  /** The `heading-level` attribute: the level of the plan's heading (its sections' one below),
   * or 'none' for no heading of its own; 2 by default. */
  headingLevel: HeadingLevel;
  /** The plan on show, or null (before the first plan, and after an error). */
  readonly plan: Plan | null;
  /** The error on show, as `samtaleplan:error` carried it, or null: a listener that came late
   * reads it here while `data-state` is "error". */
  readonly error: PlanErrorDetail | null;
}

/** The element's attributes as a template writes them (every value a text, as in HTML): for
 * JSX (`samtaleplan/react`, `samtaleplan/vue`) and for anyone who builds the tag by hand. */
export interface SamtalePlanAttributes {
  start?: IsoDate;
  insurance?: Insurance;
  group?: Group;
  handover?: IsoDate;
  today?: IsoDate;
  lang?: Lang;
  /** JSON: `[{"from":"2024-04-01","to":"2024-04-12","reason":"ferie"}]`. */
  pauses?: string;
  /** "481", "481,25" or "481.25". */
  'prior-hours'?: string | number;
  mode?: 'full' | 'plan';
  'heading-level'?: `${HeadingLevel}`;
}

/** The element's events, by name. */
export interface SamtalePlanEventMap {
  'samtaleplan:change': CustomEvent<Plan>;
  'samtaleplan:error': CustomEvent<PlanErrorDetail>;
}

declare global {
  interface HTMLElementTagNameMap {
    'samtale-plan': SamtalePlanElement;
  }
  // Both events bubble and are composed: heard on the element, on document and on window.
  interface HTMLElementEventMap extends SamtalePlanEventMap {}
  interface DocumentEventMap extends SamtalePlanEventMap {}
  interface WindowEventMap extends SamtalePlanEventMap {}
}
