import type { TProposalDetail } from '@loa/contracts';
import { ZAcceptProposalRequest, ZDeclineProposalRequest } from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n, type MessageKey } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { useDebouncedValue } from '../../shared/use-debounced-value';
import { fieldMessage, requiredRule, schemaRule } from '../../shared/validation';
import { GuidanceCodeSelect } from './guidance-codes';
import { formatPeriod } from './proposal-labels';
import { acceptProposal, declineProposal, mergeProposal, proposalKeys, searchMergeTargets } from './proposals.api';

export type DecisionKind = 'accept' | 'merge' | 'decline';

interface Values {
  startsOn?: Dayjs | null;
  endsOn?: Dayjs | null;
  channelCode?: string | null;
  targetId?: string;
  note?: string;
  reason?: string;
}

const TEXT: Record<DecisionKind, { title: MessageKey; explain: MessageKey; ok: MessageKey; done: MessageKey }> = {
  accept: {
    title: 'proposals.acceptTitle',
    explain: 'proposals.acceptExplain',
    ok: 'proposals.acceptConfirm',
    done: 'proposals.accepted',
  },
  merge: {
    title: 'proposals.mergeTitle',
    explain: 'proposals.mergeExplain',
    ok: 'proposals.mergeConfirm',
    done: 'proposals.merged',
  },
  decline: {
    title: 'proposals.declineTitle',
    explain: 'proposals.declineExplain',
    ok: 'proposals.declineConfirm',
    done: 'proposals.declined',
  },
};
const FIELDS = ['startsOn', 'endsOn', 'channelCode', 'targetId', 'note', 'reason'] as const;
const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);

/**
 * The Communication Center's decision on a proposal, confirmed in a dialog that says what will happen:
 * accept (dates and channel of the calendar item), merge (the target proposal) or decline (the reason).
 */
export function ProposalDecisionModal({
  proposal,
  decision,
  onClose,
}: {
  proposal: TProposalDetail;
  decision: DecisionKind;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const [targetSearch, setTargetSearch] = useState('');
  const q = useDebouncedValue(targetSearch.trim(), 300);
  const targets = useQuery({
    queryKey: [...proposalKeys.search(q), proposal.guidanceYear],
    queryFn: () => searchMergeTargets(q, proposal.guidanceYear),
    enabled: decision === 'merge',
  });
  const text = TEXT[decision];

  const mutation = useMutation({
    mutationFn: (values: Values) => {
      const version = proposal.version;
      const note = values.note?.trim() || undefined;
      if (decision === 'accept')
        return acceptProposal(proposal.id, {
          version,
          startsOn: day(values.startsOn) ?? proposal.periodFrom,
          endsOn: day(values.endsOn),
          channelCode: values.channelCode ?? null,
          ...(note ? { note } : {}),
        });
      if (decision === 'merge')
        return mergeProposal(proposal.id, { version, targetId: values.targetId ?? '', ...(note ? { note } : {}) });
      return declineProposal(proposal.id, { version, reason: values.reason?.trim() ?? '' });
    },
    onSuccess: async () => {
      message.success(t(text.done));
      await queryClient.invalidateQueries({ queryKey: proposalKeys.all });
      onClose();
    },
    onError: (error) => setFormError(formErrorText(form, error, FIELDS, t)),
  });

  const initialValues: Values = {
    startsOn: dayjs(proposal.periodFrom),
    endsOn: proposal.periodTo !== proposal.periodFrom ? dayjs(proposal.periodTo) : null,
    channelCode: proposal.channelCodes[0] ?? null,
  };

  return (
    <Modal
      open
      title={t(text.title)}
      okText={t(text.ok)}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: decision === 'decline' }}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph strong>
        {proposal.title} ({proposal.ownerUnit.name}, {formatPeriod(proposal.periodFrom, proposal.periodTo)})
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t(text.explain)}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => {
          setFormError(null);
          mutation.mutate(values);
        }}
      >
        {decision === 'accept' && (
          <>
            <Form.Item
              name="startsOn"
              label={t('proposals.accept.startsOn')}
              rules={[{ required: true, message: fieldMessage('validation.required', locale) }]}
            >
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="endsOn"
              label={t('proposals.accept.endsOn')}
              dependencies={['startsOn']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_rule, value: Dayjs | null | undefined) => {
                    const startsOn = getFieldValue('startsOn') as Dayjs | null | undefined;
                    if (value && startsOn && value.isBefore(startsOn, 'day'))
                      throw new Error(fieldMessage('validation.date_order', locale));
                  },
                }),
              ]}
            >
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="channelCode" label={t('proposals.accept.channel')}>
              <GuidanceCodeSelect year={proposal.guidanceYear} segment="channels" />
            </Form.Item>
            <Form.Item
              name="note"
              label={t('proposals.accept.note')}
              rules={[schemaRule(ZAcceptProposalRequest.shape.note, locale)]}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
            </Form.Item>
          </>
        )}
        {decision === 'merge' && (
          <>
            <Form.Item
              name="targetId"
              label={t('proposals.merge.target')}
              rules={[{ required: true, message: fieldMessage('validation.required', locale) }]}
            >
              <Select<string>
                showSearch={{ filterOption: false, onSearch: setTargetSearch }}
                loading={targets.isFetching}
                placeholder={t('proposals.merge.targetPlaceholder')}
                notFoundContent={t('common.noMatch')}
                options={(targets.data ?? [])
                  .filter((target) => target.id !== proposal.id)
                  .map((target) => ({ value: target.id, label: `${target.title} — ${target.ownerUnit.name}` }))}
              />
            </Form.Item>
            <Form.Item name="note" label={t('proposals.merge.note')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
            </Form.Item>
          </>
        )}
        {decision === 'decline' && (
          <Form.Item
            name="reason"
            label={t('proposals.decline.reason')}
            validateFirst
            rules={[requiredRule(locale), schemaRule(ZDeclineProposalRequest.shape.reason, locale)]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} showCount maxLength={2000} />
          </Form.Item>
        )}
      </Form>
      {formError && <Alert type="error" showIcon title={formError} />}
    </Modal>
  );
}
