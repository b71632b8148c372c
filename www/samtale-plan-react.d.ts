// <samtale-plan> in React's JSX (TSX): `import 'samtaleplan/react';` defines the element (it is
// samtale-plan.js) and, for TypeScript, adds the tag to React's JSX.IntrinsicElements with its
// attributes. Needs @types/react (18.3 or 19) in the portal, as any React project has.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { SamtalePlanAttributes, SamtalePlanElement } from './samtale-plan.js';

export * from './samtale-plan.js';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'samtale-plan': DetailedHTMLProps<HTMLAttributes<SamtalePlanElement>, SamtalePlanElement> & SamtalePlanAttributes;
    }
  }
}
