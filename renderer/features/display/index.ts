export { DisplayBoard } from './DisplayBoard';
export { displayTicketOf } from './route';
