export { CallRoot } from './CallRoot';
export { openCallWindow } from './openCallWindow';
export { isCallRoute } from './route';
