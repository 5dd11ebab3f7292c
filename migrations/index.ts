import type { Knex } from 'knex';
import * as seedSchema from './20261125000000_seed_schema';
import * as receptionistRole from './20261125000100_receptionist_role';
import * as noOverlap from './20261125000200_no_overlapping_appointments';
import * as patientSearch from './20261125000300_patient_search_indexes';
import * as auditLog from './20261125000400_audit_log';
import * as clinicSettings from './20261125000500_clinic_settings';
import * as changeNotifications from './20261125000600_change_notifications';
import * as userAccounts from './20261125000700_user_accounts';
import * as patientRegistration from './20261125000800_patient_registration';
import * as doctorProfiles from './20261125000900_doctor_profiles';
import * as availabilityTemplates from './20261125001000_availability_templates';
import * as appointmentWorkflow from './20261125001100_appointment_workflow';
import * as deskPayments from './20261125001200_desk_payments';
import * as videoConsultations from './20261125001300_video_consultations';
import * as backups from './20261125001400_backups';
import * as signInThrottlePerWorkstation from './20261202020000_sign_in_throttle_per_workstation';
import * as refusedAuditOutcome from './20261202030000_refused_audit_outcome';
import * as databaseRoles from './20261202030100_database_roles';
import * as deskIntegrity from './20261202050000_desk_integrity';
import * as paymentGateway from './20261202130000_payment_gateway';
import * as messagingDesk from './20261203400000_messaging_desk';
import * as waitlistOfferMessages from './20261203500000_waitlist_offer_messages';
import * as noShowFreesTime from './20261203500100_no_show_frees_time';
import * as patientDisplayIndex from './20261203600000_patient_display_index';
import * as patientNameWords from './20261203600100_patient_name_words';
import * as messageTemplateDltIds from './20261203610000_message_template_dlt_ids';
import * as opdDayNumbers from './20261203620000_opd_day_numbers';
import * as opdSessions from './20261203300000_opd_sessions';
import * as patientPhonesE164 from './20261202050100_patient_phones_e164';
import * as patientMessaging from './20261202060000_patient_messaging';
import * as videoJoinCodes from './20261202080000_video_join_codes';
import * as waitingRoomStages from './20261202090000_waiting_room_stages';
import * as tokenBoard from './20261202090100_token_board';
import * as userLanguage from './20261203640000_user_language';
import * as videoSessionEvents from './20261203650000_video_session_events';
import * as replanSkippedMessages from './20261203660000_replan_skipped_messages';
import * as messageRetention from './20261203660100_message_retention';
import * as boardSpeaks from './20261203690000_board_speaks';
import * as inboundRetention from './20261203700000_inbound_retention';
import * as clinicHolidays from './20261203710000_clinic_holidays';
import * as patientFirstVisits from './20261203720000_patient_first_visits';
import * as appointmentBalances from './20261203720100_appointment_balances';
import * as appointmentBalancesByDay from './20261205000000_appointment_balances_by_day';
import * as firstVisitOfferPlpgsql from './20261206000000_first_visit_offer_plpgsql';
import * as richerChangeEvents from './20261202110000_richer_change_events';
import * as appointmentTypes from './20261202120000_appointment_types';
import * as appointmentSeries from './20261202120100_appointment_series';
import * as waitlistAndRecalls from './20261202120200_waitlist_and_recalls';
import * as paymentLinkMessages from './20261203100000_payment_link_messages';
import * as appointmentTypePrepay from './20261203630000_appointment_type_prepay';
import * as schedulingChangeEvents from './20261203200000_scheduling_change_events';

export interface NamedMigration {
  name: string;
  migration: Knex.Migration;
}

/**
 * Every migration, oldest first. Imported (not read from a folder at run time) so they are
 * bundled into the main build and work from inside a packaged app's asar.
 */
