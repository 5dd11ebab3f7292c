import 'i18next';
import type admin from './en/admin';
import type appointments from './en/appointments';
import type holidays from './en/holidays';
import type messaging from './en/messaging';
import type payments from './en/payments';
import type reports from './en/reports';
import type { START_NAMESPACES } from './en/start';

// Keys are typed from the English words: a key no English file holds fails tsc. Namespaces
// beyond the start ones are fetched when first used (their types only here: no words at start).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof START_NAMESPACES & {
      appointments: typeof appointments;
      holidays: typeof holidays;
      payments: typeof payments;
      admin: typeof admin;
      messaging: typeof messaging;
      reports: typeof reports;
    };
    returnNull: false;
  }
}
