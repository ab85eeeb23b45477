export {
  createCalendarService,
  type CalendarItemFromProposal,
  type CalendarService,
  type TaskSource,
} from './calendar.service.js';
export { createCalendarImportService, type CalendarImportService } from './calendar-import.service.js';
export { createCalendarFeedService, type CalendarFeedService } from './calendar-feed.service.js';
export { calendarRepository } from './calendar.repository.js';
export { registerCalendarRoutes } from './calendar.routes.js';
export { extendSeriesJob } from './extend-series.job.js';
