import type { Executor } from '../../platform/db/transaction.js';
import { regulationTasksRepository, type DueTaskRow } from './regulation-tasks.repository.js';

export { createRegulationsService, type RegulationsService } from './regulations.service.js';
export {
  COMMS_CENTER_CODE,
  createRegulationTasksService,
  type RegulationTasksService,
} from './regulation-tasks.service.js';
export { createTaskTemplatesService, type TaskTemplatesService } from './task-templates.service.js';
export { regulationsRepository } from './regulations.repository.js';
export { regulationTasksRepository, type DueTaskRow } from './regulation-tasks.repository.js';
export { registerRegulationsRoutes } from './regulations.routes.js';
export {
  createRegulationAttachmentsService,
  type RegulationAttachmentsService,
} from './regulation-attachments.service.js';
export { regulationAttachmentsRepository } from './regulation-attachments.repository.js';
export { registerRegulationAttachmentsRoutes } from './regulation-attachments.routes.js';

/**
 * Open communication tasks (to do, in progress) due from `today` (yyyy-mm-dd, Vietnam's calendar day) to
 * `today + withinDays` inclusive, soonest first, with owner unit, assignee, title, due date and regulation
 * number: what deadline reminders and notifications need. Overdue tasks are not included.
 */
export function findTasksDue(tx: Executor, today: string, withinDays: number): Promise<DueTaskRow[]> {
  return regulationTasksRepository.findDue(tx, today, withinDays);
}
