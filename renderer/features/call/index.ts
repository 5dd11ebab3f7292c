export { openCallWindow } from './openCallWindow';
export { isCallRoute } from './route';
