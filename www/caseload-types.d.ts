// What the caseload's WebAssembly (src/web/caseload.rs) hands the page: the Rust structs as
// serde_wasm_bindgen's json_compatible serializer writes them (a date is "YYYY-MM-DD", a count a
// number, an `Option` with skip_serializing_if absent, one without it null). Written by hand from
// src/caseload/{summary,proposal,worklist,star,presence,mod}.rs: the generated www/pkg/caseload.d.ts
// types these results `any`. The page's JavaScript is checked against this file by tsc
// (tests/types/pages, tests/types/worker; tests/e2e/types.test.mjs). Change it with the Rust.
//
// Nothing here is shipped in the npm package: the element does not read a caseload.

import type { ErrorCode, Holder, IsoDate, Lang, Message } from './pkg/samtaleplan.js';

/** Where a samtale not yet held stands on the summary's day (summary.rs `Status`). */
export type CaseloadStatus = 'overdue' | 'this_week' | 'next_week' | 'later';

/** summary.rs `OnTime`: samtaler held on time, early, late, and not held by their latest date. */
export interface OnTime {
  on_time: number;
  early: number;
  late: number;
  missing: number;
}

/** summary.rs `Share`: a count of a whole, in per mille (null when the whole is 0) and in words. */
export interface Share {
  count: number;
  of: number;
  per_mille: number | null;
  text: string;
}

/** summary.rs `Item`: a samtale not yet held, in a list or the worklist. */
export interface Item {
  member: string;
  name?: string;
  line: number;
  regime: string;
  id: string;
  title: string;
  holder: Holder;
  holder_label: string;
  earliest: IsoDate;
  latest: IsoDate;
  status: CaseloadStatus;
  status_label: string;
}

/** summary.rs `List`: the first items of a list and how many it has. */
export interface List {
  total: number;
  items: Item[];
}

/** summary.rs `Week`: the samtaler whose latest date falls in a week, by holder. */
export interface Week {
  week: string;
  from: IsoDate;
  to: IsoDate;
  akasse: number;
  jobcenter: number;
  kommune: number;
  joint: number;
  total: number;
}

/** summary.rs `OnTimeRow`: the on-time counts of a samtale, a start month, or all. */
export interface OnTimeRow extends OnTime {
  key: string;
  title?: string;
  share: Share;
}

/** summary.rs `Days7`: a week, Monday to Sunday. */
export interface Days7 {
  from: IsoDate;
  to: IsoDate;
}

/** summary.rs `Source`: what was read, and how. */
export interface Source {
  format: string;
  encoding?: string;
  delimiter?: string;
  sheet?: string;
  sheets?: string[];
  ignored_columns: string[];
  name_column?: string;
  text: string;
}

/** summary.rs `SamtaleKey`: a samtale of the worklist's filter. */
export interface SamtaleKey {
  key: string;
  title: string;
}

/** mod.rs `RowError`: a row the caseload could not read. */
export interface RowError {
  line: number;
  member?: string;
  name?: string;
  code: ErrorCode;
  message: string;
}

/** star.rs `Star`: STAR's three indicators. */
export interface Star {
  first_within_1_5_months: Share;
  first_within_3_months: Share;
  two_in_last_3_months: Share;
}

/** presence.rs `PresenceRow`: joint samtaler with the a-kasse present, absent, or not said. */
export interface PresenceRow {
  key: string;
  title?: string;
  present: number;
  absent: number;
  unknown: number;
  share: Share;
}

/** presence.rs `AkassePresent`. */
export interface AkassePresent {
  /** The file's `akasse_deltog_<ID>` columns (0: nothing to count). */
  columns: number;
  by_samtale: PresenceRow[];
  by_month: PresenceRow[];
  total: PresenceRow;
}

/** summary.rs `Summary`: what `finish()` and `summary(holder)` answer. */
export interface Summary {
  schema: number;
  lang: Lang;
  today: IsoDate;
  source: Source;
  warnings: Message[];
  held_dates: boolean;
  holder: Holder | null;
  rows: number;
  members: number;
  error_count: number;
  errors: RowError[];
  this_week: Days7;
  next_week: Days7;
  closing_this_week: List;
  closing_next_week: List;
  overdue: List;
  workload: Week[];
  on_time: OnTimeRow;
  on_time_by_samtale: OnTimeRow[];
  on_time_by_start_month: OnTimeRow[];
  star: Star;
  akasse_present: AkassePresent;
  samtaler: SamtaleKey[];
}

