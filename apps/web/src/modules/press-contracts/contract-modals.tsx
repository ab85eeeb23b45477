import {
  DELIVERABLE_KINDS,
  DELIVERABLE_KIND_LABELS,
  formatDong,
  paysBeyondValue,
  remainingToPay,
  type TDeliverableKind,
  type TPressContract,
  type TStoredFile,
} from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select, Typography, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { useDebouncedValue } from '../../shared/use-debounced-value';
import { cleanText, requiredRule } from '../../shared/validation';
import { FilePicker } from '../feedback/file-picker';
import { useThemeOptions } from './contract-form-drawer';
import {
  addDeliverable,
  contractKeys,
  linkPublication,
  recordAcceptance,
  recordPayment,
  searchPublications,
  terminateContract,
} from './press-contracts.api';

interface ModalProps {
  contract: TPressContract;
  onClose: () => void;
}

/** A mutation that refreshes the contract and closes the modal; field errors go under their fields. */
function useContractMutation<V>(
  props: ModalProps,
  form: FormInstance<V>,
  fields: string[],
  run: (values: V) => Promise<unknown>,
  done: string,
) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: run,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: contractKeys.all });
      message.success(done);
      props.onClose();
    },
    onError: (failure) => setError(formErrorText(form, failure, fields, t)),
  });
  return { mutation, error, setError };
}

