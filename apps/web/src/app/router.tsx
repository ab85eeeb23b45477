import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { RequireSession } from '../modules/auth/require-session';
import { PageFallback } from '../shared/ui/page-fallback';
import { AppShell } from './layout/app-shell';
import { NotFoundPage, RequireRoles } from './layout/route-guards';
import { NAV_ENTRIES } from './nav';

const LoginPage = lazy(() => import('../modules/auth/login-page').then((m) => ({ default: m.LoginPage })));
const AccountPage = lazy(() => import('../modules/me/account-page').then((m) => ({ default: m.AccountPage })));
const ProductPage = lazy(() => import('../modules/products/product-page').then((m) => ({ default: m.ProductPage })));
// The citizens' page: outside the signed-in shell, no login.
const PublicAgentsPage = lazy(() =>
  import('../modules/agents/public-agents-page').then((m) => ({ default: m.PublicAgentsPage })),
);
const PublicCheckPage = lazy(() =>
  import('../modules/official-channels/public-check-page').then((m) => ({ default: m.PublicCheckPage })),
);
const PublicCheckInPage = lazy(() =>
  import('../modules/events/public-check-in-page').then((m) => ({ default: m.PublicCheckInPage })),
);
const EventPage = lazy(() => import('../modules/events/event-page').then((m) => ({ default: m.EventPage })));
const CampaignPage = lazy(() =>
  import('../modules/campaigns/campaign-page').then((m) => ({ default: m.CampaignPage })),
);
const CoursePage = lazy(() => import('../modules/training/course-page').then((m) => ({ default: m.CoursePage })));
const FeedbackDetailPage = lazy(() =>
  import('../modules/feedback/feedback-detail-page').then((m) => ({ default: m.FeedbackDetailPage })),
);
const PressRequestDetailPage = lazy(() =>
  import('../modules/press-requests/press-request-detail-page').then((m) => ({ default: m.PressRequestDetailPage })),
);

const PressContractPage = lazy(() =>
  import('../modules/press-contracts/press-contract-page').then((m) => ({ default: m.PressContractPage })),
);
const ExpenditurePage = lazy(() =>
  import('../modules/budget/expenditure-page').then((m) => ({ default: m.ExpenditurePage })),
);
const MonitoringArticlePage = lazy(() =>
  import('../modules/monitoring/article-page').then((m) => ({ default: m.ArticlePage })),
);
const ReviewEditionPage = lazy(() =>
  import('../modules/press-reviews/review-page').then((m) => ({ default: m.ReviewEditionPage })),
);
const BulletinEditionPage = lazy(() =>
  import('../modules/press-reviews/review-page').then((m) => ({ default: m.BulletinEditionPage })),
);
const IncidentPage = lazy(() =>
  import('../modules/incidents/incident-page').then((m) => ({ default: m.IncidentPage })),
);
const IncidentSettingsPage = lazy(() =>
  import('../modules/incidents/incident-settings-page').then((m) => ({ default: m.IncidentSettingsPage })),
);
const ReportPage = lazy(() => import('../modules/reports/report-page').then((m) => ({ default: m.ReportPage })));
const ReportTemplatesPage = lazy(() =>
  import('../modules/reports/templates-page').then((m) => ({ default: m.ReportTemplatesPage })),
);

function lazyPage(Page: LazyExoticComponent<ComponentType>) {
  return (
    <Suspense fallback={<PageFallback />}>
      <Page />
    </Suspense>
  );
}

const router = createBrowserRouter([
  { path: '/login', element: lazyPage(LoginPage) },
  { path: '/tra-cuu-dai-ly', element: lazyPage(PublicAgentsPage) },
  { path: '/kiem-tra', element: lazyPage(PublicCheckPage) },
  { path: '/check-in/:token', element: lazyPage(PublicCheckInPage) },
  {
    element: <RequireSession />,
    children: [
      {
        element: <AppShell />,
        children: [
          ...NAV_ENTRIES.map((entry) => ({
            path: entry.path,
            element: <RequireRoles roles={entry.roles}>{lazyPage(entry.page)}</RequireRoles>,
          })),
          { path: '/account', element: lazyPage(AccountPage) },
          { path: '/products/:id', element: lazyPage(ProductPage) },
          { path: '/events/:id', element: lazyPage(EventPage) },
          { path: '/campaigns/:id', element: lazyPage(CampaignPage) },
          { path: '/training/:id', element: lazyPage(CoursePage) },
          { path: '/feedback/:id', element: lazyPage(FeedbackDetailPage) },
          { path: '/press/requests/:id', element: lazyPage(PressRequestDetailPage) },
          { path: '/press/contracts/:id', element: lazyPage(PressContractPage) },
          { path: '/budget/expenditures/:id', element: lazyPage(ExpenditurePage) },
          { path: '/monitoring/articles/:id', element: lazyPage(MonitoringArticlePage) },
          { path: '/reviews/:id', element: lazyPage(ReviewEditionPage) },
          { path: '/bulletins/:id', element: lazyPage(BulletinEditionPage) },
          { path: '/incidents/:id', element: lazyPage(IncidentPage) },
          { path: '/reports/:id', element: lazyPage(ReportPage) },
          { path: '/reports/templates', element: lazyPage(ReportTemplatesPage) },
          {
            path: '/incidents/settings',
            element: <RequireRoles roles={['admin']}>{lazyPage(IncidentSettingsPage)}</RequireRoles>,
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
