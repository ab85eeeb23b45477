// The one place where repositories, services and jobs are wired together.
import path from 'node:path';
import { DEFAULT_MAX_UPLOAD_MB, DEFAULT_PROPOSAL_DAY } from '@loa/contracts';
import { recordAudit } from './platform/audit/audit.js';
import type { Db } from './platform/db/client.js';
import { transactionRunner } from './platform/db/transaction.js';
import type { JobDefinition, Jobs } from './platform/jobs/jobs.js';
import { createMailer } from './platform/mail/mailer.js';
import { argon2Hasher, type PasswordHasher } from './platform/passwords.js';
import {
  appraisalsRepository,
  createAppraisalQueueService,
  createAppraisalsService,
} from './modules/appraisals/index.js';
import { agentsRepository, createAgentsImportService, createAgentsService } from './modules/agents/index.js';
import {
  createPressImportService,
  createPressOutletsService,
  pressOutletsRepository,
} from './modules/press-outlets/index.js';
import {
  createPressContractDeliveryService,
  createPressContractsService,
  pressContractsRepository,
} from './modules/press-contracts/index.js';
import { auditRepository, createAuditService } from './modules/audit/index.js';
import {
  budgetLedgerRepository,
  budgetQueriesRepository,
  budgetRepository,
  createAllocationsService,
  createBudgetLedger,
  createBudgetSummaryService,
  createBudgetYearsService,
  createExpendituresService,
  createNormExceptionsService,
  createNormsService,
} from './modules/budget/index.js';
import { authRepository, createAuthService, sessionCleanupJob, type AuthSessionCache } from './modules/auth/index.js';
import {
  calendarRepository,
  createCalendarFeedService,
  createCalendarImportService,
  createCalendarService,
  extendSeriesJob,
} from './modules/calendar/index.js';
import {
  createFilesService,
  diskFileStore,
  filesCleanupJob,
  filesRepository,
  s3FileStore,
  type S3Options,
} from './modules/files/index.js';
import { createGuidanceService, guidanceRepository } from './modules/guidance/index.js';
import {
  createNotificationsService,
  deadlinesJob,
  flushOutboxJob,
  notificationsRetentionJob,
  notificationsRepository,
  sendEmailJob,
} from './modules/notifications/index.js';
import { createOrgUnitsImportService, createOrgUnitsService, orgUnitsRepository } from './modules/org-units/index.js';
import { createOfficialChannelsService, officialChannelsRepository } from './modules/official-channels/index.js';
import { createPlansService, plansRepository } from './modules/plans/index.js';
import { createEventExtrasService, createEventsService, eventsRepository } from './modules/events/index.js';
import {
  createFaqService,
  createFeedbackService,
  faqRepository,
  feedbackRepository,
} from './modules/feedback/index.js';
import { createRestrictionsService, restrictionsRepository } from './modules/restrictions/index.js';
import {
  createPressConferencesService,
  createPressRequestsService,
  pressConferencesRepository,
  pressRequestsRepository,
} from './modules/press-requests/index.js';
import {
  createProductFilesService,
  createProductStoriesService,
  createProductsService,
  productFilesRepository,
  productStoriesRepository,
  productsRepository,
} from './modules/products/index.js';
import {
  createProposalDecisionsService,
  createProposalsService,
  proposalRemindersJob,
  proposalsRepository,
} from './modules/proposals/index.js';
import {
  createPublicationMetricsService,
  createPublicationsService,
  publicationsRepository,
} from './modules/publications/index.js';
import {
  createRegulationAttachmentsService,
  createRegulationsService,
  createRegulationTasksService,
  createTaskTemplatesService,
  regulationAttachmentsRepository,
  regulationsRepository,
  regulationTasksRepository,
} from './modules/regulations/index.js';
import { createSharingService, sharingRepository } from './modules/sharing/index.js';
import { campaignLinksRepository, campaignsRepository, createCampaignsModule } from './modules/campaigns/index.js';
import {
  createTrainingCertificatesService,
  createTrainingImportService,
  createTrainingMaterialsService,
  createTrainingService,
  trainingRepository,
} from './modules/training/index.js';
import { createStoriesService, createStoryMediaService, storiesRepository } from './modules/stories/index.js';
import { createUsersService, usersRepository } from './modules/users/index.js';
import { composeMonitoring, type MonitoringOptions, monitoringJobs } from './composition-monitoring.js';
import { composeListen, type ListenOptions, listenJobs } from './composition-listen.js';
import { createScheduledJobsService, scheduledJobsRepository } from './modules/scheduled-jobs/index.js';
import {
  createDashboardRollupsService,
  createDashboardService,
  dashboardRepository,
  dashboardRollupsRebuildJob,
  dashboardRollupsRefreshJob,
  dashboardRollupsRepository,
} from './modules/dashboard/index.js';
import { createPlanActualService, planActualRepository } from './modules/plan-actual/index.js';
import { coverageRepository, createCoverageService } from './modules/coverage/index.js';
import {
  createReportGeneration,
  createReportsService,
  createReportTemplatesService,
  generateReportJob,
  reportsRepository,
  reportTemplatesRepository,
} from './modules/reports/index.js';