export const migrations: readonly NamedMigration[] = [
  { name: '20261125000000_seed_schema', migration: seedSchema },
  { name: '20261125000100_receptionist_role', migration: receptionistRole },
  { name: '20261125000200_no_overlapping_appointments', migration: noOverlap },
  { name: '20261125000300_patient_search_indexes', migration: patientSearch },
  { name: '20261125000400_audit_log', migration: auditLog },
  { name: '20261125000500_clinic_settings', migration: clinicSettings },
  { name: '20261125000600_change_notifications', migration: changeNotifications },
  { name: '20261125000700_user_accounts', migration: userAccounts },
  { name: '20261125000800_patient_registration', migration: patientRegistration },
  { name: '20261125000900_doctor_profiles', migration: doctorProfiles },
  { name: '20261125001000_availability_templates', migration: availabilityTemplates },
  { name: '20261125001100_appointment_workflow', migration: appointmentWorkflow },
  { name: '20261125001200_desk_payments', migration: deskPayments },
  { name: '20261125001300_video_consultations', migration: videoConsultations },
  // Backup schedule and run history (the reliability slice's range, 20261125001400..1499).
  { name: '20261125001400_backups', migration: backups },
  { name: '20261202020000_sign_in_throttle_per_workstation', migration: signInThrottlePerWorkstation },
  // Integrity hardening (issue 14: 20261202030000..0399).
  { name: '20261202030000_refused_audit_outcome', migration: refusedAuditOutcome },
  { name: '20261202030100_database_roles', migration: databaseRoles },
  // The front desk's settings, advances and frozen receipts; patient phones in E.164 (20261202050000..0599).
  { name: '20261202050000_desk_integrity', migration: deskIntegrity },
  { name: '20261202050100_patient_phones_e164', migration: patientPhonesE164 },
  // Patient messaging: the outbox, templates, settings, consents and replies (issue 17).
  { name: '20261202060000_patient_messaging', migration: patientMessaging },
  // Teleconsultation: join codes, the join window and the gateway's address (issue 18).
  { name: '20261202080000_video_join_codes', migration: videoJoinCodes },
  // The waiting room: stages, call-next, priority (issue 21: 20261202090000..0999).
  { name: '20261202090000_waiting_room_stages', migration: waitingRoomStages },
  { name: '20261202090100_token_board', migration: tokenBoard },
  // Change events name an appointment's old doctor and day; doctors, users and settings notify (issue 15: 20261202110000..0999).
  { name: '20261202110000_richer_change_events', migration: richerChangeEvents },
  // Scheduling depth: appointment types, series, waitlist, recalls (issue 20: 20261202120000..0999).
  { name: '20261202120000_appointment_types', migration: appointmentTypes },
  { name: '20261202120100_appointment_series', migration: appointmentSeries },
  { name: '20261202120200_waitlist_and_recalls', migration: waitlistAndRecalls },
  // Payments beyond cash: UPI QR, Razorpay orders, QR codes, links and webhooks (issue 19: 20261202130000..0999).
  { name: '20261202130000_payment_gateway', migration: paymentGateway },
  // Payment links through the messaging outbox (issue 19's desk side: 20261203100000..0999).
  { name: '20261203100000_payment_link_messages', migration: paymentLinkMessages },
  // The desk side of issue 20: the waitlist, its offers, recalls and appointment types notify (20261203200000..0999).
  { name: '20261203200000_scheduling_change_events', migration: schedulingChangeEvents },
  // Patient messaging at the desk: "no messages", START, live inbox and preferences (issue 17: 20261203400000..0999).
  { name: '20261203400000_messaging_desk', migration: messagingDesk },
  // OPD sessions with capacity: token doctors, rooms per session (issue 21: 20261203300000..0999).
  { name: '20261203300000_opd_sessions', migration: opdSessions },
  // Automatic waitlist offers and recall reminders through the messaging outbox (issue 20: 20261203500000..0999).
  { name: '20261203500000_waitlist_offer_messages', migration: waitlistOfferMessages },
  { name: '20261203500100_no_show_frees_time', migration: noShowFreesTime },
  // Performance II: the day view's patient names index-only, the typo search through the names' words (issue 23: 20261203600000..0999).
  { name: '20261203600000_patient_display_index', migration: patientDisplayIndex },
  { name: '20261203600100_patient_name_words', migration: patientNameWords },
  // Issue 17's leftovers: DLT ids checked in the table.
  { name: '20261203610000_message_template_dlt_ids', migration: messageTemplateDltIds },
  // OPD token numbers as one series per doctor's day, session edits (issue 21, second round).
  { name: '20261203620000_opd_day_numbers', migration: opdDayNumbers },
  // Teleconsultation prepay per appointment type (issue 19, second round).
  { name: '20261203630000_appointment_type_prepay', migration: appointmentTypePrepay },
  // Each user's desk language, English or Hindi (issue 16).
  { name: '20261203640000_user_language', migration: userLanguage },
  // A video call ending NO_SHOW reaches the desk's queue (issue 18, leftovers).
  { name: '20261203650000_video_session_events', migration: videoSessionEvents },
  // Issue 17's leftovers, third round: START plans again what STOP skipped.
  { name: '20261203660000_replan_skipped_messages', migration: replanSkippedMessages },
  // Settled messages' texts and addresses cleared after the clinic's retention period.
  { name: '20261203660100_message_retention', migration: messageRetention },
  // The token display's spoken calls, the clinic's setting instead of a flag in its address (issue 21).
  { name: '20261203690000_board_speaks', migration: boardSpeaks },
  // Settled replies' texts and numbers cleared after the same period.
  { name: '20261203700000_inbound_retention', migration: inboundRetention },
  // The clinic's public holidays: no windows, no bookings on them (issue 16, Doctors).
  { name: '20261203710000_clinic_holidays', migration: clinicHolidays },
  // Each patient's first visit, kept by the appointments' trigger for "new vs returning" (issue 22).
  { name: '20261203720000_patient_first_visits', migration: patientFirstVisits },
  // What each appointment holds, kept by the payments' trigger for dues and advances (issue 22).
  { name: '20261203720100_appointment_balances', migration: appointmentBalances },
  // Each balance also by its visit's day, for the Today board's money of the day (issue 23).
  { name: '20261205000000_appointment_balances_by_day', migration: appointmentBalancesByDay },
  // The first visit's offer kept planned for the session: every booking calls it (issue 23).
  { name: '20261206000000_first_visit_offer_plpgsql', migration: firstVisitOfferPlpgsql },
];
