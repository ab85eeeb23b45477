import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  CONTRACT_STATUS_LABELS,
  DELIVERABLE_KIND_LABELS,
  dongInWords,
  formatDong,
  progressPercent,
  remainingToPay,
  type TContractPayment,
  type TContractPublication,
  type TDeliverable,
  type TPressContract,
} from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Flex, Popconfirm, Progress, Result, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { PageHeader } from '../../shared/ui/page-header';
import { AcceptancesCard, AttachmentsCard } from './contract-sections';
import {
  AcceptanceModal,
  DeliverableModal,
  LinkPublicationModal,
  PaymentModal,
  TerminateModal,
} from './contract-modals';
import { ContractFormDrawer } from './contract-form-drawer';
import { STATUS_COLORS } from './press-contracts-page';
import {
  completeContract,
  contractKeys,
  getContract,
  removeDeliverable,
  signContract,
  unlinkPublication,
} from './press-contracts.api';

type Dialog = 'edit' | 'deliverable' | 'link' | 'acceptance' | 'payment' | 'terminate' | null;

/** One contract: value in figures and words, deliverables with progress, publications, acceptances, payments. */
export function PressContractPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const query = useQuery({ queryKey: contractKeys.one(id), queryFn: () => getContract(id) });
  const action = useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contractKeys.all }),
    onError: (error) => message.error(errorText(error, t)),
  });

  if (query.isPending) return <Card loading />;
  if (query.isError)
    return (
      <Result
        status="warning"
        title={t('pressContracts.notFound')}
        subTitle={errorText(query.error, t)}
        extra={<Link to="/press/contracts">{t('pressContracts.back')}</Link>}
      />
    );
  const c: TPressContract = query.data;
  const editable = c.canEdit;
  const run = (work: () => Promise<unknown>, done: string) =>
    action.mutate(work, { onSuccess: () => void message.success(done) });
  const confirm = (content: string, work: () => Promise<unknown>, done: string) =>
    modal.confirm({ content, okText: t('common.save'), cancelText: t('common.cancel'), onOk: () => run(work, done) });

  const actions: ReactNode[] = [];
  if (editable && c.status === 'draft')
    actions.push(
      <Button key="edit" onClick={() => setDialog('edit')}>
        {t('pressContracts.edit')}
      </Button>,
      <Button
        key="sign"
        type="primary"
        onClick={() =>
          confirm(
            t('pressContracts.sign.confirm', { number: c.number, value: formatDong(c.value), unit: c.unit.name }),
            () => signContract(c.id, dayjs().format('YYYY-MM-DD'), c.version),
            t('pressContracts.signed'),
          )
        }
      >
        {t('pressContracts.sign')}
      </Button>,
    );
  if (editable && c.status === 'signed')
    actions.push(
      <Button key="acceptance" onClick={() => setDialog('acceptance')} disabled={c.deliverables.length === 0}>
        {t('pressContracts.acceptance.add')}
      </Button>,
      <Button
        key="complete"
        onClick={() =>
          confirm(
            t('pressContracts.complete.confirm', { number: c.number, committed: formatDong(c.committed) }),
            () => completeContract(c.id, c.version),
            t('pressContracts.completed'),
          )
        }
      >
        {t('pressContracts.complete')}
      </Button>,
      <Button key="terminate" danger onClick={() => setDialog('terminate')}>
        {t('pressContracts.terminate')}
      </Button>,
    );
  if (editable && (c.status === 'signed' || c.status === 'completed'))
    actions.push(
      <Button key="pay" type="primary" onClick={() => setDialog('payment')}>
        {t('pressContracts.payment.add')}
      </Button>,
    );

  const deliverableColumns = [
    {
      title: t('pressContracts.deliverable.kind'),
      key: 'kind',
      render: (_: unknown, d: TDeliverable) => (
        <>
          {DELIVERABLE_KIND_LABELS[d.kind][locale]}
          {d.theme && <Tag style={{ marginInlineStart: 8 }}>{d.theme}</Tag>}
          {d.description && (
            <Typography.Text type="secondary" style={{ display: 'block' }}>
              {d.description}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: t('pressContracts.deliverable.planned'), dataIndex: 'planned', align: 'right' as const },
    ...(['delivered', 'accepted'] as const).map((key) => ({
      title: t(`pressContracts.deliverable.${key}`),
      key,
      render: (_: unknown, d: TDeliverable) => (
        <Flex vertical>
          <span>
            {d[key]} / {d.planned}
          </span>
          <Progress
            percent={progressPercent(d[key], d.planned)}
            size="small"
            status={d[key] > d.planned ? 'exception' : undefined}
          />
        </Flex>
      ),
    })),
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, d: TDeliverable) =>
        editable &&
        (c.status === 'draft' || c.status === 'signed') &&
        d.delivered === 0 &&
        d.accepted === 0 && (
          <Popconfirm
            title={t('pressContracts.deliverable.removeConfirm')}
            onConfirm={() => run(() => removeDeliverable(c.id, d.id), t('common.saved'))}
          >
            <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('pressContracts.deliverable.remove')} />
          </Popconfirm>
        ),
    },
  ];

  const kindOf = new Map(c.deliverables.map((d) => [d.id, DELIVERABLE_KIND_LABELS[d.kind][locale]]));
  const publicationColumns = [
    {
      title: t('pressContracts.link.publishedAt'),
      key: 'at',
      render: (_: unknown, p: TContractPublication) => formatDate(p.publication.publishedAt),
    },
    {
      title: t('pressContracts.link.publication'),
      key: 'title',
      render: (_: unknown, p: TContractPublication) => (
        <>
          <Link to={`/products/${p.publication.productId}`}>{p.publication.productTitle}</Link>
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            {p.publication.url ? (
              <a href={p.publication.url} target="_blank" rel="noreferrer">
                {p.publication.outlet}
              </a>
            ) : (
              p.publication.outlet
            )}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('pressContracts.link.deliverable'),
      key: 'deliverable',
      render: (_: unknown, p: TContractPublication) => kindOf.get(p.deliverableId),
    },
    { title: t('pressContracts.link.quantity'), dataIndex: 'quantity', align: 'right' as const },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, p: TContractPublication) =>
        p.accepted ? (
          <Tag color="green">{t('pressContracts.link.accepted')}</Tag>
        ) : (
          editable &&
          c.status === 'signed' && (
            <Popconfirm
              title={t('pressContracts.link.removeConfirm')}
              onConfirm={() => run(() => unlinkPublication(c.id, p.id), t('common.saved'))}
            >
              <Button size="small">{t('pressContracts.link.remove')}</Button>
            </Popconfirm>
          )
        ),
    },
  ];

  const paymentColumns = [
    { title: t('pressContracts.payment.paidOn'), dataIndex: 'paidOn', render: (d: string) => formatDate(d) },
    { title: t('pressContracts.payment.voucherNo'), dataIndex: 'voucherNo' },
    {
      title: t('pressContracts.payment.description'),
      key: 'description',
      render: (_: unknown, p: TContractPayment) => (
        <>
          {p.description}
          {p.overValueReason && (
            <Typography.Text type="warning" style={{ display: 'block' }}>
              {t('pressContracts.payment.reason')}: {p.overValueReason}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: t('pressContracts.payment.expenditure'),
      key: 'expenditure',
      render: (_: unknown, p: TContractPayment) => (
        <Link to={`/budget/expenditures/${p.expenditureId}`}>{p.voucherNo}</Link>
      ),
    },
    {
      title: t('pressContracts.payment.amount'),
      dataIndex: 'amount',
      align: 'right' as const,
      render: (a: number) => formatDong(a),
    },
  ];

  return (
    <>
      <PageHeader
        title={`${t('pressContracts.title')} ${c.number}`}
        subtitle={
          <Flex gap={8} align="center" wrap>
            <Link to="/press/contracts">
              <ArrowLeftOutlined /> {t('pressContracts.back')}
            </Link>
            <Tag color={STATUS_COLORS[c.status]}>{CONTRACT_STATUS_LABELS[c.status][locale]}</Tag>
          </Flex>
        }
        actions={<>{actions}</>}
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('pressContracts.field.title')} span={2}>
            {c.title}
          </Descriptions.Item>
          <Descriptions.Item label={t('pressContracts.field.outlet')}>{c.outlet.name}</Descriptions.Item>
          <Descriptions.Item label={t('pressContracts.field.unit')}>{c.unit.name}</Descriptions.Item>
          <Descriptions.Item label={t('pressContracts.field.value')} span={2}>
            <Typography.Text strong>{formatDong(c.value)}</Typography.Text>
            <Typography.Text type="secondary" style={{ display: 'block' }}>
              {t('pressContracts.valueInWords', { words: dongInWords(c.value) })}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('pressContracts.field.paid')}>{formatDong(c.paid)}</Descriptions.Item>
          <Descriptions.Item label={t('pressContracts.field.remaining')}>
            {formatDong(remainingToPay(c.value, c.paid))}
          </Descriptions.Item>
          <Descriptions.Item label={t('pressContracts.field.committed')}>{formatDong(c.committed)}</Descriptions.Item>
          <Descriptions.Item label={t('pressContracts.field.year')}>{c.year}</Descriptions.Item>
          <Descriptions.Item
            label={t('pressContracts.field.period')}
          >{`${formatDate(c.periodFrom)} – ${formatDate(c.periodTo)}`}</Descriptions.Item>
          <Descriptions.Item label={t('pressContracts.field.signedOn')}>{formatDate(c.signedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('pressContracts.field.themes')}>
            {c.themes.map((theme) => (
              <Tag key={theme}>{theme}</Tag>
            ))}
          </Descriptions.Item>
          {c.note && <Descriptions.Item label={t('pressContracts.field.note')}>{c.note}</Descriptions.Item>}
          {c.terminationReason && (
            <Descriptions.Item label={t('pressContracts.field.terminationReason')} span={2}>
              {c.terminationReason}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card
        title={t('pressContracts.section.deliverables')}
        style={{ marginBottom: 16 }}
        extra={
          editable &&
          (c.status === 'draft' || c.status === 'signed') && (
            <Button icon={<PlusOutlined />} onClick={() => setDialog('deliverable')}>
              {t('pressContracts.deliverable.add')}
            </Button>
          )
        }
      >
        <Table<TDeliverable>
          rowKey="id"
          size="small"
          pagination={false}
          columns={deliverableColumns}
          dataSource={c.deliverables}
          locale={{ emptyText: t('pressContracts.deliverable.empty') }}
        />
      </Card>
      <Card
        title={t('pressContracts.section.publications')}
        style={{ marginBottom: 16 }}
        extra={
          editable &&
          c.status === 'signed' &&
          c.deliverables.length > 0 && (
            <Button icon={<PlusOutlined />} onClick={() => setDialog('link')}>
              {t('pressContracts.link.add')}
            </Button>
          )
        }
      >
        <Table<TContractPublication>
          rowKey="id"
          size="small"
          pagination={false}
          columns={publicationColumns}
          dataSource={c.publications}
          locale={{ emptyText: t('pressContracts.link.empty') }}
          scroll={{ x: 700 }}
        />
      </Card>
      <AcceptancesCard contract={c} kindOf={kindOf} />
      <Card title={t('pressContracts.section.payments')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph>
          {t('pressContracts.payment.summary', {
            value: formatDong(c.value),
            paid: formatDong(c.paid),
            remaining: formatDong(remainingToPay(c.value, c.paid)),
          })}
        </Typography.Paragraph>
        <Table<TContractPayment>
          rowKey="id"
          size="small"
          pagination={false}
          columns={paymentColumns}
          dataSource={c.payments}
          locale={{ emptyText: t('pressContracts.payment.empty') }}
          scroll={{ x: 700 }}
        />
      </Card>
      <AttachmentsCard contract={c} run={run} />
      {dialog === 'edit' && <ContractFormDrawer contract={c} onClose={() => setDialog(null)} />}
      {dialog === 'deliverable' && <DeliverableModal contract={c} onClose={() => setDialog(null)} />}
      {dialog === 'link' && <LinkPublicationModal contract={c} onClose={() => setDialog(null)} />}
      {dialog === 'acceptance' && <AcceptanceModal contract={c} onClose={() => setDialog(null)} />}
      {dialog === 'payment' && <PaymentModal contract={c} onClose={() => setDialog(null)} />}
      {dialog === 'terminate' && <TerminateModal contract={c} onClose={() => setDialog(null)} />}
    </>
  );
}