export function DeliverableModal(props: ModalProps) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<{ kind: TDeliverableKind; theme?: string; description?: string; planned: number }>();
  const themes = useThemeOptions(props.contract.year);
  const { mutation, error } = useContractMutation(
    props,
    form,
    ['kind', 'theme', 'description', 'planned'],
    (v: { kind: TDeliverableKind; theme?: string; description?: string; planned: number }) =>
      addDeliverable(props.contract.id, { ...v, theme: v.theme ?? null, description: cleanText(v.description) }),
    t('common.saved'),
  );
  return (
    <Modal
      open
      title={t('pressContracts.deliverable.add')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'article', planned: 1 }}
        onFinish={(v) => mutation.mutate(v)}
      >
        <Form.Item name="kind" label={t('pressContracts.deliverable.kind')} rules={[requiredRule(locale)]}>
          <Select options={DELIVERABLE_KINDS.map((k) => ({ value: k, label: DELIVERABLE_KIND_LABELS[k][locale] }))} />
        </Form.Item>
        <Form.Item name="theme" label={t('pressContracts.deliverable.theme')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={themes} />
        </Form.Item>
        <Form.Item name="description" label={t('pressContracts.deliverable.description')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="planned" label={t('pressContracts.deliverable.planned')} rules={[requiredRule(locale)]}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Picks a publication of the user's scope within the contract period and counts it towards a deliverable. */
export function LinkPublicationModal(props: ModalProps) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<{ deliverableId: string; publicationId: string; quantity: number }>();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search, 300);
  const { contract } = props;
  const linked = new Set(contract.publications.map((p) => p.publication.id));
  const found = useQuery({
    queryKey: ['press-contracts', 'publications', contract.id, q],
    queryFn: () => searchPublications(q || undefined, contract.periodFrom, contract.periodTo),
  });
  const { mutation, error } = useContractMutation(
    props,
    form,
    ['deliverableId', 'publicationId', 'quantity'],
    (v: { deliverableId: string; publicationId: string; quantity: number }) => linkPublication(contract.id, v),
    t('common.saved'),
  );
  return (
    <Modal
      open
      width={640}
      title={t('pressContracts.link.title')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ quantity: 1, deliverableId: contract.deliverables[0]?.id }}
        onFinish={(v) => mutation.mutate(v)}
      >
        <Form.Item name="deliverableId" label={t('pressContracts.link.deliverable')} rules={[requiredRule(locale)]}>
          <Select
            options={contract.deliverables.map((d) => ({
              value: d.id,
              label: `${DELIVERABLE_KIND_LABELS[d.kind][locale]}${d.theme ? ` · ${d.theme}` : ''} (${d.delivered}/${d.planned})`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="publicationId"
          label={t('pressContracts.link.publication')}
          extra={t('pressContracts.link.search')}
          rules={[requiredRule(locale)]}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            loading={found.isFetching}
            options={(found.data?.items ?? [])
              .filter((p) => !linked.has(p.id))
              .map((p) => ({ value: p.id, label: `${formatDate(p.publishedAt)} · ${p.outlet} · ${p.product.title}` }))}
          />
        </Form.Item>
        <Form.Item
          name="quantity"
          label={t('pressContracts.link.quantity')}
          extra={t('pressContracts.link.quantityHint')}
          rules={[requiredRule(locale)]}
        >
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface AcceptanceValues {
  acceptedOn: Dayjs;
  quantities: Record<string, number | null | undefined>;
  note?: string;
  overDeliveryReason?: string;
}

/** Nghiệm thu: a quantity per deliverable (shown beside what was delivered and accepted), the minutes file. */
export function AcceptanceModal(props: ModalProps) {
  const { t, locale } = useI18n();
  const { contract } = props;
  const [form] = Form.useForm<AcceptanceValues>();
  const [minutes, setMinutes] = useState<TStoredFile[]>([]);
  const { mutation, error, setError } = useContractMutation(
    props,
    form,
    ['acceptedOn', 'note', 'overDeliveryReason', 'minutesFileId'],
    (v: AcceptanceValues) =>
      recordAcceptance(contract.id, {
        acceptedOn: v.acceptedOn.format('YYYY-MM-DD'),
        lines: contract.deliverables.flatMap((d) => {
          const quantity = v.quantities?.[d.id];
          return quantity ? [{ deliverableId: d.id, quantity }] : [];
        }),
        note: cleanText(v.note),
        overDeliveryReason: cleanText(v.overDeliveryReason),
        minutesFileId: minutes[0]?.id ?? null,
      }),
    t('pressContracts.acceptance.saved'),
  );
  return (
    <Modal
      open
      width={640}
      title={t('pressContracts.acceptance.title', { number: contract.number })}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ acceptedOn: dayjs(), quantities: {} }}
        onFinish={(v) => {
          if (!contract.deliverables.some((d) => v.quantities?.[d.id]))
            setError(t('pressContracts.acceptance.noLines'));
          else mutation.mutate(v);
        }}
      >
        <Form.Item name="acceptedOn" label={t('pressContracts.acceptance.acceptedOn')} rules={[requiredRule(locale)]}>
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
        {contract.deliverables.map((d) => (
          <Form.Item
            key={d.id}
            name={['quantities', d.id]}
            label={`${DELIVERABLE_KIND_LABELS[d.kind][locale]}${d.theme ? ` · ${d.theme}` : ''}`}
            extra={t('pressContracts.acceptance.available', { delivered: d.delivered, accepted: d.accepted })}
          >
            <InputNumber
              min={1}
              precision={0}
              style={{ width: '100%' }}
              placeholder={t('pressContracts.acceptance.quantity')}
            />
          </Form.Item>
        ))}
        <Form.Item name="note" label={t('pressContracts.field.note')}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="overDeliveryReason"
          label={t('pressContracts.acceptance.reason')}
          extra={t('pressContracts.acceptance.reasonHint')}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
        </Form.Item>
        <Form.Item label={t('pressContracts.acceptance.minutes')}>
          <FilePicker files={minutes} onChange={(files) => setMinutes(files.slice(-1))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface PaymentValues {
  amount: number;
  paidOn: Dayjs;
  voucherNo: string;
  description: string;
  overValueReason?: string;
}

/** Records a payment (a budget expenditure); shows paid and remaining, and asks for a reason beyond the value. */
export function PaymentModal(props: ModalProps) {
  const { t, locale } = useI18n();
  const { contract } = props;
  const [form] = Form.useForm<PaymentValues>();
  const amount = Form.useWatch('amount', form);
  const beyond = typeof amount === 'number' && paysBeyondValue(contract.value, contract.paid, amount);
  const { mutation, error } = useContractMutation(
    props,
    form,
    ['amount', 'paidOn', 'voucherNo', 'description', 'overValueReason'],
    (v: PaymentValues) =>
      recordPayment(contract.id, {
        amount: v.amount,
        paidOn: v.paidOn.format('YYYY-MM-DD'),
        voucherNo: v.voucherNo.trim(),
        description: v.description.trim(),
        overValueReason: cleanText(v.overValueReason),
      }),
    t('pressContracts.payment.saved'),
  );
  const remaining = remainingToPay(contract.value, contract.paid);
  return (
    <Modal
      open
      title={t('pressContracts.payment.title', { number: contract.number })}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
    >
      <Typography.Paragraph>
        {t('pressContracts.payment.summary', {
          value: formatDong(contract.value),
          paid: formatDong(contract.paid),
          remaining: formatDong(remaining),
        })}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ paidOn: dayjs(), amount: remaining > 0 ? remaining : undefined, description: contract.title }}
        onFinish={(v) => mutation.mutate(v)}
      >
        <Form.Item name="amount" label={t('pressContracts.payment.amount')} rules={[requiredRule(locale)]}>
          <InputNumber<number>
            min={1}
            precision={0}
            style={{ width: '100%' }}
            formatter={(v) => (v ? formatDong(Number(v)).replace(/\s?₫$/, '') : '')}
            parser={(v) => Number((v ?? '').replace(/\D/g, ''))}
          />
        </Form.Item>
        <Form.Item name="paidOn" label={t('pressContracts.payment.paidOn')} rules={[requiredRule(locale)]}>
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="voucherNo" label={t('pressContracts.payment.voucherNo')} rules={[requiredRule(locale)]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="description" label={t('pressContracts.payment.description')} rules={[requiredRule(locale)]}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
        </Form.Item>
        {beyond && (
          <Form.Item
            name="overValueReason"
            label={t('pressContracts.payment.reason')}
            extra={t('pressContracts.payment.reasonHint')}
            rules={[requiredRule(locale)]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export function TerminateModal(props: ModalProps) {
  const { t, locale } = useI18n();
  const { contract } = props;
  const [form] = Form.useForm<{ reason: string }>();
  const { mutation, error } = useContractMutation(
    props,
    form,
    ['reason'],
    (v: { reason: string }) => terminateContract(contract.id, v.reason.trim(), contract.version),
    t('pressContracts.terminated'),
  );
  return (
    <Modal
      open
      title={t('pressContracts.terminate.title', { number: contract.number })}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okButtonProps={{ danger: true }}
      confirmLoading={mutation.isPending}
      okText={t('pressContracts.terminate')}
      cancelText={t('common.cancel')}
    >
      <Typography.Paragraph>
        {t('pressContracts.terminate.intro', { committed: formatDong(contract.committed) })}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)}>
        <Form.Item name="reason" label={t('pressContracts.field.terminationReason')} rules={[requiredRule(locale)]}>
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
