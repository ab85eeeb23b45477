import { ArrowLeftOutlined, CheckOutlined, CloseOutlined, EditOutlined, FileDoneOutlined } from '@ant-design/icons';
import {
  EVENT_KIND_LABELS,
  EVENT_PARTNER_LABELS,
  EVENT_SEGMENT_LABELS,
  ZEventTransitionRequest,
  type TEventDetail,
  type TEventTransitionRequest,
} from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Modal, Row, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { ApiError } from '../../shared/api';
import { errorText } from '../../shared/errors';
import { formatDate, formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/ui/page-header';
import { requiredRule, schemaRule } from '../../shared/validation';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { EventFormDrawer } from './event-form-drawer';
import { EventStatusTag, formatVnd, placeText } from './event-labels';
import { EventCampaignsCard } from './event-campaigns-card';
import { EventCostsCard } from './event-costs-card';
import { CheckInCard, PhotosCard } from './event-media';
import { EventReportCard, ParticipantsCard } from './event-report-card';
import { changeEventStatus, eventKeys, getEvent } from './events.api';

type Dialog = { to: 'held' | 'cancelled' | 'reported'; needsReason: boolean; error: string | null };

/** One event: its plan, the leader's overrides, the report (attendance, questions, outcomes), photos and QR check-in. */
export function EventPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const isLeader = hasAnyRole(user, ['leader', 'admin']);
  const [editing, setEditing] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [form] = Form.useForm<{ reason?: string }>();
  const event = useQuery({ queryKey: eventKeys.detail(id), queryFn: () => getEvent(id) });

  const transition = useMutation({
    mutationFn: (request: TEventTransitionRequest) => changeEventStatus(id, request),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: eventKeys.all });
      message.success(t('events.statusChanged'));
      setDialog(null);
      form.resetFields();
    },
    onError: (error) => {
      const restricted = error instanceof ApiError && error.code === 'event.restricted';
      setDialog(
        (d) => d && { ...d, needsReason: d.needsReason || (restricted && isLeader), error: errorText(error, t) },
      );
    },
  });

  if (event.isLoading) return <Spin />;
  if (!event.data) return <Alert type="error" showIcon title={errorText(event.error, t)} />;
  const e: TEventDetail = event.data;
  const run = (to: Dialog['to'], reason?: string) =>
    transition.mutate({
      to,
      version: e.version,
      ...(to === 'cancelled' && reason ? { reason } : {}),
      ...(to === 'held' && reason ? { override: { reason } } : {}),
      // The figures were checked when saved; implausible ones could only be saved confirmed.
      ...(to === 'reported' ? { confirmImplausible: true } : {}),
    });

  return (
    <>
      <Link to="/events">
        <ArrowLeftOutlined /> {t('events.back')}
      </Link>
      <PageHeader
        title={e.title}
        subtitle={
          <>
            <EventStatusTag status={e.status} /> {EVENT_KIND_LABELS[e.kind][locale]} · {e.orgUnit.name}
          </>
        }
        actions={
          e.canEdit && (
            <>
              {(e.status === 'planned' || e.status === 'held') && (
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="event-edit">
                  {t('common.edit')}
                </Button>
              )}
              {e.status === 'planned' && (
                <Button
                  type="primary"
                  icon={<CheckOutlined />}
                  data-testid="event-mark-held"
                  onClick={() => setDialog({ to: 'held', needsReason: false, error: null })}
                >
                  {t('events.markHeld')}
                </Button>
              )}
              {e.status === 'held' && (
                <Button
                  type="primary"
                  icon={<FileDoneOutlined />}
                  data-testid="event-mark-reported"
                  onClick={() => setDialog({ to: 'reported', needsReason: false, error: null })}
                >
                  {t('events.markReported')}
                </Button>
              )}
              {(e.status === 'planned' || e.status === 'held') && (
                <Button
                  danger
                  icon={<CloseOutlined />}
                  data-testid="event-cancel"
                  onClick={() => setDialog({ to: 'cancelled', needsReason: true, error: null })}
                >
                  {t('events.cancel')}
                </Button>
              )}
            </>
          )
        }
      />
      {e.cancelReason && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('events.cancelled', { reason: e.cancelReason })}
        />
      )}
      {e.overrides.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="event-overrides"
          title={t('events.overrides.title')}
          description={e.overrides.map((o) => (
            <div key={o.id}>
              {t('events.overrides.item', { at: formatDateTime(o.at), by: o.by ?? '—', reason: o.reason })}
              <Typography.Text type="secondary">
                {' '}
                (
                {o.restrictions
                  .map(
                    (r) =>
                      `${r.area}, ${formatDate(r.startsOn)} – ${r.endsOn ? formatDate(r.endsOn) : '…'}, ${r.basis}`,
                  )
                  .join('; ')}
                )
              </Typography.Text>
            </div>
          ))}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('events.field.time')}>
                {formatDateTime(e.startsAt)}
                {e.endsAt ? ` – ${formatDateTime(e.endsAt)}` : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('events.field.place')}>{placeText(e)}</Descriptions.Item>
              <Descriptions.Item label={t('events.field.segments')}>
                {e.segments.map((s) => EVENT_SEGMENT_LABELS[s][locale]).join('; ')}
              </Descriptions.Item>
              <Descriptions.Item label={t('events.field.themes')}>{e.themeCodes.join(', ')}</Descriptions.Item>
              <Descriptions.Item label={t('events.field.partners')}>
                {[...e.partners.map((p) => EVENT_PARTNER_LABELS[p][locale]), e.partnerNote].filter(Boolean).join('; ')}
              </Descriptions.Item>
              <Descriptions.Item label={t('events.field.plannedAttendance')}>
                {e.plannedAttendance ?? ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('events.field.cost')}>
                {e.costVnd !== null ? formatVnd(e.costVnd, locale) : ''}
              </Descriptions.Item>
              {e.note && <Descriptions.Item label={t('events.field.note')}>{e.note}</Descriptions.Item>}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <CheckInCard event={e} />
        </Col>
        <Col xs={24}>
          <EventReportCard key={e.version} event={e} />
        </Col>
        <Col xs={24} lg={14}>
          <ParticipantsCard event={e} />
        </Col>
        <Col xs={24} lg={10}>
          <PhotosCard event={e} />
        </Col>
        <Col xs={24}>
          <EventCampaignsCard eventId={e.id} />
        </Col>
        <Col xs={24}>
          <EventCostsCard eventId={e.id} />
        </Col>
      </Row>
      {editing && <EventFormDrawer event={e} onClose={() => setEditing(false)} />}
      {dialog && (
        <Modal
          open
          title={
            dialog.to === 'held'
              ? t('events.markHeld')
              : dialog.to === 'reported'
                ? t('events.markReported')
                : t('events.cancel')
          }
          onCancel={() => setDialog(null)}
          onOk={() => form.submit()}
          okText={t('common.save')}
          cancelText={t('common.cancel')}
          confirmLoading={transition.isPending}
          okButtonProps={{ id: 'event-transition-confirm' }}
          destroyOnHidden
        >
          {dialog.error && <Alert type="error" showIcon title={dialog.error} style={{ marginBottom: 12 }} />}
          <Form form={form} layout="vertical" onFinish={(values) => run(dialog.to, values.reason?.trim())}>
            {dialog.needsReason && (
              <Form.Item
                name="reason"
                label={dialog.to === 'cancelled' ? t('events.cancelReason') : t('events.override.reason')}
                rules={[requiredRule(locale), schemaRule(ZEventTransitionRequest.shape.reason.unwrap(), locale)]}
              >
                <Input.TextArea rows={3} data-testid="event-transition-reason" />
              </Form.Item>
            )}
          </Form>
        </Modal>
      )}
    </>
  );
}
