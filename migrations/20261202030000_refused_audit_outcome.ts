import type { Knex } from 'knex';

// Why: every refusal of every call is now audited (issue 14). A caller who may not do
// something is DENIED; a call that was allowed but that the rules turned down (a clash, a
// missing record) is REFUSED, so an ADMIN can tell probing from ordinary desk work.
// down(): the audit log is append-only, so REFUSED rows written meanwhile cannot be rewritten;
// the old check then comes back NOT VALID (it holds for every new row, not the kept history).

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`ALTER TABLE audit_log DROP CONSTRAINT chk_audit_outcome`);
  await knex.raw(`ALTER TABLE audit_log ADD CONSTRAINT chk_audit_outcome CHECK (outcome IN ('OK', 'DENIED', 'REFUSED', 'FAILED'))`);
}

export async function down(knex: Knex): Promise<void> {
  const refused = await knex('audit_log').where({ outcome: 'REFUSED' }).first('id');
  await knex.raw(`ALTER TABLE audit_log DROP CONSTRAINT chk_audit_outcome`);
  await knex.raw(`ALTER TABLE audit_log ADD CONSTRAINT chk_audit_outcome CHECK (outcome IN ('OK', 'DENIED', 'FAILED'))${refused ? ' NOT VALID' : ''}`);
}
