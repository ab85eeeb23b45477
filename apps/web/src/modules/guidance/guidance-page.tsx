import { CopyOutlined } from '@ant-design/icons';
import type { TGuidanceItem } from '@loa/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, Flex, Input, Select, Spin, Tabs } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { PageHeader } from '../../shared/ui/page-header';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { CopyYearModal } from './copy-year-modal';
import { EditItemModal } from './edit-item-modal';
import { GuidanceItemsTable } from './guidance-items-table';
import { GUIDANCE_SEGMENTS, guidanceKeys, listYears, type GuidanceSegment } from './guidance.api';

/** Hướng dẫn truyền thông: the year's guidance as data — audiences, themes, forms, channels, product types. */
export function GuidancePage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const canEdit = hasAnyRole(user, ['admin', 'comms_center']);
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<TGuidanceItem | null>(null);
  const [copying, setCopying] = useState(false);
  const years = useQuery({ queryKey: guidanceKeys.years, queryFn: listYears });

  const list = [...(years.data ?? [])].sort((a, b) => b.year - a.year);
  const requested = Number(params.get('year'));
  const current = list.find((y) => y.year === requested) ?? list[0];
  const tab = GUIDANCE_SEGMENTS.find((segment) => segment === params.get('tab')) ?? 'audiences';

  const set = (key: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set(key, value);
        return next;
      },
      { replace: true },
    );

  let body;
  if (years.isPending) body = <Spin description={t('common.loading')} />;
  else if (years.isError) body = <Alert type="error" showIcon title={errorText(years.error, t)} />;
  else if (!current) body = <Empty description={t('guidance.noYears')} />;
  else
    body = (
      <>
        <Card size="small" style={{ marginBottom: 16 }}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2, xl: 4 }}
            items={[
              { key: 'doc', label: t('guidance.field.documentNo'), children: current.documentNo },
              { key: 'title', label: t('guidance.field.title'), children: current.title },
              {
                key: 'issued',
                label: t('guidance.field.issuedOn'),
                children: formatDate(current.issuedOn) || t('common.none'),
              },
              {
                key: 'source',
                label: t('guidance.field.copiedFrom'),
                children: current.copiedFrom
                  ? t('guidance.copiedFromYear', { year: current.copiedFrom })
                  : t('guidance.original'),
              },
            ]}
          />
        </Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => set('tab', key)}
          items={GUIDANCE_SEGMENTS.map((segment: GuidanceSegment) => ({
            key: segment,
            label: t(`guidance.tab.${segment}`),
            children: (
              <GuidanceItemsTable
                year={current.year}
                segment={segment}
                search={search}
                canEdit={canEdit}
                onEdit={setEditing}
              />
            ),
          }))}
        />
      </>
    );

  return (
    <>
      <PageHeader
        title={t('guidance.title')}
        subtitle={t('guidance.subtitle')}
        actions={
          canEdit &&
          current && (
            <Button icon={<CopyOutlined />} onClick={() => setCopying(true)}>
              {t('guidance.copyYear')}
            </Button>
          )
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Select<number>
          aria-label={t('guidance.yearLabel')}
          value={current?.year}
          loading={years.isPending}
          onChange={(year) => set('year', String(year))}
          options={list.map((y) => ({ value: y.year, label: t('guidance.yearOption', { year: y.year }) }))}
          style={{ width: 180 }}
        />
        <Input.Search
          allowClear
          aria-label={t('guidance.searchLabel')}
          placeholder={t('guidance.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          style={{ width: 360 }}
        />
      </Flex>
      {body}
      {editing && <EditItemModal item={editing} onClose={() => setEditing(null)} />}
      {copying && current && (
        <CopyYearModal
          source={current}
          onClose={() => setCopying(false)}
          onCopied={(year) => {
            setCopying(false);
            set('year', String(year));
          }}
        />
      )}
    </>
  );
}
