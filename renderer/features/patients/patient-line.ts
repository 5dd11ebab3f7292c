import type { PatientSummary } from '../../../preload/contract';
import { t } from '../../i18n/instance';
import { calendarDay } from '../../lib/dates';

/**
 * "#12 · born 12 Apr 1988 · +91 98450 12345": what tells a patient from a namesake, wherever the
 * desk chooses one (search results, the pickers, the duplicate warning). Needs the patients words.
 */
export function patientLine(patient: PatientSummary): string {
  const born = patient.dateOfBirth ? t('patients:born', { date: calendarDay(patient.dateOfBirth) }) : undefined;
  return [`#${patient.id}`, born, patient.phone].filter(Boolean).join(' · ');
}