/** worklist.rs `Query`: what `query()` and `export()` take; every field optional. */
export interface Query {
  status?: CaseloadStatus;
  open?: boolean;
  holder?: Holder;
  samtale?: string;
  week?: string;
  search?: string;
  descending?: boolean;
  offset?: number;
  limit?: number;
  capacity?: Partial<Capacity>;
}

/** worklist.rs `Page`: a page of the worklist. */
export interface Page {
  total: number;
  offset: number;
  items: Item[];
}

/** proposal.rs `Capacity`: samtaler a week each holder can hold (null: no limit). */
export interface Capacity {
  akasse: number | null;
  jobcenter: number | null;
  joint: number | null;
}

/** proposal.rs `Proposed`: a samtale with its proposed week (null: none within its dates). */
export interface Proposed {
  member: string;
  name?: string;
  line: number;
  regime: string;
  id: string;
  title: string;
  holder: Holder;
  holder_label: string;
  earliest: IsoDate;
  latest: IsoDate;
  week: IsoDate | null;
  at_risk: boolean;
  overdue: boolean;
}

/** proposal.rs `Load`: a holder's samtaler booked in a week against its capacity. */
export interface Load {
  booked: number;
  capacity: number | null;
  full: boolean;
  at_risk: number;
}

/** proposal.rs `BookedWeek`. */
export interface BookedWeek {
  week: string;
  from: IsoDate;
  to: IsoDate;
  akasse: Load;
  jobcenter: Load;
  joint: Load;
}

/** proposal.rs `Booking`: what `book()` answers. */
export interface Booking {
  capacity: Capacity;
  booked: number;
  booked_later: number;
  at_risk: number;
  overdue: number;
  weeks: BookedWeek[];
  at_risk_items: Proposed[];
}

/** proposal.rs `ProposedPage`: what `callIn()` answers. */
export interface ProposedPage {
  total: number;
  offset: number;
  items: Proposed[];
}

/** mod.rs `PauseObject`. */
export interface PauseObject {
  from: IsoDate;
  to: IsoDate | null;
  reason: string;
  hours_per_week?: number;
}

/** mod.rs `MemberRequest`: what `member()` answers, the member's plan request and held dates. */
export interface MemberRequest {
  request: {
    start: IsoDate;
    insurance: string;
    group: string;
    pauses: PauseObject[];
    prior_hours: number;
    today: IsoDate;
    lang: Lang;
  };
  member: string;
  name?: string;
  line: number;
  /** [samtale id, the date it was held] */
  held: [string, IsoDate][];
}

/** chart.rs: the workload chart as an element tree (`workloadChart`), mounted as SVG. */
export interface ChartNode {
  name: string;
  attrs: [string, string][];
  children: (ChartNode | string)[];
}

/** The error of a failed call, as the worker sends it (`fault`). */
export interface Fault {
  code: ErrorCode | 'E_TRAP';
  message: string;
  field?: string;
}

/** The page's questions to the worker (caseload-worker.js), by `type`. */
export interface Questions {
  run: { file: File; today: IsoDate; lang: Lang; limit: number; sheet?: string; label?: string };
  chart: { weeks: Week[]; lang: Lang };
  summary: { holder: string };
  query: { query: Query };
  export: { list: string; query: Query };
  xlsx: { list: string; query: Query };
  book: { capacity: string; limit: number };
  callIn: { week: IsoDate; holder?: string; offset?: number; limit?: number };
  memberProposal: { member: string };
  proposalIcs: { member: string; stamp: string };
  member: { member: string };
  ics: { member: string; stamp: string };
}

/** A question as posted: its type, its fields and the page's serial number. */
export type Question = { [K in keyof Questions]: { id: number; type: K } & Questions[K] }[keyof Questions];

/** The worker's answer to each question. */
export interface Answers {
  run: { type: 'done'; summary: Summary; ms: number; memory: number };
  chart: { type: 'chart'; chart: ChartNode };
  summary: { type: 'summary'; summary: Summary };
  query: { type: 'query'; page: Page };
  export: { type: 'export'; text: string | undefined };
  xlsx: { type: 'xlsx'; bytes: Uint8Array };
  book: { type: 'book'; booking: Booking };
  callIn: { type: 'callIn'; page: ProposedPage };
  memberProposal: { type: 'memberProposal'; items: Proposed[] };
  proposalIcs: { type: 'proposalIcs'; text: string };
  member: { type: 'member'; member: MemberRequest };
  ics: { type: 'ics'; text: string };
}

/** A progress report while a file is read (`phase: 'sheet'`: a spreadsheet's rows). */
export interface Progress {
  type: 'progress';
  phase?: 'sheet';
  bytes: number;
  total: number;
  rows: number;
}
