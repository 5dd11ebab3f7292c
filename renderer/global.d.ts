import type { ClinicApi } from '../preload/contract';

declare global {
  interface Window {
    clinic: ClinicApi;
  }
}
