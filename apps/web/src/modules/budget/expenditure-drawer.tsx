import {
  NORM_UNIT_LABELS,
  ZCreateExpenditureRequest,
  ZCreateNormExceptionRequest,
  formatDong,
  isOverNorm,
  normLimit,
  type TBudgetCategory,
  type TCreateExpenditureRequest,
  type TLocale,
  type TNormUnit,
  type TStoredFile,
} from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { ApiError } from '../../shared/api';
import { errorText, formErrorText } from '../../shared/errors';
import { fieldMessage, requiredRule, schemaProblem, schemaRule } from '../../shared/validation';
import { useCurrentUser } from '../auth/session';
import { FilePicker } from '../feedback/file-picker';
import { OrgUnitTreeSelect } from '../org-units/org-unit-tree-select';
import { budgetKeys, createExpenditure, listNorms, requestException } from './budget.api';
import { DongInput, categoryOptions, dongRule } from './budget-ui';
import { LinkPicker } from './link-pickers';

interface Values {
  unitId: string;
  category: TBudgetCategory;
  spentOn: Dayjs;
  voucherNo: string;
  description: string;
  amount: number;
  normId?: string | null;
  quantity?: number | null;
  eventId?: string | null;
  productId?: string | null;
  publicationId?: string | null;
}

