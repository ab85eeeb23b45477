import type { ReactNode } from 'react';
import { Tabs } from 'antd';
import { useI18n, type MessageKey } from '../../app/i18n/i18n';
import { PageHeader } from '../../shared/ui/page-header';
import { useUrlListState } from '../../shared/use-url-list-state';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { AllocationsTab } from './allocations-tab';
import { EstimateTab } from './estimate-tab';
import { ExceptionsTab } from './exceptions-tab';
import { ExpendituresTab } from './expenditures-tab';
import { FiscalYearsTab } from './fiscal-years-tab';
import { NormsTab } from './norms-tab';
import { SummaryTab } from './summary-tab';

const TABS = ['summary', 'allocations', 'expenditures', 'exceptions', 'estimate', 'norms', 'years'] as const;
type Tab = (typeof TABS)[number];
const LABELS: Record<Tab, MessageKey> = {
  summary: 'budget.tab.summary',
  allocations: 'budget.tab.allocations',
  expenditures: 'budget.tab.expenditures',
  exceptions: 'budget.tab.exceptions',
  estimate: 'budget.tab.estimate',
  norms: 'budget.tab.norms',
  years: 'budget.tab.years',
};

/** Kinh phí: the communication budget of the user's units — summary, allocations, spending, norms (issue 6 §1–§3). */
export function BudgetPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const { params, update } = useUrlListState();
  const isAdmin = hasAnyRole(user, ['admin']);
  const visible = TABS.filter((tab) => tab !== 'years' || isAdmin);
  const tab: Tab = visible.find((item) => item === params.get('tab')) ?? 'summary';

  const content: Record<Tab, () => ReactNode> = {
    summary: () => <SummaryTab />,
    allocations: () => <AllocationsTab />,
    expenditures: () => <ExpendituresTab />,
    exceptions: () => <ExceptionsTab />,
    estimate: () => <EstimateTab />,
    norms: () => <NormsTab />,
    years: () => <FiscalYearsTab />,
  };

  return (
    <>
      <PageHeader title={t('budget.title')} subtitle={t('budget.subtitle')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          // A new tab starts from its own defaults; only the year is carried over.
          const reset = Object.fromEntries([...params.keys()].map((k) => [k, undefined]));
          update({ ...reset, tab: key === 'summary' ? undefined : key, year: params.get('year') ?? undefined });
        }}
        items={visible.map((key) => ({ key, label: <span data-testid={`budget-tab-${key}`}>{t(LABELS[key])}</span> }))}
      />
      {content[tab]()}
    </>
  );
}
