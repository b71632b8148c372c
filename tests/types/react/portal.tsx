// A React portal's use of <samtale-plan> in TSX, type-checked by tests/e2e/types.test.mjs
// (tsc --strict, jsx "react-jsx", @types/react 19): the package's "samtaleplan/react" entry adds
// the tag to React's JSX. Each `@ts-expect-error` is a mistake the types must catch.
import 'samtaleplan/react';
import type { SamtalePlanElement } from 'samtaleplan';

export function MemberPlan({ start, hours }: { start: string; hours: number }) {
  return (
    <section>
      <h2>Dine samtaler</h2>
      <samtale-plan start={start} prior-hours={hours} mode="plan" heading-level="3" lang="da"
        pauses='[{"from":"2026-09-07","reason":"arbejde","hours_per_week":15}]'
        ref={(element: SamtalePlanElement | null) => {
          if (element?.error) console.warn(element.error.code);
        }} />
    </section>
  );
}

// @ts-expect-error mode is "full" or "plan"
export const wrongMode = <samtale-plan mode="form" />;
// @ts-expect-error insurance is "fuldtid" or "deltid"
export const wrongInsurance = <samtale-plan insurance="halvtid" />;
// @ts-expect-error heading-level is 1–6 or none
export const wrongLevel = <samtale-plan heading-level="7" />;
