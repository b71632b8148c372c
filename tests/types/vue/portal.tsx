// A Vue portal's use of <samtale-plan> in TSX, type-checked by tests/e2e/types.test.mjs
// (tsc --strict, jsxImportSource "vue"): the package's "samtaleplan/vue" entry adds the tag to
// Vue's native elements, which vue-tsc uses for templates too. Each `@ts-expect-error` is a
// mistake the types must catch.
import 'samtaleplan/vue';
import { defineComponent } from 'vue';

export const MemberPlan = defineComponent({
  props: { start: { type: String, required: true } },
  setup(props) {
    return () => (
      <section>
        <h2>Dine samtaler</h2>
        <samtale-plan start={props.start} prior-hours="481,25" mode="plan" heading-level="none" lang="en" />
      </section>
    );
  },
});

// @ts-expect-error mode is "full" or "plan"
export const wrongMode = <samtale-plan mode="form" />;
// @ts-expect-error lang is "da" or "en"
export const wrongLang = <samtale-plan lang="de" />;
