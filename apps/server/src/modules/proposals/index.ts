export { createProposalsService, type ProposalsService } from './proposals.service.js';
export {
  createProposalDecisionsService,
  type CalendarItemFromProposal,
  type ProposalDecisionsService,
} from './proposal-decisions.service.js';
export { proposalsRepository } from './proposals.repository.js';
export { registerProposalsRoutes } from './proposals.routes.js';
export { proposalRemindersJob } from './proposal-reminders.job.js';
