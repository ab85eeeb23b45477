import { PlusOutlined } from '@ant-design/icons';
import { INCIDENT_STATUS_LABELS, type TIncident, type TIncidentStatus } from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { ApiError } from '../../shared/api';
import { errorText } from '../../shared/errors';
import { IncidentActionForm } from './incident-action-form';
import { IncidentCloseModal } from './incident-close-modal';
import { incidentKeys, transitionIncident } from './incidents.api';

interface Props {
  incident: TIncident;
  /** Moving the case is for the owning unit (canEdit); supporting units only record actions. */
  canTransition: boolean;
  onChanged: (incident: TIncident) => Promise<void>;
}

/** A failure as lines: the server's title, then each field problem it named. */
export function problemLines(error: unknown, t: Parameters<typeof errorText>[1]): string[] {
  const lines = [errorText(error, t)];
  if (error instanceof ApiError) for (const field of error.errors) lines.push(field.message);
  return lines;
}

/** Handling the case: move it on (with an optional note), close it with lessons learnt, record what was done. */
export function IncidentActions({ incident, canTransition, onChanged }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [closing, setClosing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [problem, setProblem] = useState<string[] | null>(null);

  const transition = useMutation({
    mutationFn: (status: TIncidentStatus) =>
      transitionIncident(incident.id, {
        version: incident.version,
        status,
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    onSuccess: async (next) => {
      setNote('');
      setProblem(null);
      message.success(t('incidents.transition.done', { status: INCIDENT_STATUS_LABELS[next.status][locale] }));
      await onChanged(next);
    },
    onError: async (error) => {
      setProblem(problemLines(error, t));
      // Someone else moved the case meanwhile: show it as it is now.
      if (error instanceof ApiError && error.status === 409)
        await queryClient.invalidateQueries({ queryKey: incidentKeys.detail(incident.id) });
    },
  });

  const moves = canTransition ? incident.nextStatuses : [];
  const noteTooLong = note.trim().length > 2000;
  // Answering or watching a case needs its first assessment on record (the server says so too).
  const needsAssessment =
    moves.some((status) => status === 'responding' || status === 'monitoring') &&
    !incident.timeline.some((entry) => !entry.system && entry.kind === 'assessment');

  return (
    <Card size="small" title={t('incidents.handling.title')} data-testid="incident-actions">
      <Flex vertical gap={12}>
        {moves.length > 0 && (
          <Flex vertical gap={8}>
            <label htmlFor="incident-transition-note">{t('incidents.transition.note')}</label>
            <Input.TextArea
              id="incident-transition-note"
              autoSize={{ minRows: 1, maxRows: 4 }}
              value={note}
              status={noteTooLong ? 'error' : undefined}
              aria-describedby="incident-transition-note-hint"
              onChange={(event) => setNote(event.target.value)}
            />
            <Typography.Text
              id="incident-transition-note-hint"
              type={noteTooLong ? 'danger' : 'secondary'}
              style={{ fontSize: 13 }}
            >
              {noteTooLong ? t('incidents.validation.noteTooLong') : t('incidents.transition.noteHint')}
            </Typography.Text>
            {needsAssessment && (
              <Typography.Text type="warning">{t('incidents.transition.needsAssessment')}</Typography.Text>
            )}
            <Flex gap={8} wrap>
              {moves.map((status) =>
                status === 'closed' ? (
                  <Button key={status} danger disabled={noteTooLong} onClick={() => setClosing(true)}>
                    {t('incidents.close')}
                  </Button>
                ) : (
                  <Button
                    key={status}
                    type="primary"
                    ghost
                    disabled={noteTooLong}
                    loading={transition.isPending && transition.variables === status}
                    onClick={() => transition.mutate(status)}
                  >
                    {INCIDENT_STATUS_LABELS[status][locale]}
                  </Button>
                ),
              )}
            </Flex>
          </Flex>
        )}
        {problem && (
          <Alert
            type="error"
            showIcon
            closable={{ onClose: () => setProblem(null) }}
            title={problem[0]}
            description={
              problem.length > 1 ? (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {problem.slice(1).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
        {incident.status !== 'closed' &&
          (adding ? (
            <IncidentActionForm
              incident={incident}
              onCancel={() => setAdding(false)}
              onSaved={async (next) => {
                setAdding(false);
                await onChanged(next);
              }}
            />
          ) : (
            <div>
              <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t('incidents.action.add')}
              </Button>
            </div>
          ))}
      </Flex>
      {closing && (
        <IncidentCloseModal
          incident={incident}
          note={note.trim()}
          onCancel={() => setClosing(false)}
          onClosed={async (next) => {
            setClosing(false);
            setNote('');
            await onChanged(next);
          }}
        />
      )}
    </Card>
  );
}
