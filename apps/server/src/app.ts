import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Services } from './composition-root.js';
import { loggerOptions } from './platform/logger.js';
import { registerAuthentication } from './platform/http/authentication.js';
import { frameworkError, registerErrorHandling } from './platform/http/error-handler.js';
import { registerInputGuards } from './platform/http/input-guards.js';
import { XLSX_TYPE } from './platform/http/excel.js';
import { registerHealthRoute } from './platform/http/health.js';
import type { RoutePolicy } from './platform/http/route-policy.js';
import { sharedRateLimitStore } from './platform/http/shared-rate-limit.js';
import { registerWebApp } from './platform/http/static-web.js';
import { registerAppraisalsRoutes } from './modules/appraisals/index.js';
import { registerAgentsRoutes } from './modules/agents/index.js';
import { registerPressOutletsRoutes } from './modules/press-outlets/index.js';
import { registerPressContractsRoutes } from './modules/press-contracts/index.js';
import { registerAuditRoutes } from './modules/audit/index.js';
import { DEFAULT_LOGINS_PER_MINUTE, registerAuthRoutes } from './modules/auth/index.js';
import { registerCalendarRoutes } from './modules/calendar/index.js';
import { registerFilesRoutes, registerUploadParser } from './modules/files/index.js';
import { registerGuidanceRoutes } from './modules/guidance/index.js';
import { registerNotificationsRoutes } from './modules/notifications/index.js';
import { registerOrgUnitsRoutes } from './modules/org-units/index.js';
import { registerOfficialChannelsRoutes } from './modules/official-channels/index.js';
import { registerMonitoringQueriesRoutes } from './modules/monitoring-queries/index.js';
import { registerMonitoringIngestRoutes } from './modules/monitoring/index.js';
import { registerMonitoringArticlesRoutes } from './modules/monitoring-articles/index.js';
import { registerMonitoringAlertsRoutes } from './modules/monitoring-alerts/index.js';
import { registerIncidentsRoutes } from './modules/incidents/index.js';
import { registerDashboardRoutes } from './modules/dashboard/index.js';
import { registerPlanActualRoutes } from './modules/plan-actual/index.js';
import { registerCoverageRoutes } from './modules/coverage/index.js';
import { registerReportsRoutes } from './modules/reports/index.js';
import { registerMonitoringSourcesRoutes } from './modules/monitoring-sources/index.js';
import { registerPressReviewsRoutes } from './modules/press-reviews/index.js';
import { registerReviewDeliveryRoutes } from './modules/press-review-delivery/index.js';
import { registerScheduledJobsRoutes } from './modules/scheduled-jobs/index.js';
import { registerPlansRoutes } from './modules/plans/index.js';
import { registerProductsRoutes } from './modules/products/index.js';
import { registerProposalsRoutes } from './modules/proposals/index.js';
import { registerPublicationMetricsRoutes, registerPublicationsRoutes } from './modules/publications/index.js';
import { registerRegulationAttachmentsRoutes, registerRegulationsRoutes } from './modules/regulations/index.js';
import { registerSharingRoutes } from './modules/sharing/index.js';
import { registerCampaignsRoutes } from './modules/campaigns/index.js';
import { registerEventExtrasRoutes, registerEventsRoutes } from './modules/events/index.js';
import { registerRestrictionsRoutes } from './modules/restrictions/index.js';
import { registerFaqRoutes, registerFeedbackRoutes } from './modules/feedback/index.js';
import { registerPressRequestsRoutes } from './modules/press-requests/index.js';
import {
  registerBudgetEntriesRoutes,
  registerBudgetNormsRoutes,
  registerBudgetRoutes,
} from './modules/budget/index.js';
import { registerTrainingRoutes } from './modules/training/index.js';
import { registerStoriesRoutes } from './modules/stories/index.js';
import { registerUsersRoutes } from './modules/users/index.js';

export interface AppOptions {
  services: Services;
  /** Login attempts allowed per client address and minute (LOA_LOGINS_PER_MINUTE). */
  loginsPerMinute?: number;
  pingDatabase: () => Promise<void>;
  logLevel?: string;
  trustProxy?: boolean;
  /** Directory of the built web app; absent in API-only tests. */
  webDist?: string;
}

const REQUEST_ID = /^[\w.-]{1,64}$/;

