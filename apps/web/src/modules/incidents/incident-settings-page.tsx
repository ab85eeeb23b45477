import { ArrowLeftOutlined, UndoOutlined } from '@ant-design/icons';
import { DEFAULT_INCIDENT_DEADLINES, INCIDENT_SEVERITIES, INCIDENT_SEVERITY_LABELS } from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Form, InputNumber, Row, Select, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { ApiError } from '../../shared/api';
import { errorText } from '../../shared/errors';
import { PageHeader } from '../../shared/ui/page-header';
import {
  convertDuration,
  DEADLINE_KINDS,
  durationProblem,
  formToSettings,
  minuteLimits,
  settingsFieldPath,
  settingsToForm,
  type DeadlineKind,
  type SettingsFormValues,
} from './incident-settings';
import { SeverityTag } from './incident-tags';
import { toDuration, type DurationUnit } from './incident-values';
import { getDeadlineSettings, incidentKeys, saveDeadlineSettings } from './incidents.api';

/** Admins: how long each severity gives for the first assessment and for the response. */
export function IncidentSettingsPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SettingsFormValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const settings = useQuery({ queryKey: incidentKeys.settings, queryFn: getDeadlineSettings });

  const save = useMutation({
    mutationFn: (values: SettingsFormValues) => saveDeadlineSettings(formToSettings(values)),
    onSuccess: (saved) => {
      message.success(t('common.saved'));
      queryClient.setQueryData(incidentKeys.settings, saved);
      form.setFieldsValue(settingsToForm(saved));
    },
    onError: (error) => {
      const rest: string[] = [];
      if (error instanceof ApiError) {
        for (const field of error.errors) {
          const path = settingsFieldPath(field.field);
          if (path) form.setFields([{ name: path, errors: [field.message] }]);
          else rest.push(field.message);
        }
      }
      setFormError([errorText(error, t), ...rest].join(' — '));
    },
  });

  const duration = (minutes: number) => {
    const { value, unit } = toDuration(minutes);
    return t(unit === 'hours' ? 'incidents.settings.hoursCount' : 'incidents.settings.minutesCount', { count: value });
  };
  const problemText = (kind: DeadlineKind, problem: NonNullable<ReturnType<typeof durationProblem>>) => {
    if (problem === 'required') return t('incidents.settings.required');
    if (problem === 'whole') return t('incidents.settings.whole');
    const { min, max } = minuteLimits(kind);
    return t('incidents.settings.range', { min: duration(min), max: duration(max) });
  };
  const unitOptions = [
    { value: 'minutes', label: t('incidents.settings.minutes') },
    { value: 'hours', label: t('incidents.settings.hours') },
  ];

  return (
    <>
      <Link to="/incidents">
        <ArrowLeftOutlined /> {t('incidents.back')}
      </Link>
      <PageHeader title={t('incidents.settings.title')} subtitle={t('incidents.settings.subtitle')} />
      {settings.isPending && <Spin />}
      {settings.isError && <Alert type="error" showIcon title={errorText(settings.error, t)} />}
      {settings.data && (
        <Card style={{ maxWidth: 860 }}>
          <Form<SettingsFormValues>
            form={form}
            name="incident-settings"
            initialValues={settingsToForm(settings.data)}
            onValuesChange={(changed: Partial<SettingsFormValues>) => {
              // A new unit keeps the duration: 4 hours become 240 minutes, not 4 minutes.
              for (const kind of DEADLINE_KINDS) {
                for (const severity of INCIDENT_SEVERITIES) {
                  const unit = changed[kind]?.[severity]?.unit;
                  if (!unit) continue;
                  const value = form.getFieldValue([kind, severity, 'value']) as number | null;
                  if (value === null || value === undefined) continue;
                  form.setFieldValue([kind, severity, 'value'], convertDuration(value, unit));
                  void form.validateFields([[kind, severity, 'value']]);
                }
              }
            }}
            onFinish={(values) => {
              setFormError(null);
              save.mutate(values);
            }}
          >
            <Row gutter={16} style={{ marginBottom: 8 }} aria-hidden>
              <Col span={6} />
              {DEADLINE_KINDS.map((kind) => (
                <Col key={kind} span={9}>
                  <Typography.Text strong>{t(`incidents.deadline.${kind}`)}</Typography.Text>
                </Col>
              ))}
            </Row>
            {INCIDENT_SEVERITIES.map((severity) => (
              <Row
                key={severity}
                gutter={16}
                align="top"
                role="group"
                aria-label={INCIDENT_SEVERITY_LABELS[severity][locale]}
              >
                <Col span={6} style={{ paddingTop: 5 }}>
                  <SeverityTag severity={severity} />
                </Col>
                {DEADLINE_KINDS.map((kind) => {
                  const label = `${t(`incidents.deadline.${kind}`)} — ${INCIDENT_SEVERITY_LABELS[severity][locale]}`;
                  return (
                    <Col key={kind} span={9}>
                      <Space.Compact>
                        <Form.Item
                          name={[kind, severity, 'value']}
                          dependencies={[[kind, severity, 'unit']]}
                          rules={[
                            ({ getFieldValue }) => ({
                              validator: async (_rule, value: number | null | undefined) => {
                                const unit = getFieldValue([kind, severity, 'unit']) as DurationUnit;
                                const problem = durationProblem(kind, { value: value ?? null, unit });
                                if (problem) throw new Error(problemText(kind, problem));
                              },
                            }),
                          ]}
                        >
                          <InputNumber<number> min={0} step={1} aria-label={label} style={{ width: 120 }} />
                        </Form.Item>
                        <Form.Item name={[kind, severity, 'unit']}>
                          <Select<DurationUnit>
                            aria-label={t('incidents.settings.unitOf', { label })}
                            options={unitOptions}
                            style={{ width: 90 }}
                          />
                        </Form.Item>
                      </Space.Compact>
                    </Col>
                  );
                })}
              </Row>
            ))}
            {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
            <Flex gap={8} justify="flex-end">
              <Button
                icon={<UndoOutlined />}
                onClick={() => {
                  form.setFieldsValue(settingsToForm(DEFAULT_INCIDENT_DEADLINES));
                  void form.validateFields();
                }}
              >
                {t('incidents.settings.defaults')}
              </Button>
              <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="incident-settings-save">
                {t('common.save')}
              </Button>
            </Flex>
          </Form>
        </Card>
      )}
    </>
  );
}
