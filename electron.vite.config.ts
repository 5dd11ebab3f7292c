import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Modules of the start-up JavaScript (bench/measure/bundle.ts START_PATH) that lazy screens use too.
export const START_SHARED = [
  '/node_modules/react/',
  // With design.html (a second entry) these would be a chunk of their own, shared by both pages.
  '/node_modules/react-dom/',
  '/node_modules/scheduler/',
  '/renderer/lib/theme',
  '/renderer/api/',
  '/renderer/stores/',
  '/renderer/lib/labels',
  '/renderer/lib/dates',
  '/renderer/lib/locale',
  '/renderer/i18n/instance',
  '/renderer/i18n/use-t',
  '/renderer/i18n/languages',
  '/renderer/ui/toasts',
  '/renderer/ui/Table',
  '/renderer/ui/ThemePicker',
  '/renderer/features/queue/StatusChip',
  '/renderer/features/queue/MoneyBadge',
  '/renderer/features/appointments/useAppointmentDialogs',
  '/renderer/features/appointments/may',
  '/renderer/features/print/print',
  '/renderer/features/queue/waitingRoom',
  '/renderer/features/doctors/DoctorOptions',
  '/renderer/features/messaging/SendVideoLink',
  '/renderer/features/appointments/actions',
  '/renderer/features/appointments/fetch-range',
  '/renderer/features/backup/useBackupWarning',
  '/renderer/lib/typing-in',
  '/renderer/ui/Field',
];

/** Main's dependencies that its start-up loads, bundled into out/main (below). */
const START_BUNDLED = [
  'knex',
  'pg',
  'better-queue',
  'zod',
  'libphonenumber-js',
  'date-fns',
  '@date-fns/tz',
  'rrule',
  'ical-generator',
  'countries-and-timezones',
];

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The packages main loads at every start are bundled into it: required from node_modules
      // they were some six hundred files (knex alone brings lodash one function a file), and
      // finding and reading each took more of a cold start's CPU than running them (README,
      // Performance). The rest stay in node_modules and load from there: PGlite (its wasm files)
      // and Piscina (its worker script) look for files beside their own code, and the packages
      // loaded on first use (Twilio, Razorpay, the mailer, the Excel writer) cost a start nothing.
      externalizeDeps: { exclude: START_BUNDLED },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'main/app/index.ts'),
          'pglite-worker': resolve(__dirname, 'main/db/embedded/pglite-worker.ts'),
          'bcrypt-worker': resolve(__dirname, 'main/auth/bcrypt-worker.ts'),
          // Browser mode from the build (main/app/browser-main.ts), as the cold-start bench runs it.
          browser: resolve(__dirname, 'main/app/browser-main.ts'),
        },
        // Shared code sits beside the entries, not in a chunks/ folder: the worker pools and the
        // PGlite host look for their worker files next to the module that starts them.
        // Packages loaded on first use (import()) are required, as every other dependency is, so
        // they load through the same CommonJS path inside the asar.
        output: { chunkFileNames: '[name]-[hash].js', dynamicImportInCjs: false },
        // Drivers knex's other dialects and pg's native binding would require; none is installed.
        external: ['mysql', 'mysql2', 'mariadb/callback', 'sqlite3', 'better-sqlite3', 'tedious', 'oracledb', 'pg-query-stream', 'pg-native'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require nothing but electron: everything is bundled into one
      // CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      // out/renderer/.vite/manifest.json: which chunk each lazily loaded module is and what it
      // imports, read by the bench's start-up JavaScript figure and the build tests.
      manifest: true,
      rollupOptions: {
        // design.html: the design page of renderer/ui's primitives (renderer/ui/README.md).
        input: { index: resolve(__dirname, 'renderer/index.html'), design: resolve(__dirname, 'renderer/design.html') },
        output: {
          // The small modules sign-in, the frame and Today share with later screens would each be
          // a chunk of a few hundred bytes; one chunk of them all weighs less than twenty.
          codeSplitting: { groups: [{ name: 'desk', test: (id) => START_SHARED.some((m) => id.includes(m)) }] },
        },
      },
    },
  },
});
