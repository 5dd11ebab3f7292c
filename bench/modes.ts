import type { DatabaseConfig } from '../main/db/config';

export type Mode = DatabaseConfig['mode'];
