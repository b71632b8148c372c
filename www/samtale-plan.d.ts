// Types for the <samtale-plan> element and plan(), the Samtaleplan JSON contract (README.md).

export type Insurance = 'fuldtid' | 'deltid';
export type Group = 'standard' | 'jobcenter_from_day_one';
export type Lang = 'da' | 'en';
export type PauseReason = 'arbejde' | 'sygdom' | 'barsel' | 'ferie' | 'afmeldt' | 'andet';
export type Holder = 'akasse' | 'jobcenter' | 'kommune' | 'joint';
export type Basis = 'law' | 'star' | 'practice' | 'convention';
export type Obligation = 'required' | 'normally_due' | 'conditional';
export type Status = 'upcoming' | 'open' | 'past';
/** A date written YYYY-MM-DD. */
export type IsoDate = string;

export interface Pause {
  from: IsoDate;
  to: IsoDate;
  reason?: PauseReason;
}

export interface PlanRequest {
  start: IsoDate;
  insurance?: Insurance | null;
  group?: Group | null;
  pauses?: Pause[] | null;
  /** The hand-over date the a-kasse gave, overriding the computed one. */
  handover?: IsoDate | null;
  /** Gives every samtale a status; the core never reads a clock. */
  today?: IsoDate | null;
  lang?: Lang | null;
  /** Also answer with the plan under the neighbouring rules. */
  compare?: boolean | null;
}

export interface Source {
  name: string;
  url: string;
  quote?: string;
}

export interface Samtale {
  id: string;
  title: string;
  note?: string;
  holder: Holder;
  holder_label: string;
  obligation: Obligation;
  earliest: IsoDate;
  latest: IsoDate;
  nominal?: IsoDate;
  after?: string;
  citation: string;
  basis: Basis;
  source?: Source;
  explanation: string;
  status?: Status;
  latest_non_working: boolean;
  last_working_day?: IsoDate;
}

export interface Message {
  code: string;
  text: string;
}

export interface Plan {
  schema: 1;
  lang: Lang;
  start: IsoDate;
  today?: IsoDate;
  insurance: Insurance;
  group: Group;
  pauses: Required<Pause>[];
  regime: { id: string; name: string; from: IsoDate; to: IsoDate | null; citation: string };
  milestones: { L3m: IsoDate; L6m: IsoDate; L16m: IsoDate; handover: IsoDate | null };
  next?: { id: string; status: Status; text: string };
  samtaler: Samtale[];
  comparison?: {
    regime: { id: string; name: string; from: IsoDate; to: IsoDate | null; citation: string };
    text: string;
    samtaler: Pick<Samtale, 'id' | 'title' | 'holder' | 'holder_label' | 'earliest' | 'latest'>[];
  };
  warnings: Message[];
  assumptions: Message[];
}

/** What `samtaleplan:error` carries, and what a rejected plan() throws (as an Error). */
export interface PlanErrorDetail {
  /** A stable code: E_DATE_INVALID, E_UNKNOWN_FIELD, …, and E_LOAD or E_TRAP from the element itself (README.md lists them). */
  code: string;
  /** In the request's language. */
  message: string;
  /** The field the error is about, as a JSON path: "start", "pauses[2].to". */
  field?: string;
}

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
  /** The `pauses` attribute holds these as JSON. */
  pauses: Pause[];
  /** "full" shows a form; "plan" only the plan for the start the host gives. */
  mode: 'full' | 'plan';
  /** The plan on show, or null. */
  readonly plan: Plan | null;
}

declare global {
  interface HTMLElementTagNameMap {
    'samtale-plan': SamtalePlanElement;
  }
  interface HTMLElementEventMap {
    'samtaleplan:change': CustomEvent<Plan>;
    'samtaleplan:error': CustomEvent<PlanErrorDetail>;
  }
}
