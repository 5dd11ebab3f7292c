export { displayTicketOf } from './route';
