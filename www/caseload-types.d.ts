// The caseload page's messages to and from its Web Worker (caseload-ask.js, caseload-worker.js):
// a protocol of the page's own JavaScript, which no Rust type describes, so it is written here by
// hand. What the WebAssembly answers — Summary, Page, Booking, ProposedPage, Proposed,
// MemberRequest, ChartNode, and what they hold — is not: those types are generated from the Rust
// structs (tsify, src/caseload/, src/web/caseload.rs) into www/pkg/caseload.d.ts, and imported
// from there. The page's JavaScript is checked against both by tsc (tests/types/pages,
// tests/types/worker; tests/e2e/types.test.mjs checks real answers against the generated types).
//
// Nothing here is shipped in the npm package: the element does not read a caseload.

import type { Booking, ChartNode, ErrorCode, IsoDate, Lang, MemberRequest, Page, Proposed, ProposedPage, Query, Summary, Week } from './pkg/caseload.js';

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
