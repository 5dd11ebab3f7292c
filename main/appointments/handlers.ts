import type { Router } from '../ipc/router';
import type { AppointmentsService } from './service';
import type { WaitingRoomService } from './waiting-room';

export function registerAppointmentHandlers(router: Router, appointments: AppointmentsService, waitingRoom: WaitingRoomService): void {
  router
    .handle('appointments.list', (req) => appointments.list(req.doctorIds, req.from, req.to))
    .handle('appointments.freeSlots', (req) => appointments.freeSlots(req))
    .handle('appointments.book', async (req, call) => {
      const booked = await appointments.book(req, call.user, call.ctx, call.audit);
      call.audited = call.audit !== undefined;
      return booked;
    })
    .handle('appointments.reschedule', (req, { user, ctx }) => appointments.reschedule(req, user, ctx))
    .handle('appointments.cancel', (req, { user }) => appointments.cancel(req.id, req.reason, user))
    .handle('appointments.checkIn', (req, { user }) => appointments.checkIn(req.id, user))
    .handle('appointments.complete', (req, { user }) => appointments.complete(req.id, user))
    .handle('appointments.noShow', (req, { user }) => appointments.noShow(req.id, user))
    .handle('appointments.undo', (req, { user, ctx }) => appointments.undo(req, user, ctx))
    .handle('appointments.history', (req) => appointments.history(req.id))
    .handle('appointments.walkIn', (req, { user }) => appointments.walkIn(req, user))
    .handle('appointments.queue', (req) => waitingRoom.queue(req.doctorId))
    .handle('appointments.callNext', (req, { user }) => waitingRoom.callNext(req.doctorId, user))
    .handle('appointments.stage', (req, { user }) => waitingRoom.stage(req.id, req.action, user))
    .handle('appointments.setPriority', async (req, call) => {
      const changed = await waitingRoom.setPriority(req, call.user, call.audit!);
      call.audited = true;
      return changed;
    });
}
