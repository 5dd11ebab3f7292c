import 'i18next';
import type appointments from './en/appointments';
import type design from './en/design';
import type holidays from './en/holidays';
import type payments from './en/payments';
import type { START_NAMESPACES } from './en/start';

// Keys are typed from the English words: a key no English file holds fails tsc. Namespaces
// beyond the start ones are fetched when first used (their types only here: no words at start).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof START_NAMESPACES & { appointments: typeof appointments; design: typeof design; holidays: typeof holidays; payments: typeof payments };
    returnNull: false;
  }
}
