export { createEventsService, type EventsService } from './events.service.js';
export { createEventExtrasService, type EventExtrasService } from './event-extras.service.js';
export { eventsRepository } from './events.repository.js';
export { registerEventsRoutes } from './events.routes.js';
export { registerEventExtrasRoutes } from './event-extras.routes.js';
