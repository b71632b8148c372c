// <samtale-plan> in Vue (3.3 or later): `import 'samtaleplan/vue';` defines the element (it is
// samtale-plan.js) and, for TypeScript, adds the tag and its attributes to Vue's native elements,
// which vue-tsc checks in templates and tsc in TSX (jsxImportSource "vue"). Tell Vue's compiler
// that the tag is a custom element: `compilerOptions.isCustomElement = (tag) => tag === 'samtale-plan'`.
import type { HTMLAttributes } from '@vue/runtime-dom';
import type { SamtalePlanAttributes } from './samtale-plan.js';

export * from './samtale-plan.js';

declare module '@vue/runtime-dom' {
  interface IntrinsicElementAttributes {
    'samtale-plan': HTMLAttributes & SamtalePlanAttributes;
  }
}
