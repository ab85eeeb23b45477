import type { TAlert, TUpdateAlertRequest } from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Input, Popconfirm } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { alertActions, incidentHref } from './alert-values';
import { alertKeys, updateAlert } from './alerts.api';

type Status = TUpdateAlertRequest['status'];

/** The buttons of one alert: acknowledge, dismiss (asks first, with an optional reason), reopen, open or view a case. */
export function AlertActions({ alert }: { alert: TAlert }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const allowed = alertActions(alert);

  const change = useMutation({
    mutationFn: (request: { status: Status; note?: string }) =>
      updateAlert(alert.id, { version: alert.version, ...request }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: alertKeys.all });
      message.success(t(`monAlerts.done.${saved.status as Status}`, { title: saved.title }));
    },
    onError: async (error) => {
      message.error(errorText(error, t));
      // A stale version or a status changed by a colleague: show the alert as it is now.
      await queryClient.invalidateQueries({ queryKey: alertKeys.all });
    },
  });
  const busy = (status: Status) => change.isPending && change.variables.status === status;

  return (
    <Flex gap={4} wrap>
      {allowed.openIncident && (
        <Button size="small" type="primary" onClick={() => void navigate(incidentHref(alert))}>
          {t('monAlerts.action.openIncident')}
        </Button>
      )}
      {allowed.viewIncident && (
        <Button size="small" onClick={() => void navigate(incidentHref(alert))}>
          {t('monAlerts.action.viewIncident')}
        </Button>
      )}
      {allowed.acknowledge && (
        <Button
          size="small"
          loading={busy('acknowledged')}
          disabled={change.isPending}
          onClick={() => change.mutate({ status: 'acknowledged' })}
        >
          {t('monAlerts.action.acknowledge')}
        </Button>
      )}
      {allowed.dismiss && (
        <Popconfirm
          title={t('monAlerts.dismissConfirm', { title: alert.title })}
          description={
            <Input.TextArea
              aria-label={t('monAlerts.dismissNote')}
              placeholder={t('monAlerts.dismissNote')}
              value={note}
              maxLength={1000}
              autoSize={{ minRows: 2, maxRows: 4 }}
              onChange={(event) => setNote(event.target.value)}
              style={{ width: 280 }}
            />
          }
          okText={t('monAlerts.action.dismiss')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onOpenChange={(open) => open && setNote('')}
          onConfirm={() =>
            // A failure is shown by onError; the confirmation closes either way.
            change.mutateAsync({ status: 'dismissed', ...(note.trim() ? { note: note.trim() } : {}) }).then(
              () => undefined,
              () => undefined,
            )
          }
        >
          <Button size="small" danger loading={busy('dismissed')} disabled={change.isPending}>
            {t('monAlerts.action.dismiss')}
          </Button>
        </Popconfirm>
      )}
      {allowed.reopen && (
        <Button
          size="small"
          loading={busy('new')}
          disabled={change.isPending}
          onClick={() => change.mutate({ status: 'new' })}
        >
          {t('monAlerts.action.reopen')}
        </Button>
      )}
    </Flex>
  );
}
