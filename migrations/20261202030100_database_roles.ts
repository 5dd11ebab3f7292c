import type { Knex } from 'knex';

// Why: the audit log is append-only only as long as nobody can switch its guard off, and the
// owner of a table can (ALTER TABLE audit_log DISABLE TRIGGER). Two roles split the powers:
// - clinic_owner owns the schema; migrations run as it or as a member of it (db:migrate);
// - clinic_app is what the desk's connection runs as: it reads and writes the clinic's rows,
//   may only INSERT and SELECT audit rows, owns nothing, so can neither alter nor disable the
//   audit trigger. Embedded mode switches its connection to it after migrating (main/db/open.ts);
//   in server mode the PCs' DATABASE_URL login is a member of it (README).
// Roles are cluster-wide while privileges are per database, and test suites migrate many
// databases of one cluster at once: the roles are created only when missing, and a second
// creator racing the first is not an error. Default privileges cover tables later migrations
// add (created by clinic_owner or by whoever runs this migration).
// down(): undoes everything in this database: ownership back to the migrating role, every
// privilege and default privilege of the two roles. The roles themselves stay in the cluster,
// NOLOGIN and holding nothing here: other databases of the same server (another clinic, a test
// running beside this one) may use them, and dropping one under a migration that has just seen
// it would make that migration fail.

const OWNER = 'clinic_owner';
const APP = 'clinic_app';

/** Table privileges of the desk; audit_log is narrowed afterwards. */
const APP_TABLE_PRIVILEGES = 'SELECT, INSERT, UPDATE, DELETE';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    DO $$
    DECLARE
      role_name text;
    BEGIN
      FOREACH role_name IN ARRAY ARRAY['${OWNER}', '${APP}'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name) THEN
          BEGIN
            EXECUTE format('CREATE ROLE %I NOLOGIN', role_name);
          EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL; -- created meanwhile by a migration of another database of this cluster
          END;
        END IF;
      END LOOP;
      -- A migrating login that is not a superuser must be able to act as the owner.
      IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AND NOT pg_has_role(current_user, '${OWNER}', 'USAGE') THEN
        EXECUTE format('GRANT ${OWNER} TO %I', current_user);
      END IF;
    END $$;
  `);

  // Every table, view, standalone sequence and function of the schema (not those an extension
  // brings) belongs to the owner role; a table's serial sequences follow their table.
  await knex.raw(`
    DO $$
    DECLARE
      r record;
    BEGIN
      FOR r IN
        SELECT c.oid::regclass AS name,
               CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END AS kind
          FROM pg_class c
         WHERE c.relnamespace = 'public'::regnamespace
           AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
           AND c.relowner <> '${OWNER}'::regrole
           AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('e', 'a', 'i'))
      LOOP
        EXECUTE format('ALTER %s %s OWNER TO ${OWNER}', r.kind, r.name);
      END LOOP;
      FOR r IN
        SELECT p.oid::regprocedure AS name
          FROM pg_proc p
         WHERE p.pronamespace = 'public'::regnamespace
           AND p.proowner <> '${OWNER}'::regrole
           AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
      LOOP
        EXECUTE format('ALTER ROUTINE %s OWNER TO ${OWNER}', r.name);
      END LOOP;
    END $$;
  `);

  // Later migrations run as the owner role (main/db/migrator.ts) and create tables in public.
  await knex.raw(`GRANT USAGE, CREATE ON SCHEMA public TO ${OWNER}`);
  await knex.raw(`GRANT USAGE ON SCHEMA public TO ${APP}`);
  await knex.raw(`GRANT ${APP_TABLE_PRIVILEGES} ON ALL TABLES IN SCHEMA public TO ${APP}`);
  await knex.raw(`REVOKE UPDATE, DELETE ON audit_log FROM ${APP}`);
  // The schema version is read at start and written only by migrations. Knex takes its lock
  // row even when nothing is pending, so a migrate that finds nothing to do still works.
  await knex.raw(`REVOKE INSERT, UPDATE, DELETE ON knex_migrations FROM ${APP}`);
  await knex.raw(`REVOKE INSERT, DELETE ON knex_migrations_lock FROM ${APP}`);
  await knex.raw(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP}`);
  for (const creator of [`FOR ROLE ${OWNER} `, '']) {
    await knex.raw(`ALTER DEFAULT PRIVILEGES ${creator}IN SCHEMA public GRANT ${APP_TABLE_PRIVILEGES} ON TABLES TO ${APP}`);
    await knex.raw(`ALTER DEFAULT PRIVILEGES ${creator}IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${APP}`);
  }
  // The embedded database has no autovacuum and no other session: its desk connection runs
  // ANALYZE (MAINTAIN, PostgreSQL 17+) and the CHECKPOINT before a backup (pg_checkpoint, 15+).
  await knex.raw(`
    DO $$
    BEGIN
      IF current_setting('server_version_num')::int >= 170000 THEN
        EXECUTE 'GRANT MAINTAIN ON ALL TABLES IN SCHEMA public TO ${APP}';
        EXECUTE 'ALTER DEFAULT PRIVILEGES FOR ROLE ${OWNER} IN SCHEMA public GRANT MAINTAIN ON TABLES TO ${APP}';
        EXECUTE 'ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT MAINTAIN ON TABLES TO ${APP}';
      END IF;
      IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pg_checkpoint') AND NOT pg_has_role('${APP}', 'pg_checkpoint', 'MEMBER') THEN
        BEGIN
          GRANT pg_checkpoint TO ${APP};
        EXCEPTION WHEN unique_violation THEN
          NULL; -- granted meanwhile by another database's migration
        END;
      END IF;
    END $$;
  `);
}

export async function down(knex: Knex): Promise<void> {
  for (const creator of [`FOR ROLE ${OWNER} `, '']) {
    await knex.raw(`ALTER DEFAULT PRIVILEGES ${creator}IN SCHEMA public REVOKE ALL ON TABLES FROM ${APP}`);
    await knex.raw(`ALTER DEFAULT PRIVILEGES ${creator}IN SCHEMA public REVOKE ALL ON SEQUENCES FROM ${APP}`);
  }
  // This database only: its objects go back to the migrating role, the roles' grants here go.
  await knex.raw(`REASSIGN OWNED BY ${OWNER} TO CURRENT_USER`);
  await knex.raw(`DROP OWNED BY ${APP}, ${OWNER}`);
}
