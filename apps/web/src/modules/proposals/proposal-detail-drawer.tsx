import { CheckOutlined, CloseOutlined, EditOutlined, MergeCellsOutlined, RollbackOutlined } from '@ant-design/icons';
import type { TProposalDetail } from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Drawer, Flex, Popconfirm, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDate, formatDateTime } from '../../shared/format';
import { GuidanceCodeTags } from './guidance-codes';
import { ProposalDecisionModal, type DecisionKind } from './proposal-decision-modals';
import { ProposalFormDrawer } from './proposal-form-drawer';
import { formatPeriod, ProposalKindLabel, ProposalStatusTag } from './proposal-labels';
import { getProposal, proposalKeys, withdrawProposal } from './proposals.api';

/** One proposal with what the caller may do now: edit or withdraw it, or accept, merge or decline it. */
export function ProposalDetailDrawer({
  id,
  onClose,
  onOpen,
}: {
  id: string;
  onClose: () => void;
  onOpen: (id: string) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [decision, setDecision] = useState<DecisionKind | null>(null);
  const proposal = useQuery({ queryKey: proposalKeys.detail(id), queryFn: () => getProposal(id) });

  const withdraw = useMutation({
    mutationFn: (current: TProposalDetail) => withdrawProposal(current.id, current.version),
    onSuccess: async () => {
      message.success(t('proposals.withdrawn'));
      await queryClient.invalidateQueries({ queryKey: proposalKeys.all });
    },
    onError: (error) => message.error(errorText(error, t)),
  });

  const doc = proposal.data;
  const can = (action: TProposalDetail['actions'][number]) => doc?.actions.includes(action) ?? false;
  const link = (target: { id: string; title: string }) => (
    <Typography.Link
      href={`?id=${target.id}`}
      onClick={(event) => {
        event.preventDefault();
        onOpen(target.id);
      }}
      aria-label={t('proposals.open', { title: target.title })}
    >
      {target.title}
    </Typography.Link>
  );

  let body;
  if (proposal.isPending) body = <Spin description={t('common.loading')} />;
  else if (proposal.isError || !doc)
    body = <Alert type="error" showIcon title={errorText(proposal.error, t) || t('proposals.detail.loadFailed')} />;
  else {
    const decided = doc.decidedBy
      ? t('proposals.detail.decidedBy', { name: doc.decidedBy.fullName, at: formatDateTime(doc.decidedAt) })
      : null;
    body = (
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          { key: 'status', label: t('proposals.field.status'), children: <ProposalStatusTag status={doc.status} /> },
          { key: 'kind', label: t('proposals.field.kind'), children: <ProposalKindLabel kind={doc.kind} /> },
          {
            key: 'period',
            label: t('proposals.field.period'),
            children: formatPeriod(doc.periodFrom, doc.periodTo),
          },
          {
            key: 'description',
            label: t('proposals.field.description'),
            children: (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {doc.description}
              </Typography.Paragraph>
            ),
          },
          {
            key: 'themes',
            label: t('proposals.field.themes'),
            children: <GuidanceCodeTags year={doc.guidanceYear} segment="themes" codes={doc.themeCodes} />,
          },
          {
            key: 'audiences',
            label: t('proposals.field.audiences'),
            children: <GuidanceCodeTags year={doc.guidanceYear} segment="audiences" codes={doc.audienceCodes} />,
          },
          {
            key: 'forms',
            label: t('proposals.field.forms'),
            children: <GuidanceCodeTags year={doc.guidanceYear} segment="forms" codes={doc.formCodes} />,
          },
          {
            key: 'channels',
            label: t('proposals.field.channels'),
            children: <GuidanceCodeTags year={doc.guidanceYear} segment="channels" codes={doc.channelCodes} />,
          },
          { key: 'guidanceYear', label: t('proposals.field.guidanceYear'), children: doc.guidanceYear },
          {
            key: 'regulation',
            label: t('proposals.field.regulation'),
            children: doc.regulation ? `${doc.regulation.number} — ${doc.regulation.summary}` : t('common.none'),
          },
          { key: 'ownerUnit', label: t('proposals.field.ownerUnit'), children: doc.ownerUnit.name },
          {
            key: 'proposer',
            label: t('proposals.field.proposer'),
            children: doc.proposer?.fullName ?? t('common.none'),
          },
          { key: 'createdAt', label: t('proposals.field.createdAt'), children: formatDate(doc.createdAt) },
          ...(decided ? [{ key: 'decision', label: t('proposals.field.decision'), children: decided }] : []),
          ...(doc.decisionNote
            ? [{ key: 'note', label: t('proposals.field.decisionNote'), children: doc.decisionNote }]
            : []),
          ...(doc.mergedInto
            ? [{ key: 'mergedInto', label: t('proposals.field.mergedInto'), children: link(doc.mergedInto) }]
            : []),
          ...(doc.calendarItemId
            ? [
                {
                  key: 'calendar',
                  label: t('proposals.field.calendar'),
                  children: (
                    <Link to={`/calendar?${new URLSearchParams({ date: doc.periodFrom, id: doc.calendarItemId })}`}>
                      {t('proposals.detail.onCalendar')}
                    </Link>
                  ),
                },
              ]
            : []),
          ...(doc.mergedProposals.length > 0
            ? [
                {
                  key: 'merged',
                  label: t('proposals.field.mergedProposals'),
                  children: (
                    <Flex vertical gap={4} role="list">
                      {doc.mergedProposals.map((merged) => (
                        <span key={merged.id} role="listitem">
                          {link(merged)} — {merged.ownerUnit.name}
                        </span>
                      ))}
                    </Flex>
                  ),
                },
              ]
            : []),
        ]}
      />
    );
  }

  const actions = doc && doc.actions.length > 0 && (
    <Flex gap={8} wrap>
      {can('edit') && (
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
          {t('common.edit')}
        </Button>
      )}
      {can('withdraw') && (
        <Popconfirm
          title={t('proposals.withdrawConfirm')}
          description={t('proposals.withdrawExplain')}
          okText={t('proposals.withdraw')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => withdraw.mutateAsync(doc).catch(() => undefined)}
        >
          <Button icon={<RollbackOutlined />} loading={withdraw.isPending}>
            {t('proposals.withdraw')}
          </Button>
        </Popconfirm>
      )}
      {can('accept') && (
        <Button
          type="primary"
          icon={<CheckOutlined />}
          onClick={() => setDecision('accept')}
          data-testid="proposal-accept"
        >
          {t('proposals.accept')}
        </Button>
      )}
      {can('merge') && (
        <Button icon={<MergeCellsOutlined />} onClick={() => setDecision('merge')}>
          {t('proposals.merge')}
        </Button>
      )}
      {can('decline') && (
        <Button danger icon={<CloseOutlined />} onClick={() => setDecision('decline')}>
          {t('proposals.decline')}
        </Button>
      )}
    </Flex>
  );

  return (
    <>
      <Drawer
        open
        size={760}
        title={doc?.title ?? t('common.loading')}
        onClose={onClose}
        destroyOnHidden
        extra={actions}
      >
        {body}
      </Drawer>
      {editing && doc && (
        <ProposalFormDrawer proposal={doc} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      )}
      {decision && doc && (
        <ProposalDecisionModal proposal={doc} decision={decision} onClose={() => setDecision(null)} />
      )}
    </>
  );
}
