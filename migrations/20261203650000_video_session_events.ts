import type { Knex } from 'knex';

// Why (issue 18): a video call whose patient never joined ends NO_SHOW, and the desk's queue
// offers to mark the appointment "did not come" as soon as it does. The session's end is the
// change the queue must hear, so video_call_sessions notifies through the same function and
// compact ids-only payload as every other table (its appointment_id says whose call it was).

export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    `CREATE TRIGGER trg_video_call_sessions_notify AFTER INSERT OR UPDATE OR DELETE ON video_call_sessions FOR EACH ROW EXECUTE FUNCTION clinic_notify_change()`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TRIGGER trg_video_call_sessions_notify ON video_call_sessions');
}
