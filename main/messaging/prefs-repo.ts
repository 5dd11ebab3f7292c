import type { Knex } from 'knex';
import type { ConsentDto, PATIENT_CHANNELS } from '../../preload/contract';
import { planStillDue, replanQueued, type MessageChannel, type MessageKind } from './repo';

export type PatientChannel = (typeof PATIENT_CHANNELS)[number];

export interface PatientPrefs {
  channel: PatientChannel | null;
  language: string | null;
  kindsOff: MessageKind[];
  consents: ConsentDto[];
}

export async function readPatientPrefs(knex: Knex, patientId: number): Promise<PatientPrefs> {
  const [prefs, switches, consents] = await Promise.all([
    knex('patient_message_prefs').where({ patient_id: patientId }).first('channel', 'language'),
    knex('message_kind_switches').where({ patient_id: patientId }).orderBy('kind').select('kind'),
    knex('patient_channel_consents')
      .where({ patient_id: patientId })
      .orderBy('channel')
      .select('channel', 'given_at as givenAt', 'given_how as givenHow', 'withdrawn_at as withdrawnAt', 'withdrawn_how as withdrawnHow'),
  ]);
  return {
    channel: prefs?.channel ?? null,
    language: prefs?.language ?? null,
    kindsOff: switches.map((s: { kind: MessageKind }) => s.kind),
    consents,
  };
}

/**
 * Stores a patient's channel, language and the kinds they want none of. What is still waiting
 * to go out and no longer wanted (every message, for "no messages") is not sent, with the reason.
 */
export async function writePatientPrefs(
  trx: Knex.Transaction,
  patientId: number,
  p: { channel: PatientChannel | null; language: string | null; kindsOff: MessageKind[] },
): Promise<void> {
  await trx('patient_message_prefs')
    .insert({ patient_id: patientId, channel: p.channel, language: p.language })
    .onConflict('patient_id')
    .merge({ channel: p.channel, language: p.language, updated_at: trx.fn.now() });
  await trx('message_kind_switches').where({ patient_id: patientId }).whereNotIn('kind', p.kindsOff).delete();
  const kept: { kind: MessageKind }[] = await trx('message_kind_switches').where({ patient_id: patientId }).select('kind');
  const added = p.kindsOff.filter((k) => !kept.some((s) => s.kind === k));
  if (added.length > 0) await trx('message_kind_switches').insert(added.map((kind) => ({ patient_id: patientId, kind })));
  const unwanted = trx('patient_messages').where({ patient_id: patientId, status: 'QUEUED' });
  if (p.channel === 'NONE') await unwanted.update({ status: 'SKIPPED', error: 'The patient asked for no messages', updated_at: trx.fn.now() });
  else if (p.kindsOff.length > 0)
    await unwanted.whereIn('kind', p.kindsOff).update({ status: 'SKIPPED', error: 'The patient asked for none of these', updated_at: trx.fn.now() });
  await replanQueued(trx, patientId);
}

/**
 * Records a patient's consent on a channel (at the desk, or a START reply): messages may go there
 * again. What waits moves back to their channel, and what an opt-out dropped or never planned
 * for their upcoming appointments is planned again if it is still to come (`now`: the clinic's clock).
 */
export async function giveConsent(trx: Knex.Transaction, patientId: number, channel: MessageChannel, how: string, now: Date): Promise<void> {
  await trx('patient_channel_consents')
    .insert({ patient_id: patientId, channel, given_at: trx.fn.now(), given_how: how })
    .onConflict(['patient_id', 'channel'])
    .merge({ given_at: trx.fn.now(), given_how: how, withdrawn_at: null, withdrawn_how: null });
  await replanQueued(trx, patientId);
  await planStillDue(trx, patientId, now);
}
