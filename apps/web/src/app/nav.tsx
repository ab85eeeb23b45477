import { ApartmentOutlined, AuditOutlined, BookOutlined, HomeOutlined, TeamOutlined } from '@ant-design/icons';
import { CarryOutOutlined, FileTextOutlined } from '@ant-design/icons';
import { BellOutlined } from '@ant-design/icons';
import { AimOutlined } from '@ant-design/icons';
import { BulbOutlined, InboxOutlined } from '@ant-design/icons';
import { CalendarOutlined } from '@ant-design/icons';
import { VideoCameraOutlined } from '@ant-design/icons';
import { StarOutlined } from '@ant-design/icons';
import { ShopOutlined } from '@ant-design/icons';
import { SafetyOutlined } from '@ant-design/icons';
import { ShareAltOutlined } from '@ant-design/icons';
import { NotificationOutlined } from '@ant-design/icons';
import { SolutionOutlined } from '@ant-design/icons';
import { FlagOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { MessageOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { RocketOutlined } from '@ant-design/icons';
import { AudioOutlined, SoundOutlined } from '@ant-design/icons';
import { ReadOutlined } from '@ant-design/icons';
import { WalletOutlined } from '@ant-design/icons';
import { FileDoneOutlined } from '@ant-design/icons';
import { RadarChartOutlined } from '@ant-design/icons';
import { ScheduleOutlined } from '@ant-design/icons';
import { DatabaseOutlined, ExperimentOutlined, FilterOutlined } from '@ant-design/icons';
import { AlertOutlined, ControlOutlined } from '@ant-design/icons';
import { FieldTimeOutlined, MailOutlined, ProfileOutlined } from '@ant-design/icons';
import { FireOutlined } from '@ant-design/icons';
import { DashboardOutlined } from '@ant-design/icons';
import { FundOutlined } from '@ant-design/icons';
import { HeatMapOutlined } from '@ant-design/icons';
import { SnippetsOutlined } from '@ant-design/icons';
import { WORKING_ROLES, type TRole } from '@loa/contracts';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { MessageKey } from './i18n/i18n';

/** One screen in the left menu. A new module adds one entry here: it gets its menu item and its route. */
export interface NavEntry {
  key: string;
  path: string;
  labelKey: MessageKey;
  /** One-line description shown on the home page. */
  descriptionKey: MessageKey;
  icon: ReactNode;
  /** Roles that may open the screen; absent means every signed-in user. */
  roles?: readonly TRole[];
  page: LazyExoticComponent<ComponentType>;
}

export const NAV_ENTRIES: readonly NavEntry[] = [
  {
    key: 'home',
    path: '/',
    labelKey: 'nav.home',
    descriptionKey: 'home.card.home',
    icon: <HomeOutlined />,
    page: lazy(() => import('../modules/home/home-page').then((m) => ({ default: m.HomePage }))),
  },
  {
    key: 'dashboard',
    path: '/dashboard',
    labelKey: 'nav.dashboard',
    descriptionKey: 'home.card.dashboard',
    icon: <DashboardOutlined />,
    page: lazy(() => import('../modules/dashboard/dashboard-page').then((m) => ({ default: m.DashboardPage }))),
  },
  {
    key: 'plan-actual',
    path: '/dashboard/plan-actual',
    labelKey: 'nav.planActual',
    descriptionKey: 'home.card.planActual',
    icon: <FundOutlined />,
    page: lazy(() => import('../modules/plan-actual/plan-actual-page').then((m) => ({ default: m.PlanActualPage }))),
  },
  {
    key: 'coverage',
    path: '/dashboard/coverage',
    labelKey: 'nav.coverage',
    descriptionKey: 'home.card.coverage',
    icon: <HeatMapOutlined />,
    page: lazy(() => import('../modules/coverage/coverage-page').then((m) => ({ default: m.CoveragePage }))),
  },
  {
    key: 'reports',
    path: '/reports',
    labelKey: 'nav.reports',
    descriptionKey: 'home.card.reports',
    icon: <SnippetsOutlined />,
    page: lazy(() => import('../modules/reports/reports-page').then((m) => ({ default: m.ReportsPage }))),
  },
  {
    key: 'org-units',
    path: '/org-units',
    labelKey: 'nav.orgUnits',
    descriptionKey: 'home.card.orgUnits',
    icon: <ApartmentOutlined />,
    page: lazy(() => import('../modules/org-units/org-units-page').then((m) => ({ default: m.OrgUnitsPage }))),
  },
  {
    key: 'users',
    path: '/users',
    labelKey: 'nav.users',
    descriptionKey: 'home.card.users',
    icon: <TeamOutlined />,
    roles: ['admin'],
    page: lazy(() => import('../modules/users/users-page').then((m) => ({ default: m.UsersPage }))),
  },
  {
    key: 'audit',
    path: '/audit',
    labelKey: 'nav.audit',
    descriptionKey: 'home.card.audit',
    icon: <AuditOutlined />,
    roles: ['admin', 'leader'],
    page: lazy(() => import('../modules/audit/audit-page').then((m) => ({ default: m.AuditPage }))),
  },
  {
    key: 'scheduled-jobs',
    path: '/admin/jobs',
    labelKey: 'nav.scheduledJobs',
    descriptionKey: 'home.card.scheduledJobs',
    icon: <ScheduleOutlined />,
    roles: ['admin'],
    page: lazy(() => import('../modules/scheduled-jobs/jobs-page').then((m) => ({ default: m.ScheduledJobsPage }))),
  },
  {
    key: 'guidance',
    path: '/guidance',
    labelKey: 'nav.guidance',
    descriptionKey: 'home.card.guidance',
    icon: <BookOutlined />,
    page: lazy(() => import('../modules/guidance/guidance-page').then((m) => ({ default: m.GuidancePage }))),
  },
  {
    key: 'plans',
    path: '/plans',
    labelKey: 'nav.plans',
    descriptionKey: 'home.card.plans',
    icon: <AimOutlined />,
    page: lazy(() => import('../modules/plans/plans-page').then((m) => ({ default: m.PlansPage }))),
  },
  {
    key: 'regulations',
    path: '/regulations',
    labelKey: 'nav.regulations',
    descriptionKey: 'home.card.regulations',
    icon: <FileTextOutlined />,
    page: lazy(() => import('../modules/regulations/regulations-page').then((m) => ({ default: m.RegulationsPage }))),
  },
  {
    key: 'tasks',
    path: '/tasks',
    labelKey: 'nav.tasks',
    descriptionKey: 'home.card.tasks',
    icon: <CarryOutOutlined />,
    page: lazy(() => import('../modules/regulations/my-tasks-page').then((m) => ({ default: m.MyTasksPage }))),
  },
  {
    key: 'proposals',
    path: '/proposals',
    labelKey: 'nav.proposals',
    descriptionKey: 'home.card.proposals',
    icon: <InboxOutlined />,
    roles: ['admin', 'leader', 'comms_center'],
    page: lazy(() => import('../modules/proposals/proposals-page').then((m) => ({ default: m.ProposalsInboxPage }))),
  },
  {
    key: 'my-proposals',
    path: '/proposals/mine',
    labelKey: 'nav.myProposals',
    descriptionKey: 'home.card.myProposals',
    icon: <BulbOutlined />,
    roles: ['admin', 'comms_center', 'unit_officer', 'press_office', 'province_officer', 'district_officer'],
    page: lazy(() => import('../modules/proposals/proposals-page').then((m) => ({ default: m.MyProposalsPage }))),
  },
  {
    key: 'calendar',
    path: '/calendar',
    labelKey: 'nav.calendar',
    descriptionKey: 'home.card.calendar',
    icon: <CalendarOutlined />,
    page: lazy(() => import('../modules/calendar/calendar-page').then((m) => ({ default: m.CalendarPage }))),
  },
  {
    key: 'products',
    path: '/products',
    labelKey: 'nav.products',
    descriptionKey: 'home.card.products',
    icon: <VideoCameraOutlined />,
    page: lazy(() => import('../modules/products/products-page').then((m) => ({ default: m.ProductsPage }))),
  },
  {
    key: 'publications',
    path: '/publications',
    labelKey: 'nav.publications',
    descriptionKey: 'home.card.publications',
    icon: <NotificationOutlined />,
    page: lazy(() =>
      import('../modules/publications/publications-page').then((m) => ({ default: m.PublicationsPage })),
    ),
  },
  {
    key: 'appraisals',
    path: '/appraisals',
    labelKey: 'nav.appraisals',
    descriptionKey: 'home.card.appraisals',
    icon: <AuditOutlined />,
    roles: ['admin', 'comms_center', 'unit_officer', 'press_office', 'province_officer', 'district_officer'],
    page: lazy(() =>
      import('../modules/appraisals/appraisal-queue-page').then((m) => ({ default: m.AppraisalQueuePage })),
    ),
  },
  {
    key: 'stories',
    path: '/stories',
    labelKey: 'nav.stories',
    descriptionKey: 'home.card.stories',
    icon: <StarOutlined />,
    page: lazy(() => import('../modules/stories/stories-page').then((m) => ({ default: m.StoriesPage }))),
  },
  {
    key: 'sharing',
    path: '/sharing',
    labelKey: 'nav.sharing',
    descriptionKey: 'home.card.sharing',
    icon: <ShareAltOutlined />,
    page: lazy(() => import('../modules/sharing/sharing-page').then((m) => ({ default: m.SharingPage }))),
  },
  {
    key: 'agents',
    path: '/agents',
    labelKey: 'nav.agents',
    descriptionKey: 'home.card.agents',
    icon: <ShopOutlined />,
    page: lazy(() => import('../modules/agents/agents-page').then((m) => ({ default: m.AgentsPage }))),
  },
  {
    key: 'official-channels',
    path: '/official-channels',
    labelKey: 'nav.officialChannels',
    descriptionKey: 'home.card.officialChannels',
    icon: <SafetyOutlined />,
    page: lazy(() =>
      import('../modules/official-channels/official-channels-page').then((m) => ({ default: m.OfficialChannelsPage })),
    ),
  },
  {
    key: 'press-outlets',
    path: '/press/outlets',
    labelKey: 'nav.pressOutlets',
    descriptionKey: 'home.card.pressOutlets',
    icon: <ReadOutlined />,
    page: lazy(() =>
      import('../modules/press-outlets/press-outlets-page').then((m) => ({ default: m.PressOutletsPage })),
    ),
  },
  {
    key: 'press-contracts',
    path: '/press/contracts',
    labelKey: 'nav.pressContracts',
    descriptionKey: 'home.card.pressContracts',
    icon: <FileDoneOutlined />,
    page: lazy(() =>
      import('../modules/press-contracts/press-contracts-page').then((m) => ({ default: m.PressContractsPage })),
    ),
  },
  {
    key: 'training',
    path: '/training',
    labelKey: 'nav.training',
    descriptionKey: 'home.card.training',
    icon: <SolutionOutlined />,
    page: lazy(() => import('../modules/training/training-page').then((m) => ({ default: m.TrainingPage }))),
  },
  {
    key: 'campaigns',
    path: '/campaigns',
    labelKey: 'nav.campaigns',
    descriptionKey: 'home.card.campaigns',
    icon: <RocketOutlined />,
    page: lazy(() => import('../modules/campaigns/campaigns-page').then((m) => ({ default: m.CampaignsPage }))),
  },
  {
    key: 'events',
    path: '/events',
    labelKey: 'nav.events',
    descriptionKey: 'home.card.events',
    icon: <FlagOutlined />,
    page: lazy(() => import('../modules/events/events-page').then((m) => ({ default: m.EventsPage }))),
  },
  {
    key: 'restrictions',
    path: '/restrictions',
    labelKey: 'nav.restrictions',
    descriptionKey: 'home.card.restrictions',
    icon: <SafetyCertificateOutlined />,
    page: lazy(() =>
      import('../modules/restrictions/restrictions-page').then((m) => ({ default: m.RestrictionsPage })),
    ),
  },
  {
    key: 'feedback',
    path: '/feedback',
    labelKey: 'nav.feedback',
    descriptionKey: 'home.card.feedback',
    icon: <MessageOutlined />,
    page: lazy(() => import('../modules/feedback/feedback-page').then((m) => ({ default: m.FeedbackPage }))),
  },
  {
    key: 'faq',
    path: '/faq',
    labelKey: 'nav.faq',
    descriptionKey: 'home.card.faq',
    icon: <QuestionCircleOutlined />,
    page: lazy(() => import('../modules/feedback/faq-page').then((m) => ({ default: m.FaqPage }))),
  },
  {
    key: 'press-requests',
    path: '/press/requests',
    labelKey: 'nav.pressRequests',
    descriptionKey: 'home.card.pressRequests',
    icon: <AudioOutlined />,
    page: lazy(() =>
      import('../modules/press-requests/press-requests-page').then((m) => ({ default: m.PressRequestsPage })),
    ),
  },
  {
    key: 'press-conferences',
    path: '/press/conferences',
    labelKey: 'nav.pressConferences',
    descriptionKey: 'home.card.pressConferences',
    icon: <SoundOutlined />,
    page: lazy(() =>
      import('../modules/press-requests/press-conferences-page').then((m) => ({ default: m.PressConferencesPage })),
    ),
  },
  {
    key: 'budget',
    path: '/budget',
    labelKey: 'nav.budget',
    descriptionKey: 'home.card.budget',
    icon: <WalletOutlined />,
    page: lazy(() => import('../modules/budget/budget-page').then((m) => ({ default: m.BudgetPage }))),
  },
  {
    key: 'monitoring',
    path: '/monitoring',
    labelKey: 'nav.monitoring',
    descriptionKey: 'home.card.monitoring',
    icon: <RadarChartOutlined />,
    page: lazy(() => import('../modules/monitoring/search-page').then((m) => ({ default: m.SearchPage }))),
  },
  {
    key: 'monitoring-sources',
    path: '/monitoring/sources',
    labelKey: 'nav.monitoringSources',
    descriptionKey: 'home.card.monitoringSources',
    icon: <DatabaseOutlined />,
    roles: ['admin', 'comms_center', 'press_office', 'province_officer'],
    page: lazy(() => import('../modules/monitoring/sources-page').then((m) => ({ default: m.SourcesPage }))),
  },
  {
    key: 'monitoring-queries',
    path: '/monitoring/queries',
    labelKey: 'nav.monitoringQueries',
    descriptionKey: 'home.card.monitoringQueries',
    icon: <FilterOutlined />,
    roles: ['admin', 'comms_center', 'unit_officer', 'press_office', 'province_officer', 'district_officer'],
    page: lazy(() => import('../modules/monitoring/queries-page').then((m) => ({ default: m.QueriesPage }))),
  },
  {
    key: 'monitoring-classifier',
    path: '/monitoring/classifier',
    labelKey: 'nav.monitoringClassifier',
    descriptionKey: 'home.card.monitoringClassifier',
    icon: <ExperimentOutlined />,
    roles: ['admin', 'comms_center'],
    page: lazy(() => import('../modules/monitoring/classifier-page').then((m) => ({ default: m.ClassifierPage }))),
  },
  {
    key: 'monitoring-alerts',
    path: '/monitoring/alerts',
    labelKey: 'nav.monitoringAlerts',
    descriptionKey: 'home.card.monitoringAlerts',
    icon: <AlertOutlined />,
    page: lazy(() => import('../modules/monitoring-alerts/alerts-page').then((m) => ({ default: m.AlertsPage }))),
  },
  {
    key: 'monitoring-alert-rules',
    path: '/monitoring/alert-rules',
    labelKey: 'nav.monitoringAlertRules',
    descriptionKey: 'home.card.monitoringAlertRules',
    icon: <ControlOutlined />,
    roles: ['admin', 'comms_center', 'unit_officer', 'province_officer', 'press_office'],
    page: lazy(() =>
      import('../modules/monitoring-alerts/alert-rules-page').then((m) => ({ default: m.AlertRulesPage })),
    ),
  },
  {
    key: 'reviews',
    path: '/reviews',
    labelKey: 'nav.reviews',
    descriptionKey: 'home.card.reviews',
    icon: <ProfileOutlined />,
    page: lazy(() =>
      import('../modules/press-reviews/review-archive-page').then((m) => ({ default: m.ReviewsArchivePage })),
    ),
  },
  {
    key: 'bulletins',
    path: '/bulletins',
    labelKey: 'nav.bulletins',
    descriptionKey: 'home.card.bulletins',
    icon: <FieldTimeOutlined />,
    page: lazy(() =>
      import('../modules/press-reviews/review-archive-page').then((m) => ({ default: m.BulletinsArchivePage })),
    ),
  },
  {
    key: 'review-subscriptions',
    path: '/reviews/subscriptions',
    labelKey: 'nav.reviewSubscriptions',
    descriptionKey: 'home.card.reviewSubscriptions',
    icon: <MailOutlined />,
    roles: ['admin', 'comms_center', 'province_officer', 'press_office', 'leader'],
    page: lazy(() =>
      import('../modules/press-reviews/subscriptions-page').then((m) => ({ default: m.SubscriptionsPage })),
    ),
  },
  {
    key: 'incidents',
    path: '/incidents',
    labelKey: 'nav.incidents',
    descriptionKey: 'home.card.incidents',
    icon: <FireOutlined />,
    roles: [...WORKING_ROLES, 'leader'],
    page: lazy(() => import('../modules/incidents/incidents-page').then((m) => ({ default: m.IncidentsPage }))),
  },
  {
    key: 'notifications',
    path: '/notifications',
    labelKey: 'nav.notifications',
    descriptionKey: 'home.card.notifications',
    icon: <BellOutlined />,
    page: lazy(() =>
      import('../modules/notifications/notifications-page').then((m) => ({ default: m.NotificationsPage })),
    ),
  },
];

/** The entry whose screen contains `pathname` (the longest matching path wins). */
export function activeNavEntry(pathname: string): NavEntry | undefined {
  return [...NAV_ENTRIES]
    .sort((a, b) => b.path.length - a.path.length)
    .find((entry) =>
      entry.path === '/' ? pathname === '/' : pathname === entry.path || pathname.startsWith(`${entry.path}/`),
    );
}
