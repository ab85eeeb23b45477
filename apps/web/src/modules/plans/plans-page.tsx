import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { PLAN_METRIC_LABELS, PLAN_METRICS, type TPlanMetric } from '@loa/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Flex, Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { PageHeader } from '../../shared/ui/page-header';
import { useDownload } from '../../shared/use-download';
import { useUrlListState } from '../../shared/use-url-list-state';
import { PlanDrawer } from './plan-drawer';
import { PlanFormModal, type PlanStart } from './plan-form-modal';
import { nestTree, yearOptions } from './plan-tree';
import { exportPlans, getPlanTree, planKeys } from './plans.api';
import { PlansTreeTable } from './plans-tree-table';

const thisYear = () =>
  Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));

/** Kế hoạch: the units of the user's scope as a tree, each with its plan of the year, targets, split and progress. */
export function PlansPage() {
  const { t, locale } = useI18n();
  const { params, update } = useUrlListState();
  const [starting, setStarting] = useState<PlanStart | null>(null);
  const current = thisYear();
  const requested = Number(params.get('year'));
  const year = Number.isInteger(requested) && requested >= 2000 && requested <= 2100 ? requested : current;
  const metric = PLAN_METRICS.find((m) => m === params.get('metric')) ?? 'products';
  const openId = params.get('id');

  const tree = useQuery({
    queryKey: planKeys.tree(year),
    queryFn: () => getPlanTree(year),
    placeholderData: keepPreviousData,
  });
  const rows = nestTree(tree.data?.nodes ?? []);
  const top = tree.data?.nodes[0];

  const exportList = useDownload(() => exportPlans(year));

  return (
    <>
      <PageHeader
        title={t('plans.title')}
        subtitle={t('plans.subtitle')}
        actions={
          <>
            <Button icon={<DownloadOutlined />} loading={exportList.running} onClick={() => void exportList.run()}>
              {t('common.exportExcel')}
            </Button>
            {top?.canCreate && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                data-testid="start-plan"
                onClick={() => setStarting({ unit: { id: top.unit.id, name: top.unit.name }, year })}
              >
                {t('plans.start')}
              </Button>
            )}
          </>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select<number>
          aria-label={t('plans.year')}
          value={year}
          onChange={(value) => update({ year: value, id: undefined })}
          prefix={t('plans.year')}
          options={yearOptions(current, year).map((y) => ({ value: y, label: String(y) }))}
          style={{ width: 200 }}
        />
        <Select<TPlanMetric>
          aria-label={t('plans.metric')}
          value={metric}
          onChange={(value) => update({ metric: value }, true)}
          options={PLAN_METRICS.map((m) => ({ value: m, label: PLAN_METRIC_LABELS[m][locale] }))}
          style={{ width: 340 }}
        />
      </Flex>
      <PlansTreeTable
        key={year}
        year={year}
        rows={rows}
        metric={metric}
        loading={tree.isFetching}
        emptyText={tree.isError ? errorText(tree.error, t) : t('plans.empty')}
        onOpen={(id) => update({ id }, true)}
        onStart={(row) => setStarting({ unit: { id: row.unit.id, name: row.unit.name }, year })}
      />
      {openId && <PlanDrawer key={openId} id={openId} onClose={() => update({ id: undefined }, true)} />}
      {starting && (
        <PlanFormModal
          target={{ start: starting }}
          onClose={() => setStarting(null)}
          onSaved={(plan) => {
            setStarting(null);
            update({ id: plan.id }, true);
          }}
        />
      )}
    </>
  );
}
