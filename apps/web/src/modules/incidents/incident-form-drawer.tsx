import type { TIncident } from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Flex, Form, Spin } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { INCIDENT_FORM_FIELDS, toCreateRequest, toUpdateRequest, type IncidentFormValues } from './incident-form';
import { IncidentFormFields, type IncidentFormState } from './incident-form-fields';
import type { UnitRef } from './incident-values';
import { createIncident, incidentKeys, updateIncident } from './incidents.api';

interface Props {
  /** The case to edit; null to open one. */
  incident: TIncident | null;
  /** Starting values; undefined while what the case is opened from is still loading. */
  initial: IncidentFormValues | undefined;
  /** What a new case is opened from. */
  source?: { alertId?: string | undefined; articleIds: readonly string[] };
  /** Units the case starts with (its alert's unit), shown by name in the pickers. */
  knownUnits?: readonly UnitRef[];
  /** Shown above the fields (e.g. the items a case is opened from). */
  header?: ReactNode;
  onClose: () => void;
  onSaved: (incident: TIncident) => void;
}

const toState = (values: IncidentFormValues): IncidentFormState => ({
  ...values,
  assessDueAt: values.assessDueAt ? dayjs(values.assessDueAt) : null,
  respondDueAt: values.respondDueAt ? dayjs(values.respondDueAt) : null,
});

const iso = (value: Dayjs | null | undefined) => (value ? value.toISOString() : null);

const fromState = (state: IncidentFormState): IncidentFormValues => ({
  ...state,
  supportingUnitIds: state.supportingUnitIds ?? [],
  assessDueAt: iso(state.assessDueAt),
  respondDueAt: iso(state.respondDueAt),
});

/** Opens a case or edits one; every field is checked as the officer types, the server's objections land under them. */
export function IncidentFormDrawer({ incident, initial, source, knownUnits, header, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<IncidentFormState>();
  const [formError, setFormError] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: (values: IncidentFormValues) =>
      incident
        ? updateIncident(incident.id, toUpdateRequest(incident, values))
        : createIncident(toCreateRequest(values, source ?? { articleIds: [] })),
    onSuccess: async (saved) => {
      message.success(incident ? t('common.saved') : t('incidents.created', { code: saved.code }));
      queryClient.setQueryData(incidentKeys.detail(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: incidentKeys.all });
      onSaved(saved);
    },
    onError: (error) => setFormError(formErrorText(form, error, INCIDENT_FORM_FIELDS, t)),
  });

  const currentDue = incident
    ? {
        assess: incident.deadlines.find((deadline) => deadline.kind === 'assess')?.dueAt ?? null,
        respond: incident.deadlines.find((deadline) => deadline.kind === 'respond')?.dueAt ?? null,
      }
    : undefined;

  return (
    <Drawer
      open
      size={760}
      title={incident ? t('incidents.editTitle', { code: incident.code }) : t('incidents.createTitle')}
      onClose={onClose}
      destroyOnHidden
    >
      {header}
      {initial === undefined ? (
        <Spin />
      ) : (
        <Form<IncidentFormState>
          form={form}
          name={incident ? 'incident-edit' : 'incident-create'}
          layout="vertical"
          initialValues={toState(initial)}
          onFinish={(state) => {
            setFormError(null);
            mutation.mutate(fromState(state));
          }}
        >
          <IncidentFormFields
            {...(currentDue ? { currentDue } : {})}
            knownUnits={incident ? [incident.owningUnit, ...incident.supportingUnits] : (knownUnits ?? [])}
          />
          {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
          <Flex gap={8} justify="flex-end">
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              htmlType="submit"
              loading={mutation.isPending}
              data-testid={incident ? 'incident-save' : 'incident-submit'}
            >
              {incident ? t('common.save') : t('incidents.open')}
            </Button>
          </Flex>
        </Form>
      )}
    </Drawer>
  );
}
