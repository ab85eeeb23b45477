export {
  createNotificationsService,
  MAX_EMAIL_ATTEMPTS,
  type DeadlineSource,
  type DeliveryOutcome,
  type NotificationsService,
  type NotifyInput,
} from './notifications.service.js';
export { notificationsRepository, type NotificationsRepository } from './notifications.repository.js';
export { registerNotificationsRoutes } from './notifications.routes.js';
export { type DueItem } from './deadlines.js';
export { deadlineDedupeKey, type Recipients } from './notification-rules.js';
export { deadlinesJob } from './deadlines.job.js';
export { flushOutboxJob } from './flush-outbox.job.js';
export { notificationsRetentionJob } from './retention.job.js';
export { sendEmailJob } from './send-email.job.js';
