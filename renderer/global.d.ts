import type { ClinicApi } from '../preload/contract';

declare global {
  interface Window {
    /** Set by the preload in the app; absent in a plain browser (the bridge client stands in). */
    clinic?: ClinicApi;
  }
}
