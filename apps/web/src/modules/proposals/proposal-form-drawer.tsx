import {
  PROPOSAL_KIND_LABELS,
  PROPOSAL_KINDS,
  ZCreateProposalRequest,
  type TProposalDetail,
  type TProposalKind,
} from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, DatePicker, Drawer, Flex, Form, Input, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useI18n, type MessageKey } from '../../app/i18n/i18n';
import { ApiError } from '../../shared/api';
import { formErrorText } from '../../shared/errors';
import { useDebouncedValue } from '../../shared/use-debounced-value';
import { fieldMessage, requiredRule, schemaRule } from '../../shared/validation';
import { useCurrentUser } from '../auth/session';
import { OrgUnitTreeSelect } from '../org-units/org-unit-tree-select';
import { regulationKeys, searchRegulations } from '../regulations/regulations.api';
import type { GuidanceSegment } from '../guidance/guidance.api';
import { GuidanceCodeSelect, useGuidanceYears } from './guidance-codes';
import {
  changedFields,
  inputOf,
  periodFieldOf,
  periodProblem,
  toCreateRequest,
  type ProposalFormInput,
} from './proposal-form';
import { createProposal, getProposalRules, proposalKeys, updateProposal } from './proposals.api';

interface Values {
  kind: TProposalKind;
  title: string;
  description: string;
  guidanceYear: number;
  themeCodes: string[];
  audienceCodes: string[];
  formCodes: string[];
  channelCodes: string[];
  month?: Dayjs | null;
  periodFrom?: Dayjs | null;
  periodTo?: Dayjs | null;
  regulationId?: string | null;
  ownerUnitId?: string;
}

const FIELDS = [
  'kind',
  'title',
  'description',
  'guidanceYear',
  'themeCodes',
  'audienceCodes',
  'formCodes',
  'channelCodes',
  'month',
  'periodFrom',
  'periodTo',
  'regulationId',
  'ownerUnitId',
] as const;
const shape = ZCreateProposalRequest.shape;
const CODE_FIELDS = {
  themeCodes: { label: 'proposals.field.themes', segment: 'themes' },
  audienceCodes: { label: 'proposals.field.audiences', segment: 'audiences' },
  formCodes: { label: 'proposals.field.forms', segment: 'forms' },
  channelCodes: { label: 'proposals.field.channels', segment: 'channels' },
} as const satisfies Record<string, { label: MessageKey; segment: GuidanceSegment }>;

/** The server names periodFrom/periodTo; a monthly proposal shows their problems on its month field. */
function onFormFields(error: unknown, kind: TProposalKind): unknown {
  if (!(error instanceof ApiError)) return error;
  return new ApiError({
    status: error.status,
    code: error.code,
    title: error.title,
    detail: error.detail,
    errors: error.errors.map((e) => ({ ...e, field: periodFieldOf(e.field, kind) })),
    requestId: error.requestId,
    body: error.body,
  });
}
const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);

function toInput(values: Values): ProposalFormInput {
  return {
    kind: values.kind,
    title: values.title ?? '',
    description: values.description ?? '',
    guidanceYear: values.guidanceYear,
    themeCodes: values.themeCodes ?? [],
    audienceCodes: values.audienceCodes ?? [],
    formCodes: values.formCodes ?? [],
    channelCodes: values.channelCodes ?? [],
    month: values.month ? values.month.format('YYYY-MM') : null,
    periodFrom: day(values.periodFrom),
    periodTo: day(values.periodTo),
    regulationId: values.regulationId ?? null,
    ownerUnitId: values.ownerUnitId ?? null,
  };
}

interface Props {
  /** The proposal to edit; null to propose a new one. */
  proposal: TProposalDetail | null;
  onClose: () => void;
  onSaved: (proposal: TProposalDetail) => void;
}

