import { matchesVi, type TGuidanceItem } from '@loa/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Empty, Spin, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { isKnownGroup, sectionsByGroup } from './guidance-groups';
import { guidanceKeys, listItems, type GuidanceSegment } from './guidance.api';

interface Props {
  year: number;
  segment: GuidanceSegment;
  search: string;
  canEdit: boolean;
  onEdit: (item: TGuidanceItem) => void;
}

/** One catalog tab: items in guidance order, grouped (e.g. regular/peak themes), searchable without accents. */
export function GuidanceItemsTable({ year, segment, search, canEdit, onEdit }: Props) {
  const { t, locale } = useI18n();
  const items = useQuery({ queryKey: guidanceKeys.items(year, segment), queryFn: () => listItems(year, segment) });
  const primary = (item: TGuidanceItem) =>
    locale === 'vi' ? { name: item.nameVi, text: item.textVi } : { name: item.nameEn, text: item.textEn };
  const secondary = (item: TGuidanceItem) =>
    locale === 'vi' ? { name: item.nameEn, text: item.textEn } : { name: item.nameVi, text: item.textVi };

  const sections = useMemo(() => {
    const query = search.trim();
    const visible = (items.data ?? []).filter(
      (item) => !query || matchesVi(`${item.code} ${item.nameVi} ${item.nameEn} ${item.textVi} ${item.textEn}`, query),
    );
    return sectionsByGroup(visible);
  }, [items.data, search]);

  if (items.isPending) return <Spin description={t('common.loading')} />;
  if (items.isError) return <Alert type="error" showIcon title={errorText(items.error, t)} />;
  if (!sections.length) return <Empty description={search.trim() ? t('common.noMatch') : t('guidance.emptyTab')} />;

  const columns: TableColumnsType<TGuidanceItem> = [
    { title: t('guidance.column.code'), dataIndex: 'code', width: 130, render: (code: string) => <code>{code}</code> },
    {
      title: t('guidance.column.name'),
      key: 'name',
      render: (_, item) => (
        <>
          <Tooltip title={secondary(item).name}>
            <span style={{ paddingInlineStart: item.parentCode ? 16 : 0 }}>{primary(item).name}</span>
          </Tooltip>
          <Typography.Text
            type="secondary"
            style={{ display: 'block', fontSize: 12, paddingInlineStart: item.parentCode ? 16 : 0 }}
          >
            {secondary(item).name}
          </Typography.Text>
        </>
      ),
    },
    ...(canEdit
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_: unknown, item: TGuidanceItem) => (
              <Button size="small" onClick={() => onEdit(item)}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const showHeadings = sections.length > 1 || sections[0]?.group !== null;

  return (
    <>
      {sections.map((section) => {
        const heading =
          section.group === null
            ? t('guidance.group.general')
            : isKnownGroup(section.group)
              ? t(`guidance.group.${section.group}`)
              : section.group;
        return (
          <section key={section.group ?? ''} style={{ marginBottom: 16 }}>
            {showHeadings && (
              <Typography.Title level={3} style={{ fontSize: 15, marginTop: 8 }}>
                {heading}
              </Typography.Title>
            )}
            <Table<TGuidanceItem>
              size="small"
              rowKey="id"
              aria-label={showHeadings ? heading : t(`guidance.tab.${segment}`)}
              columns={columns}
              dataSource={section.items}
              pagination={section.items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
              expandable={{
                rowExpandable: (item) => Boolean(item.textVi || item.textEn),
                expandedRowRender: (item) => (
                  <div style={{ maxWidth: 960 }}>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{primary(item).text}</Typography.Paragraph>
                    {secondary(item).text && (
                      <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', fontSize: 13 }}>
                        <strong>{t('guidance.otherLanguage')}: </strong>
                        {secondary(item).text}
                      </Typography.Paragraph>
                    )}
                  </div>
                ),
              }}
            />
          </section>
        );
      })}
    </>
  );
}