/** Builds the HTTP application: plugins, security, the API of every module and the web app. Used by tests too. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logLevel && options.logLevel !== 'silent' ? loggerOptions(options.logLevel) : false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    genReqId: (req) => {
      const sent = req.headers['x-request-id'];
      return typeof sent === 'string' && REQUEST_ID.test(sent) ? sent : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false } },
    frameworkErrors: frameworkError,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );
  registerUploadParser(app, options.services.files.maxBytes);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  registerErrorHandling(app);
  registerInputGuards(app);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd writes its styles at run time (CSS-in-JS).
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCookie);
  // Routes' own limits (logins) are counted in PostgreSQL: they hold across instances (decision 0049).
  await app.register(fastifyRateLimit, {
    global: true,
    max: 1200,
    timeWindow: '1 minute',
    // The budget is the API's: the web app's files (hashed, cached by the browser) do not spend it, so an office behind
    // one gateway is not refused its API because its people opened screens.
    allowList: (request) => !request.url.startsWith('/api/'),
    store: sharedRateLimitStore(options.services.db),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Loa API',
        version: '1.0.0',
        description:
          'The communication-work platform of BHXH Việt Nam. Authenticate with the session cookie of POST /api/auth/login ' +
          '(mutations send X-CSRF-Token) or with a personal token (Authorization: Bearer loa_…). ' +
          'Lists take q (accent-insensitive), page, pageSize (≤ 1000) and sort, and return {items, total}. Errors are RFC 9457 problem+json.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'loa_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    // Each operation carries its declared policy (x-loa-policy), which the authorisation matrix test reads.
    transform: (input) => {
      const output = jsonSchemaTransform(input);
      const config = input.route.config as { public?: boolean; policy?: RoutePolicy } | undefined;
      const policy = config?.public ? { roles: 'public', scope: 'global' } : config?.policy;
      return policy ? { ...output, schema: { ...output.schema, 'x-loa-policy': policy } } : output;
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // Every private API route declares its policy (route-policy.ts); one without refuses to start (decision 0046).
  app.addHook('onRoute', (route) => {
    const config = route.config as { public?: boolean; policy?: RoutePolicy } | undefined;
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs') || config?.public || config?.policy) return;
    throw new Error(`${String(route.method)} ${route.url} declares no policy: add config: allow(roles, scope)`);
  });
  const { services } = options;
  registerAuthentication(app, services.auth);
  registerHealthRoute(app, options.pingDatabase);
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  registerAuthRoutes(app, services.auth, { loginsPerMinute: options.loginsPerMinute ?? DEFAULT_LOGINS_PER_MINUTE });
  registerOrgUnitsRoutes(app, services.orgUnits, services.orgUnitsImport);
  registerUsersRoutes(app, services.users);
  registerAuditRoutes(app, services.audit);
  registerGuidanceRoutes(app, services.guidance);
  registerNotificationsRoutes(app, services.notifications);
  registerRegulationsRoutes(app, services.regulations, services.regulationTasks, services.taskTemplates);
  registerFilesRoutes(app, services.files);
  registerRegulationAttachmentsRoutes(app, services.regulationAttachments, services.files.maxBytes);
  registerCalendarRoutes(app, services.calendar, services.calendarImport, services.calendarFeed);
  registerPlansRoutes(app, services.plans);
  registerProposalsRoutes(app, services.proposals, services.proposalDecisions);
  registerProductsRoutes(
    app,
    services.products,
    services.productFiles,
    services.productStories,
    services.files.maxBytes,
  );
  registerStoriesRoutes(app, services.stories, services.storyMedia, services.files.maxBytes);
  registerAgentsRoutes(app, services.agents, services.agentsImport);
  registerOfficialChannelsRoutes(app, services.officialChannels);
  registerMonitoringQueriesRoutes(app, services.monitoringQueries, services.monitoringClassifier);
  registerMonitoringIngestRoutes(app, services.monitoringIngest);
  registerMonitoringSourcesRoutes(
    app,
    services.monitoringSources,
    services.monitoringItemFetch,
    services.monitoringSourceImport,
    services.files.maxBytes,
  );
  registerMonitoringArticlesRoutes(app, services.monitoringArticles, services.monitoringViews);
  registerScheduledJobsRoutes(app, services.scheduledJobs);
  // Listen and respond (issue 8).
  registerPressReviewsRoutes(app, services.pressReviews);
  registerReviewDeliveryRoutes(app, services);
  registerMonitoringAlertsRoutes(app, services.monitoringAlerts, services.monitoringAlertRules);
  registerIncidentsRoutes(app, services.incidents);
  registerDashboardRoutes(app, services.dashboard);
  registerPlanActualRoutes(app, services.planActual);
  registerCoverageRoutes(app, services.coverage);
  registerReportsRoutes(app, services.reports, services.reportTemplates);
  registerPressOutletsRoutes(app, services.pressOutlets, services.pressImport);
  registerPressContractsRoutes(app, services.pressContracts, services.pressContractDelivery);
  registerAppraisalsRoutes(app, services.appraisals, services.appraisalQueue);
  registerPublicationMetricsRoutes(app, services.publicationMetrics);
  registerPublicationsRoutes(app, services.publications, services.files.maxBytes);
  registerSharingRoutes(app, services.sharing);
  registerCampaignsRoutes(app, services.campaigns, services.campaignLinks);
  registerRestrictionsRoutes(app, services.restrictions);
  registerEventsRoutes(app, services.events);
  registerFeedbackRoutes(app, services.feedback);
  registerFaqRoutes(app, services.faq);
  registerPressRequestsRoutes(
    app,
    { requests: services.pressRequests, conferences: services.pressConferences },
    services.files.maxBytes,
  );
  registerTrainingRoutes(
    app,
    services.training,
    services.trainingCertificates,
    services.trainingMaterials,
    services.trainingImport,
    services.files.maxBytes,
  );
  registerEventExtrasRoutes(app, services.eventExtras, services.files.maxBytes);
  registerBudgetRoutes(app, services.budget.years, services.budget.summary);
  registerBudgetEntriesRoutes(app, services.budget.allocations, services.budget.expenditures);
  registerBudgetNormsRoutes(app, services.budget.norms, services.budget.exceptions);
  if (options.webDist) await registerWebApp(app, options.webDist);
  return app;
}