/** Proposes content or edits a proposal; every field is checked as the user types, the period by today's rules. */
export function ProposalFormDrawer({ proposal, onClose, onSaved }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const [regulationSearch, setRegulationSearch] = useState('');
  const q = useDebouncedValue(regulationSearch.trim(), 300);
  const rules = useQuery({ queryKey: proposalKeys.rules, queryFn: getProposalRules, staleTime: 60 * 60_000 });
  const years = useGuidanceYears();
  const regulations = useQuery({
    queryKey: regulationKeys.search(q),
    queryFn: () => searchRegulations(q),
    enabled: q.length > 0,
  });
  const kind = Form.useWatch('kind', form) ?? proposal?.kind ?? 'monthly';
  const year = Form.useWatch('guidanceYear', form) ?? proposal?.guidanceYear;

  const mutation = useMutation({
    mutationFn: (values: Values) =>
      proposal
        ? updateProposal(proposal.id, changedFields(proposal, toInput(values)))
        : createProposal(toCreateRequest(toInput(values))),
    onSuccess: async (saved) => {
      message.success(proposal ? t('common.saved') : t('proposals.created'));
      await queryClient.invalidateQueries({ queryKey: proposalKeys.all });
      onSaved(saved);
    },
    onError: (error) => setFormError(formErrorText(form, onFormFields(error, kind), FIELDS, t)),
  });

  const start = proposal ? inputOf(proposal) : null;
  const firstOpen = rules.data?.firstOpenMonth;
  const initialValues: Partial<Values> = start
    ? {
        ...start,
        month: start.month ? dayjs(`${start.month}-01`) : null,
        periodFrom: start.periodFrom ? dayjs(start.periodFrom) : null,
        periodTo: start.periodTo ? dayjs(start.periodTo) : null,
        ownerUnitId: start.ownerUnitId ?? undefined,
      }
    : {
        kind: 'monthly',
        themeCodes: [],
        audienceCodes: [],
        formCodes: [],
        channelCodes: [],
        ownerUnitId: user.orgUnit.id,
      };
  // The newest guidance year and the first open month arrive after the drawer opens.
  const newestYear = years.data?.[0]?.year;
  useEffect(() => {
    if (!proposal && newestYear !== undefined && form.getFieldValue('guidanceYear') === undefined)
      form.setFieldValue('guidanceYear', newestYear);
  }, [form, proposal, newestYear]);
  useEffect(() => {
    if (!proposal && firstOpen && !form.getFieldValue('month')) form.setFieldValue('month', dayjs(`${firstOpen}-01`));
  }, [form, proposal, firstOpen]);

  /** The period rule of today, on the field it concerns. */
  const periodRule = (field: 'month' | 'periodFrom' | 'periodTo') => ({
    validator: async () => {
      const problem = periodProblem(toInput(form.getFieldsValue(true) as Values), rules.data);
      if (problem && periodFieldOf(problem.field, kind) === field)
        throw new Error(fieldMessage(problem.code, locale, problem.params));
    },
  });
  const required = { required: true, message: fieldMessage('validation.required', locale) };
  const codeField = (name: keyof typeof CODE_FIELDS) => (
    <Form.Item
      name={name}
      label={t(CODE_FIELDS[name].label)}
      validateFirst
      rules={[...(name === 'themeCodes' ? [required] : []), schemaRule(shape[name], locale)]}
    >
      <GuidanceCodeSelect mode="multiple" year={year} segment={CODE_FIELDS[name].segment} />
    </Form.Item>
  );

  return (
    <Drawer
      open
      size={760}
      title={proposal ? t('proposals.editTitle') : t('proposals.createTitle')}
      onClose={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => {
          setFormError(null);
          mutation.mutate(values);
        }}
      >
        <Form.Item
          name="kind"
          label={t('proposals.field.kind')}
          extra={t(`proposals.kindHint.${kind}`, { day: rules.data?.closingDay ?? '' })}
          rules={[required]}
        >
          <Radio.Group
            optionType="button"
            options={PROPOSAL_KINDS.map((value) => ({ value, label: PROPOSAL_KIND_LABELS[value][locale] }))}
            onChange={() => void form.validateFields(['month', 'periodFrom', 'periodTo']).catch(() => undefined)}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('proposals.field.title')}
          validateFirst
          rules={[requiredRule(locale), schemaRule(shape.title, locale)]}
        >
          <Input autoComplete="off" maxLength={300} />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('proposals.field.description')}
          validateFirst
          rules={[requiredRule(locale), schemaRule(shape.description, locale)]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} showCount maxLength={5000} />
        </Form.Item>
        <Row gutter={16}>
          {kind === 'monthly' ? (
            <Col xs={24} md={12}>
              <Form.Item name="month" label={t('proposals.field.month')} rules={[required, periodRule('month')]}>
                <DatePicker picker="month" format="MM/YYYY" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ) : (
            <>
              <Col xs={24} md={6}>
                <Form.Item
                  name="periodFrom"
                  label={t('proposals.field.periodFrom')}
                  rules={[required, periodRule('periodFrom')]}
                >
                  <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item
                  name="periodTo"
                  label={t('proposals.field.periodTo')}
                  dependencies={['periodFrom']}
                  rules={[required, periodRule('periodTo')]}
                >
                  <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </>
          )}
          <Col xs={24} md={12}>
            <Form.Item name="guidanceYear" label={t('proposals.field.guidanceYear')} rules={[required]}>
              <Select<number>
                loading={years.isLoading}
                options={(years.data ?? []).map((y) => ({ value: y.year, label: `${y.year} — ${y.documentNo}` }))}
              />
            </Form.Item>
          </Col>
        </Row>
        {codeField('themeCodes')}
        {codeField('audienceCodes')}
        <Row gutter={16}>
          <Col xs={24} md={12}>
            {codeField('formCodes')}
          </Col>
          <Col xs={24} md={12}>
            {codeField('channelCodes')}
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="regulationId" label={t('proposals.field.regulation')}>
              <Select<string>
                allowClear
                showSearch={{ filterOption: false, onSearch: setRegulationSearch }}
                loading={regulations.isFetching}
                placeholder={t('proposals.regulationPlaceholder')}
                notFoundContent={q ? t('common.noMatch') : null}
                options={[
                  ...(proposal?.regulation && !regulations.data?.some((r) => r.id === proposal.regulation?.id)
                    ? [{ value: proposal.regulation.id, label: proposal.regulation.number }]
                    : []),
                  ...(regulations.data ?? []).map((r) => ({ value: r.id, label: `${r.number} — ${r.summary}` })),
                ]}
                popupMatchSelectWidth={false}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="ownerUnitId" label={t('proposals.field.ownerUnit')} rules={[required]}>
              <OrgUnitTreeSelect />
            </Form.Item>
          </Col>
        </Row>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
        <Flex gap={8} justify="flex-end">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="proposal-submit">
            {proposal ? t('common.save') : t('proposals.createSubmit')}
          </Button>
        </Flex>
      </Form>
    </Drawer>
  );
}
