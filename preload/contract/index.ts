export * from './channels';
export * from './client';
export * from './result';