export interface CompositionOptions extends MonitoringOptions, ListenOptions {
  sessionHours: number;
  /** Sessions kept in memory while PostgreSQL's notifications keep them true (main.ts, decision 0055). */
  sessionCache?: AuthSessionCache | undefined;
  passwords?: PasswordHasher;
  /** Outgoing mail server (SMTP_URL); without it, e-mails are held in the outbox. */
  smtpUrl?: string | undefined;
  /** Sender of Loa's e-mails (LOA_MAIL_FROM). */
  mailFrom?: string;
  /** Where users open Loa (LOA_PUBLIC_URL), for the links in e-mails. */
  publicUrl?: string | undefined;
  /** Day of month M−1 that is the last for proposing content for month M (LOA_PROPOSAL_DAY). */
  proposalDay?: number;
  /** Where uploaded files are stored (config filesDir); default `./data/files`, as LOA_DATA_DIR's default. */
  filesDir?: string;
  /** Largest accepted upload in megabytes (LOA_MAX_UPLOAD_MB). */
  maxUploadMb?: number;
  /** An S3-compatible bucket for uploaded files (LOA_S3_*); it takes the place of `filesDir`. */
  s3?: S3Options | undefined;
}

export function compose(db: Db, options: CompositionOptions) {
  const runInTransaction = transactionRunner(db);
  const passwords = options.passwords ?? argon2Hasher;
  const base = { db, runInTransaction, recordAudit };
  const auth = createAuthService({
    ...base,
    repo: authRepository,
    users: usersRepository,
    passwords,
    sessionHours: options.sessionHours,
    sessionCache: options.sessionCache,
  });
  const orgUnits = createOrgUnitsService({ ...base, repo: orgUnitsRepository });
  const users = createUsersService({
    ...base,
    repo: usersRepository,
    passwords,
    unitPath: (tx, id) => orgUnitsRepository.findPath(tx, id),
    endSessions: auth.endSessions,
    userChanged: auth.userChanged,
  });
  const mailer = createMailer({ smtpUrl: options.smtpUrl, from: options.mailFrom ?? 'Loa <no-reply@localhost>' });
  const notifications = createNotificationsService({
    ...base,
    repo: notificationsRepository,
    mailer,
    publicUrl: options.publicUrl,
  });
  const regulationTasks = createRegulationTasksService({
    ...base,
    repo: regulationTasksRepository,
    regulations: regulationsRepository,
    units: orgUnitsRepository,
    users: usersRepository,
    notify: notifications.notify,
  });
  notifications.registerDeadlineSource(regulationTasks.deadlineSource);
  const taskTemplates = createTaskTemplatesService({
    ...base,
    repo: regulationTasksRepository,
    units: orgUnitsRepository,
  });
  const calendar = createCalendarService({
    ...base,
    repo: calendarRepository,
    units: orgUnitsRepository,
    users: usersRepository,
    guidance: guidanceRepository,
    regulations: regulationsRepository,
    tasks: regulationTasksRepository,
    notify: notifications.notify,
  });
  notifications.registerDeadlineSource(calendar.deadlineSource);
  const proposalDeps = { ...base, repo: proposalsRepository, units: orgUnitsRepository, notify: notifications.notify };
  const proposals = createProposalsService({
    ...proposalDeps,
    closingDay: options.proposalDay ?? DEFAULT_PROPOSAL_DAY,
  });
  const proposalDecisions = createProposalDecisionsService({
    ...proposalDeps,
    createCalendarItem: calendar.internal.createFromProposal,
  });
  const files = createFilesService({
    ...base,
    repo: filesRepository,
    store: options.s3 ? s3FileStore(options.s3) : diskFileStore(options.filesDir ?? path.resolve('data', 'files')),
    maxBytes: (options.maxUploadMb ?? DEFAULT_MAX_UPLOAD_MB) * 1024 * 1024,
    units: orgUnitsRepository,
  });
  // Tables that name files: the daily cleanup keeps every file they name (and deletes nothing without them).
  files.registerFileReferences(
    { table: 'regulation_attachments', column: 'file_id' },
    { table: 'product_files', column: 'file_id' },
    { table: 'story_media', column: 'file_id' },
    { table: 'stories', column: 'consent_evidence_file_id' },
  );
  const regulationAttachments = createRegulationAttachmentsService({
    ...base,
    repo: regulationAttachmentsRepository,
    regulations: regulationsRepository,
    files: files.internal,
  });
  const regulations = createRegulationsService({
    ...base,
    repo: regulationsRepository,
    tasks: regulationTasksRepository,
    units: orgUnitsRepository,
    generateTasks: regulationTasks.internal.generate,
    listAttachments: regulationAttachments.listFor,
  });
  const productFiles = createProductFilesService({
    ...base,
    repo: productFilesRepository,
    products: productsRepository,
    files: files.internal,
    isAskedUnit: appraisalsRepository.isAskedUnit,
  });
  const storyMedia = createStoryMediaService({ ...base, repo: storiesRepository, files: files.internal });
  const stories = createStoriesService({
    ...base,
    repo: storiesRepository,
    units: orgUnitsRepository,
    guidance: guidanceRepository,
    listMedia: storyMedia.listFor,
  });
  const productStories = createProductStoriesService({
    ...base,
    repo: productStoriesRepository,
    products: productsRepository,
    getStory: stories.getStory,
  });
  const products = createProductsService({
    ...base,
    repo: productsRepository,
    units: orgUnitsRepository,
    getCalendarItem: calendar.get,
    listFiles: productFiles.listFor,
    listStories: productStories.listFor,
    isAskedUnit: appraisalsRepository.isAskedUnit,
  });
  const appraisals = createAppraisalsService({
    ...base,
    repo: appraisalsRepository,
    units: orgUnitsRepository,
    products: products.internal,
    files: files.internal,
    notify: notifications.notify,
  });
  const appraisalQueue = createAppraisalQueueService({ db, repo: appraisalsRepository });
  for (const source of appraisalQueue.deadlineSources) notifications.registerDeadlineSource(source);
  const publicationDeps = {
    ...base,
    repo: publicationsRepository,
    products: products.internal,
    files: files.internal,
  };
  files.registerFileReferences(
    { table: 'publication_proofs', column: 'file_id' },
    { table: 'appraisal_opinion_files', column: 'file_id' },
  );
  const publications = createPublicationsService(publicationDeps);
  const restrictions = createRestrictionsService({
    ...base,
    repo: restrictionsRepository,
    units: orgUnitsRepository,
    regulations: regulationsRepository,
  });
  const events = createEventsService({
    ...base,
    repo: eventsRepository,
    units: orgUnitsRepository,
    places: agentsRepository,
    guidance: guidanceRepository,
    restrictions: { blocking: restrictions.internal.blocking, findById: restrictionsRepository.findById },
    files: files.internal,
  });
  files.registerFileReferences({ table: 'event_photos', column: 'file_id' });
  const feedback = createFeedbackService({
    ...base,
    repo: feedbackRepository,
    units: orgUnitsRepository,
    files: files.internal,
    notify: notifications.notify,
    faqOf: faqRepository.idOfSource,
  });
  notifications.registerDeadlineSource(feedback.deadlineSource);
  files.registerFileReferences({ table: 'feedback_files', column: 'file_id' });
  const pressRequests = createPressRequestsService({
    ...base,
    repo: pressRequestsRepository,
    units: orgUnitsRepository,
    notify: notifications.notify,
    media: pressOutletsRepository,
  });
  notifications.registerDeadlineSource(pressRequests.deadlineSource);
  const pressConferences = createPressConferencesService({
    ...base,
    repo: pressConferencesRepository,
    people: pressRequestsRepository,
    units: orgUnitsRepository,
    files: files.internal,
    media: pressOutletsRepository,
  });
  files.registerFileReferences({ table: 'press_conference_files', column: 'file_id' });
  const faq = createFaqService({
    ...base,
    repo: faqRepository,
    units: orgUnitsRepository,
    lockFeedback: feedback.internal.lockVisible,
  });
  // The budget's ledgers (issue 6 §1–§3); press contracts reserve and pay through `budgetLedger`.
  const budgetLedger = createBudgetLedger({ repo: budgetLedgerRepository, recordAudit });
  files.registerFileReferences({ table: 'budget_expenditure_files', column: 'file_id' });
  const budgetUnits = { findUnit: budgetLedgerRepository.findUnit };
  const budget = {
    years: createBudgetYearsService({ ...base, repo: budgetRepository, units: budgetUnits }),
    allocations: createAllocationsService({
      ...base,
      ledger: budgetLedgerRepository,
      queries: budgetQueriesRepository,
    }),
    expenditures: createExpendituresService({ ...base, ledger: budgetLedger, queries: budgetQueriesRepository }),
    norms: createNormsService({ ...base, repo: budgetRepository }),
    exceptions: createNormExceptionsService({
      ...base,
      repo: budgetRepository,
      units: budgetUnits,
      ledger: budgetLedger,
      notify: notifications.notify,
    }),
    summary: createBudgetSummaryService({
      db,
      repo: budgetRepository,
      units: budgetUnits,
      queries: budgetQueriesRepository,
    }),
  };
  const pressContractDeps = { ...base, repo: pressContractsRepository, ledger: budgetLedger, files: files.internal };
  files.registerFileReferences(
    { table: 'press_contract_files', column: 'file_id' },
    { table: 'press_contract_acceptances', column: 'minutes_file_id' },
  );
  const plans = createPlansService({ ...base, repo: plansRepository, notify: notifications.notify });
  for (const [metric, source] of events.progressSources()) plans.registerProgressSource(metric, source);
  plans.registerProgressSource('products', productsRepository.progress);
  plans.registerProgressSource('budget_vnd', budgetQueriesRepository.spentProgress);
  const publicationMetrics = createPublicationMetricsService({ ...publicationDeps, readable: publications.readable });
  const campaignsModule = createCampaignsModule({
    ...base,
    repo: campaignsRepository,
    links: campaignLinksRepository,
    units: orgUnitsRepository,
  });
  for (const [metric, figures] of events.campaignFigures())
    campaignsModule.registerLinkedItemsSource(metric, 'event', figures);
  const trainingDeps = { ...base, repo: trainingRepository, units: orgUnitsRepository, users: usersRepository };
  const trainingMaterials = createTrainingMaterialsService({ ...trainingDeps, files: files.internal });
  files.registerFileReferences({ table: 'training_materials', column: 'file_id' });
  const training = createTrainingService({ ...trainingDeps, listMaterials: trainingMaterials.listFor });
  const monitoring = composeMonitoring(base, notifications.notify, options);
  const services = {
    db,
    runInTransaction,
    passwords,
    auth,
    users,
    orgUnits,
    orgUnitsImport: createOrgUnitsImportService({ runInTransaction, orgUnits }),
    audit: createAuditService({ db, repo: auditRepository }),
    guidance: createGuidanceService({ ...base, repo: guidanceRepository }),
    files,
    regulations,
    regulationAttachments,
    regulationTasks,
    taskTemplates,
    calendar,
    calendarImport: createCalendarImportService({
      ...base,
      repo: calendarRepository,
      units: orgUnitsRepository,
      users: usersRepository,
      guidance: guidanceRepository,
      regulations: regulationsRepository,
      notify: notifications.notify,
    }),
    calendarFeed: createCalendarFeedService({
      ...base,
      repo: calendarRepository,
      users: usersRepository,
      calendar,
      publicUrl: options.publicUrl,
    }),
    proposals,
    proposalDecisions,
    notifications,
    plans,
    products,
    appraisals,
    appraisalQueue,
    productFiles,
    productStories,
    publications,
    publicationMetrics,
    stories,
    storyMedia,
    agents: createAgentsService({ ...base, repo: agentsRepository, units: orgUnitsRepository }),
    officialChannels: createOfficialChannelsService({
      ...base,
      repo: officialChannelsRepository,
      units: orgUnitsRepository,
    }),
    campaigns: campaignsModule.campaigns,
    campaignLinks: campaignsModule.links,
    registerCampaignProgressSource: campaignsModule.registerCampaignProgressSource,
    restrictions,
    feedback,
    faq,
    pressRequests,
    pressConferences,
    events,
    eventExtras: createEventExtrasService({ ...base, repo: eventsRepository, files: files.internal }),
    agentsImport: createAgentsImportService({ ...base, repo: agentsRepository, units: orgUnitsRepository }),
    pressOutlets: createPressOutletsService({ ...base, repo: pressOutletsRepository }),
    pressImport: createPressImportService({ ...base, repo: pressOutletsRepository }),
    training,
    trainingMaterials,
    trainingCertificates: createTrainingCertificatesService(trainingDeps),
    trainingImport: createTrainingImportService(trainingDeps),
    budgetLedger,
    budget,
    pressContracts: createPressContractsService(pressContractDeps),
    pressContractDelivery: createPressContractDeliveryService(pressContractDeps),
    // Media monitoring (issue 12): composition-monitoring.ts; listen and respond (issue 8): composition-listen.ts.
    ...monitoring,
    ...composeListen(base, { notify: notifications.notify, mailer, monitoring }, options),
    scheduledJobs: createScheduledJobsService({ ...base, repo: scheduledJobsRepository }),
    dashboard: createDashboardService({ db, repo: dashboardRepository, rollups: dashboardRollupsRepository }),
    dashboardRollups: createDashboardRollupsService({ runInTransaction, repo: dashboardRollupsRepository }),
    planActual: createPlanActualService({ db, repo: planActualRepository, measure: plans.measureProgress }),
    coverage: createCoverageService({ db, repo: coverageRepository }),
    sharing: createSharingService({
      ...base,
      repo: sharingRepository,
      units: orgUnitsRepository,
      lockProduct: products.internal.lockVisible,
    }),
  };
  // Reports (issue 9 §4, decision 0045): their figures come from the dashboard, plan versus actual and coverage.
  const reportGeneration = createReportGeneration({
    db,
    runInTransaction,
    repo: reportsRepository,
    sources: {
      dashboard: services.dashboard.internal.compute,
      planActual: services.planActual.internal.compute,
      coverage: services.coverage.internal.compute,
    },
  });
  return {
    ...services,
    reports: createReportsService({
      ...base,
      repo: reportsRepository,
      templates: reportTemplatesRepository,
      notify: notifications.notify,
    }),
    reportTemplates: createReportTemplatesService({ ...base, repo: reportTemplatesRepository }),
    reportGeneration,
  };
}

