import type { Router } from '../ipc/router';
import type { SeriesService } from './service';

export function registerSeriesHandlers(router: Router, series: SeriesService): void {
  router
    .handle('appointments.previewSeries', (req) => series.preview(req))
    .handle('appointments.bookSeries', async (req, call) => {
      const booked = await series.book(req, call.user);
      call.auditId = booked.seriesId;
      return booked;
    })
    .handle('appointments.cancelSeries', (req, { user }) => series.cancel(req.id, req.scope, req.reason, user))
    .handle('appointments.moveSeries', (req, { user }) => series.move(req, user));
}