const FIELDS = [
  'unitId',
  'category',
  'spentOn',
  'voucherNo',
  'description',
  'amount',
  'normId',
  'quantity',
  'eventId',
  'productId',
  'publicationId',
  'fileIds',
];
const shape = ZCreateExpenditureRequest.shape;
/** What the quantity counts: the norm's unit without the currency ("đồng/người/ngày" → "người/ngày"). */
const countedIn = (unit: TNormUnit, locale: TLocale) =>
  NORM_UNIT_LABELS[unit][locale].replace(/^đồng\//, '').replace(/^per /, '');

/**
 * Ghi chi: records an expenditure. With a norm, the limit (norm × quantity) shows as the officer types and an amount
 * above it is warned about; when the server refuses it as over the norm, the officer may ask a leader for an
 * exception with a justification instead (nothing is spent until it is approved).
 */
export function ExpenditureDrawer({
  onClose,
  presetEvent,
}: {
  onClose: () => void;
  /** The event the officer came from (its page's "record a cost"): chosen already. */
  presetEvent?: { id: string; title: string } | undefined;
}) {
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<TStoredFile[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [refused, setRefused] = useState<TCreateExpenditureRequest | null>(null);
  const [justification, setJustification] = useState('');
  const spentOn = Form.useWatch('spentOn', form);
  const category = Form.useWatch('category', form);
  const normId = Form.useWatch('normId', form);
  const quantity = Form.useWatch('quantity', form);
  const amount = Form.useWatch('amount', form);
  const validOn = spentOn ? spentOn.format('YYYY-MM-DD') : undefined;
  const norms = useQuery({
    queryKey: budgetKeys.norms({ validOn }, 1, 100),
    queryFn: () => listNorms({ validOn }, 1, 100),
    enabled: validOn !== undefined,
  });
  const usable = (norms.data?.items ?? []).filter((n) => n.category === null || n.category === category);
  const norm = usable.find((n) => n.id === normId) ?? null;
  const limit = normLimit(norm?.maxAmount, quantity);
  const over = typeof amount === 'number' && isOverNorm(amount, norm?.maxAmount, quantity);
  const picked = { required: true, message: fieldMessage('validation.required', locale) };

  const toRequest = (values: Values): TCreateExpenditureRequest => ({
    unitId: values.unitId,
    category: values.category,
    amount: values.amount,
    spentOn: values.spentOn.format('YYYY-MM-DD'),
    voucherNo: values.voucherNo.trim(),
    description: values.description.trim(),
    normId: values.normId ?? null,
    quantity: values.normId ? (values.quantity ?? null) : null,
    eventId: values.eventId ?? null,
    productId: values.productId ?? null,
    publicationId: values.publicationId ?? null,
    fileIds: files.map((f) => f.id),
  });

  const done = async (text: string) => {
    await queryClient.invalidateQueries({ queryKey: budgetKeys.all });
    message.success(text);
    onClose();
  };
  const save = useMutation({
    mutationFn: (request: TCreateExpenditureRequest) => createExpenditure(request),
    onSuccess: (saved) => done(t('budget.expenditure.created', { voucher: saved.voucherNo })),
    onError: (error, request) => {
      setFailure(formErrorText(form, error, FIELDS, t));
      if (error instanceof ApiError && error.code === 'budget.over_norm' && request.normId) setRefused(request);
    },
  });
  const ask = useMutation({
    mutationFn: (request: TCreateExpenditureRequest) =>
      requestException({
        ...request,
        normId: request.normId ?? '',
        quantity: request.quantity ?? 0,
        justification: justification.trim(),
      }),
    onSuccess: () => done(t('budget.exception.requested')),
    onError: (error) => setFailure(errorText(error, t)),
  });
  const justificationProblem =
    justification === '' ? null : schemaProblem(ZCreateNormExceptionRequest.shape.justification, justification, locale);

  const submit = (values: Values) => {
    setFailure(null);
    setRefused(null);
    const request = toRequest(values);
    if (!over || limit === null) return save.mutate(request);
    modal.confirm({
      title: t('budget.expenditure.overTitle'),
      content: t('budget.expenditure.overConfirm', { amount: formatDong(values.amount), limit: formatDong(limit) }),
      okText: t('budget.expenditure.submitAnyway'),
      cancelText: t('common.cancel'),
      onOk: () => save.mutate(request),
    });
  };

  return (
    <Drawer
      open
      size={720}
      title={t('budget.expenditure.createTitle')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="expenditure-save">
            {t('budget.expenditure.submit')}
          </Button>
        </Flex>
      }
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      {refused && (
        <Card size="small" title={t('budget.exception.offerTitle')} style={{ marginBottom: 16 }}>
          <p>{t('budget.exception.offerText')}</p>
          <Input.TextArea
            rows={3}
            aria-label={t('budget.field.justification')}
            placeholder={t('budget.field.justification')}
            value={justification}
            onChange={(event) => setJustification(event.target.value)}
            status={justificationProblem ? 'error' : undefined}
            data-testid="exception-justification"
          />
          {justificationProblem && <Typography.Text type="danger">{justificationProblem}</Typography.Text>}
          <Button
            type="primary"
            style={{ marginTop: 8 }}
            disabled={justificationProblem !== null || justification.trim() === ''}
            loading={ask.isPending}
            onClick={() => ask.mutate(refused)}
            data-testid="exception-request"
          >
            {t('budget.exception.request')}
          </Button>
        </Card>
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ unitId: user.orgUnit.id, spentOn: dayjs(), eventId: presetEvent?.id ?? null }}
        onValuesChange={(changed: Partial<Values>) => {
          if (refused) setRefused(null);
          if ('category' in changed || 'spentOn' in changed) form.setFieldValue('normId', null);
        }}
        onFinish={submit}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="unitId" label={t('budget.field.unit')} rules={[picked]}>
              <OrgUnitTreeSelect data-testid="expenditure-unit" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="category" label={t('budget.field.category')} rules={[picked]}>
              <Select options={categoryOptions(locale)} data-testid="expenditure-category" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="spentOn" label={t('budget.field.spentOn')} rules={[picked]}>
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="voucherNo"
              label={t('budget.field.voucherNo')}
              validateTrigger={['onChange', 'onBlur']}
              rules={[requiredRule(locale), schemaRule(shape.voucherNo, locale)]}
            >
              <Input data-testid="expenditure-voucher" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="description"
          label={t('budget.field.description')}
          rules={[requiredRule(locale), schemaRule(shape.description, locale)]}
        >
          <Input.TextArea rows={2} data-testid="expenditure-description" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item name="normId" label={t('budget.field.norm')} extra={t('budget.expenditure.normHint')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                loading={norms.isFetching}
                disabled={!category}
                options={usable.map((n) => ({
                  value: n.id,
                  label: `${n.code} — ${n.name} (${formatDong(n.maxAmount)} ${NORM_UNIT_LABELS[n.unit][locale]})`,
                }))}
                data-testid="expenditure-norm"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              name="quantity"
              label={
                norm ? t('budget.field.quantityOf', { unit: countedIn(norm.unit, locale) }) : t('budget.field.quantity')
              }
              validateTrigger={['onChange', 'onBlur']}
              rules={[...(norm ? [picked] : []), schemaRule(shape.quantity, locale)]}
            >
              <InputNumber
                min={1}
                precision={0}
                disabled={!norm}
                style={{ width: '100%' }}
                data-testid="expenditure-quantity"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="amount"
          label={t('budget.field.amount')}
          validateTrigger={['onChange', 'onBlur']}
          rules={[dongRule(locale)]}
        >
          <DongInput data-testid="expenditure-amount" />
        </Form.Item>
        {norm && limit !== null && (
          <Alert
            type={over ? 'warning' : 'info'}
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="expenditure-norm-limit"
            title={
              over
                ? t('budget.expenditure.overNorm', { limit: formatDong(limit), legal: norm.legalBasis })
                : t('budget.expenditure.withinNorm', { limit: formatDong(limit), legal: norm.legalBasis })
            }
          />
        )}
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="eventId" label={t('budget.field.event')}>
              <LinkPicker
                kind="event"
                aria-label={t('budget.field.event')}
                preset={presetEvent && { value: presetEvent.id, label: presetEvent.title }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="productId" label={t('budget.field.product')}>
              <LinkPicker kind="product" aria-label={t('budget.field.product')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="publicationId" label={t('budget.field.publication')}>
              <LinkPicker kind="publication" aria-label={t('budget.field.publication')} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary">
          {t('budget.expenditure.contractHint')} <Link to="/press/contracts">{t('budget.field.contract')}</Link>
        </Typography.Paragraph>
        <Form.Item label={t('budget.field.attachments')} extra={t('budget.expenditure.attachmentsHint')}>
          <FilePicker files={files} onChange={setFiles} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