export type Services = ReturnType<typeof compose>;

/** Every job type of Loa; workers process all of them. `jobs` lets jobs queue other jobs. */
export function jobDefinitions(services: Services, jobs: Pick<Jobs, 'send'>): JobDefinition<never>[] {
  const sendEmail = sendEmailJob(services.notifications.deliverOutboxMessage);
  // A report's write queues the generation of its version at once (one job per report and version).
  const generateReport = generateReportJob(services.reportGeneration.run);
  services.reports.useQueue(async (reportId, version) => {
    await jobs.send(generateReport, { reportId, version }, { idempotencyKey: `${reportId}:${version}` });
  });
  return [
    sessionCleanupJob(services.auth.deleteExpiredSessions),
    sendEmail,
    flushOutboxJob(services.notifications.findOutboxToQueue, jobs, sendEmail),
    notificationsRetentionJob(services.notifications.deleteOld),
    deadlinesJob(services.notifications.notifyDueDeadlines),
    extendSeriesJob(services.calendar.extendSeries),
    proposalRemindersJob(services.proposals.sendMonthlyReminders),
    filesCleanupJob(() => services.files.deleteUnreferenced()),
    ...monitoringJobs(services, jobs),
    ...listenJobs(services, jobs),
    dashboardRollupsRefreshJob(services.dashboardRollups),
    dashboardRollupsRebuildJob(services.dashboardRollups),
    generateReport,
  ] as JobDefinition<never>[];
}
