import type { DomainHandlers, Router } from '../ipc/router';
import type { AfterBooked } from '../shared/after-booked';
import type { AppointmentsService } from './service';
import type { SeriesService } from '../series/service';
import type { WaitingRoomService } from './waiting-room';

/**
 * One map for the domain's channels, the series' included, so none can be left without a handler.
 * `afterBooked` runs once a booking, a series or a move has committed (the prepay link, which a
 * move into a dearer fee may need again); it never fails them.
 */
export function registerAppointmentHandlers(
  router: Router,
  appointments: AppointmentsService,
  waitingRoom: WaitingRoomService,
  series: SeriesService,
  afterBooked: AfterBooked = async () => undefined,
): void {
  router.handleAll({
    'appointments.list': (req) => appointments.list(req.doctorIds, req.from, req.to),
    'appointments.freeSlots': (req) => appointments.freeSlots(req),
    'appointments.book': async (req, call) => {
      const booked = await appointments.book(req, call.user, call.ctx, call.audit);
      call.audited = true;
      await afterBooked(booked, call.user);
      return booked;
    },
    'appointments.reschedule': async (req, { user, ctx }) => {
      const moved = await appointments.reschedule(req, user, ctx);
      await afterBooked(moved, user);
      return moved;
    },
    'appointments.cancel': (req, { user }) => appointments.cancel(req.id, req.reason, user),
    'appointments.checkIn': (req, { user }) => appointments.checkIn(req.id, user),
    'appointments.complete': (req, { user }) => appointments.complete(req, user),
    'appointments.noShow': (req, { user }) => appointments.noShow(req.id, user),
    'appointments.undo': (req, { user, ctx }) => appointments.undo(req, user, ctx),
    'appointments.history': (req) => appointments.history(req.id),
    'appointments.walkIn': async (req, call) => {
      const added = await appointments.walkIn(req, call.user, call.audit);
      call.audited = true;
      return added;
    },
    'appointments.queue': (req) => waitingRoom.queue(req.doctorId),
    'appointments.callNext': (req, { user }) => waitingRoom.callNext(req.doctorId, user),
    'appointments.stage': (req, { user }) => waitingRoom.stage(req.id, req.action, user),
    'appointments.setPriority': async (req, call) => {
      const changed = await waitingRoom.setPriority(req, call.user, call.audit);
      call.audited = true;
      return changed;
    },
    'appointments.previewSeries': (req) => series.preview(req),
    'appointments.bookSeries': async (req, call) => {
      const booked = await series.book(req, call.user);
      call.auditId = booked.seriesId;
      for (const a of booked.appointments) await afterBooked(a, call.user);
      return booked;
    },
    'appointments.cancelSeries': (req, { user }) => series.cancel(req.id, req.scope, req.reason, user),
    'appointments.moveSeries': async (req, { user }) => {
      const moved = await series.move(req, user);
      for (const a of moved.appointments) if (a.status === 'SCHEDULED') await afterBooked(a, user);
      return moved;
    },
  } satisfies DomainHandlers<'appointments'>);
}
