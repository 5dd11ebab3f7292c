import type { Knex } from 'knex';
import type { z } from 'zod';
import type { AuditEntryDto, AuditOutcome, auditQuerySchema } from '../../preload/contract';

export interface AuditRecord {
  userId: number | null;
  userEmail: string | null;
  workstation: string | null;
  action: string;
  entity?: string | null;
  entityId?: number | null;
  outcome?: AuditOutcome;
  detail?: Record<string, unknown> | null;
  /** The call only read records; see insertAudit. */
  read?: boolean;
}

export type AuditQuery = z.output<typeof auditQuerySchema>;

interface AuditRow {
  id: number;
  occurred_at: string;
  user_id: number | null;
  user_email: string | null;
  workstation: string | null;
  action: string;
  entity: string | null;
  entity_id: number | null;
  outcome: AuditOutcome;
  detail: Record<string, unknown> | null;
}

export async function insertAudit(knex: Knex, record: AuditRecord): Promise<void> {
  const values = {
    userId: record.userId,
    userEmail: record.userEmail,
    workstation: record.workstation,
    action: record.action,
    entity: record.entity ?? null,
    entityId: record.entityId ?? null,
    outcome: record.outcome ?? 'OK',
    detail: record.detail ? JSON.stringify(record.detail) : null,
  };
  // A read's row (every search keystroke writes one) commits without waiting for the WAL
  // flush: set_config(…, true) holds for this statement's own transaction, commit included.
  // A database crash can lose the last moments of read audits, never a change or its audit.
  const asynchronous = record.read ? `WITH no_flush AS (SELECT set_config('synchronous_commit', 'off', true)) ` : '';
  await knex.raw(
    `${asynchronous}INSERT INTO audit_log (user_id, user_email, workstation, action, entity, entity_id, outcome, detail)
     SELECT :userId::bigint, :userEmail::text, :workstation::text, :action::text, :entity::text, :entityId::bigint, :outcome::text, :detail::jsonb${record.read ? ' FROM no_flush' : ''}`,
    values,
  );
}

/** Audit records as the one JSON value `insertAuditOf` inserts them from. */
export function auditRows(records: readonly AuditRecord[]): string {
  return JSON.stringify(
    records.map((r) => ({
      user_id: r.userId,
      user_email: r.userEmail,
      workstation: r.workstation,
      action: r.action,
      entity: r.entity ?? null,
      outcome: r.outcome ?? 'OK',
      detail: r.detail ?? null,
    })),
  );
}

/**
 * An INSERT of audit rows (`rows`, from auditRows) about the row that `cte` (a data-modifying CTE
 * of the same statement, named by the caller's code) returns, its `id` as their entity id: they
 * commit with the change.
 */
export function insertAuditOf(knex: Knex, cte: string, rows: string): Knex.Raw {
  return knex.raw(
    `INSERT INTO audit_log (user_id, user_email, workstation, action, entity, entity_id, outcome, detail)
     SELECT r.user_id, r.user_email, r.workstation, r.action, r.entity, ${cte}.id, r.outcome, r.detail
       FROM ${cte}, jsonb_to_recordset(?::jsonb) AS r(user_id bigint, user_email text, workstation text, action text, entity text, outcome text, detail jsonb)`,
    [rows],
  );
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Newest first. A bare date in `from`/`to` is a whole day of the clinic's time zone, `to`
 * included, as an admin reading "from 1 to 3 March" means it.
 */
export async function listAudit(knex: Knex, q: AuditQuery, clinicTimeZone: string): Promise<AuditEntryDto[]> {
  const query = knex<AuditRow>('audit_log').select('*').orderBy('id', 'desc').limit(q.limit);
  if (q.from) {
    query.where('occurred_at', '>=', DATE_ONLY.test(q.from) ? knex.raw('(?::date)::timestamp AT TIME ZONE ?', [q.from, clinicTimeZone]) : q.from);
  }
  if (q.to) {
    query.where('occurred_at', '<', DATE_ONLY.test(q.to) ? knex.raw('(?::date + 1)::timestamp AT TIME ZONE ?', [q.to, clinicTimeZone]) : q.to);
  }
  if (q.userId) query.where('user_id', q.userId);
  if (q.action) query.where('action', q.action);
  if (q.entity) query.where('entity', q.entity);
  if (q.entityId) query.where('entity_id', q.entityId);
  if (q.outcome) query.where('outcome', q.outcome);
  if (q.beforeId) query.where('id', '<', q.beforeId);
  const rows: AuditRow[] = await query;
  return rows.map((r) => ({
    id: r.id,
    occurredAt: r.occurred_at,
    userId: r.user_id,
    userEmail: r.user_email,
    workstation: r.workstation,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    outcome: r.outcome,
    detail: r.detail,
  }));
}
