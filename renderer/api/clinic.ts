import type { ClinicApi } from '../../preload/contract';
import { bridgeClient } from './bridge-client';

/** The one data path of the renderer: the preload's API in the app, the bridge's in a browser. */
export const clinic: ClinicApi = window.clinic ?? bridgeClient(window);
