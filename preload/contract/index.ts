export * from './channels';
export * from './client';
export * from './dto';
export * from './events';
export * from './result';
export * from './patients';
export * from './doctors';
export * from './availability';
