import { ArrowLeftOutlined, PaperClipOutlined, RollbackOutlined } from '@ant-design/icons';
import { BUDGET_CATEGORY_LABELS, NORM_UNIT_LABELS, formatDong } from '@loa/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDate, formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/ui/page-header';
import { formatFileSize } from '../files/file-upload';
import { budgetKeys, getExpenditure, reverseExpenditure } from './budget.api';
import { Dong, DongWords } from './budget-ui';
import { ReasonModal } from './reason-modal';

/** One expenditure with its voucher, norm, exception, links and attachments (a shareable address). */
export function ExpenditurePage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { id = '' } = useParams();
  const [reversing, setReversing] = useState(false);
  const query = useQuery({ queryKey: budgetKeys.expenditure(id), queryFn: () => getExpenditure(id) });
  const e = query.data;
  const back = (
    <Link to="/budget?tab=expenditures">
      <ArrowLeftOutlined /> {t('budget.tab.expenditures')}
    </Link>
  );
  if (query.isError) {
    return (
      <>
        {back}
        <Alert type="error" showIcon title={errorText(query.error, t)} style={{ marginTop: 16 }} />
      </>
    );
  }
  if (!e) return <Skeleton active />;

  return (
    <>
      {back}
      <PageHeader
        title={t('budget.expenditure.detailTitle', { voucher: e.voucherNo })}
        subtitle={e.unit.name}
        actions={
          e.canReverse && (
            <Button danger icon={<RollbackOutlined />} onClick={() => setReversing(true)}>
              {t('budget.reverse.action')}
            </Button>
          )
        }
      />
      <Flex gap={8} style={{ marginBottom: 12 }}>
        {e.reversesId && (
          <Link to={`/budget/expenditures/${e.reversesId}`}>
            <Tag>{t('budget.entry.reversalOf')}</Tag>
          </Link>
        )}
        {e.reversedById && (
          <Link to={`/budget/expenditures/${e.reversedById}`}>
            <Tag color="orange">{t('budget.entry.reversedBy')}</Tag>
          </Link>
        )}
      </Flex>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'amount', label: t('budget.field.amount'), children: <Dong value={e.amount} strong /> },
          { key: 'words', label: t('budget.field.inWords'), children: <DongWords value={e.amount} /> },
          { key: 'spentOn', label: t('budget.field.spentOn'), children: formatDate(e.spentOn) },
          { key: 'year', label: t('budget.field.year'), children: e.year },
          { key: 'category', label: t('budget.field.category'), children: BUDGET_CATEGORY_LABELS[e.category][locale] },
          { key: 'voucher', label: t('budget.field.voucherNo'), children: e.voucherNo },
          { key: 'description', label: t('budget.field.description'), span: 2, children: e.description },
          ...(e.norm
            ? [
                {
                  key: 'norm',
                  label: t('budget.field.norm'),
                  span: 2,
                  children: t('budget.expenditure.normLine', {
                    code: e.norm.code,
                    name: e.norm.name,
                    max: formatDong(e.norm.maxAmount),
                    unit: NORM_UNIT_LABELS[e.norm.unit][locale],
                    quantity: e.quantity ?? 0,
                    limit: e.normLimit === null ? '' : formatDong(e.normLimit),
                  }),
                },
              ]
            : []),
          ...(e.exception
            ? [
                {
                  key: 'exception',
                  label: t('budget.field.exception'),
                  span: 2,
                  children: t('budget.expenditure.exceptionLine', {
                    name: e.exception.approvedBy.name,
                    at: formatDateTime(e.exception.approvedAt),
                    reason: e.exception.reason,
                  }),
                },
              ]
            : []),
          ...(e.reason ? [{ key: 'reason', label: t('budget.field.reason'), span: 2, children: e.reason }] : []),
          {
            key: 'links',
            label: t('budget.field.links'),
            span: 2,
            children: (
              <Flex vertical gap={4}>
                {e.links.event && <Link to={`/events/${e.links.event.id}`}>{e.links.event.title}</Link>}
                {e.links.product && <Link to={`/products/${e.links.product.id}`}>{e.links.product.title}</Link>}
                {e.links.publication &&
                  (e.links.publication.url ? (
                    <a href={e.links.publication.url} target="_blank" rel="noreferrer noopener">
                      {e.links.publication.outlet}
                    </a>
                  ) : (
                    <span>{e.links.publication.outlet}</span>
                  ))}
                {e.links.contract && (
                  <Link to={`/press/contracts/${e.links.contract.id}`}>
                    {t('budget.field.contractNo', { no: e.links.contract.number })}
                  </Link>
                )}
                {!e.links.event && !e.links.product && !e.links.publication && !e.links.contract && t('common.none')}
              </Flex>
            ),
          },
          {
            key: 'created',
            label: t('budget.field.createdBy'),
            span: 2,
            children: `${e.createdBy.name}, ${formatDateTime(e.createdAt)}`,
          },
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: 17, marginTop: 16 }}>
        {t('budget.field.attachments')}
      </Typography.Title>
      <List
        size="small"
        bordered
        dataSource={e.attachments}
        locale={{ emptyText: t('budget.expenditure.noAttachments') }}
        renderItem={(file) => (
          <List.Item>
            <a href={`/api/files/${encodeURIComponent(file.fileId)}/content`} download={file.name}>
              <PaperClipOutlined /> {file.name}
            </a>
            <Typography.Text type="secondary">{formatFileSize(file.size, t, locale)}</Typography.Text>
          </List.Item>
        )}
      />
      {reversing && (
        <ReasonModal
          danger
          voucher
          title={t('budget.reverse.expenditureTitle', { no: e.voucherNo })}
          intro={t('budget.reverse.expenditureIntro', { amount: formatDong(e.amount) })}
          okText={t('budget.reverse.action')}
          submit={(values) => reverseExpenditure(e.id, values)}
          onDone={() => {
            message.success(t('budget.reverse.done'));
            setReversing(false);
            void queryClient.invalidateQueries({ queryKey: budgetKeys.all });
          }}
          onClose={() => setReversing(false)}
        />
      )}
    </>
  );
}
