import 'i18next';
import type admin from './en/admin';
import type appointments from './en/appointments';
import type backup from './en/backup';
import type call from './en/call';
import type design from './en/design';
import type display from './en/display';
import type doctors from './en/doctors';
import type holidays from './en/holidays';
import type messaging from './en/messaging';
import type patients from './en/patients';
import type payments from './en/payments';
import type recalls from './en/recalls';
import type reports from './en/reports';
import type schedule from './en/schedule';
import type sessions from './en/sessions';
import type { START_NAMESPACES } from './en/start';
import type types from './en/types';
import type waitlist from './en/waitlist';

// Keys are typed from the English words: a key no English file holds fails tsc. Namespaces
// beyond the start ones are fetched when first used (their types only here: no words at start).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof START_NAMESPACES & {
      admin: typeof admin;
      appointments: typeof appointments;
      backup: typeof backup;
      call: typeof call;
      design: typeof design;
      display: typeof display;
      doctors: typeof doctors;
      holidays: typeof holidays;
      messaging: typeof messaging;
      patients: typeof patients;
      payments: typeof payments;
      recalls: typeof recalls;
      reports: typeof reports;
      schedule: typeof schedule;
      sessions: typeof sessions;
      types: typeof types;
      waitlist: typeof waitlist;
    };
    returnNull: false;
  }
}
