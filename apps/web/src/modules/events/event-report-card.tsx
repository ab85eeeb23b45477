import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  EVENT_SEGMENT_LABELS,
  EVENT_SEGMENTS,
  PARTICIPANT_SHEET_HEADERS,
  eventFigureProblems,
  type TEventDetail,
  type TEventParticipant,
  type TEventSegment,
} from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, Form, InputNumber, Row, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { XLSX_CONTENT_TYPE } from '../../shared/excel-import';
import { errorText, formErrorText } from '../../shared/errors';
import { ExcelImportModal } from '../../shared/ui/excel-import-modal';
import { useDownload } from '../../shared/use-download';
import { fieldMessage } from '../../shared/validation';
import {
  downloadParticipantTemplate,
  eventKeys,
  importParticipants,
  listParticipants,
  updateEvent,
} from './events.api';

interface Figures {
  extraAttendance: number;
  extraMale: number;
  extraFemale: number;
  bySegment: Partial<Record<TEventSegment, number | null>>;
  questionsRaised: number;
  questionsAnswered: number;
  newVoluntary: number;
  newHouseholdBhyt: number;
  confirmImplausible?: boolean;
}

const FIELDS = [
  'extraAttendance',
  'extraMale',
  'extraFemale',
  'bySegment',
  'questionsRaised',
  'questionsAnswered',
  'newVoluntary',
  'newHouseholdBhyt',
] as const;

const counts = (bySegment: Figures['bySegment']) =>
  Object.fromEntries(Object.entries(bySegment ?? {}).filter(([, n]) => typeof n === 'number' && n > 0)) as Partial<
    Record<TEventSegment, number>
  >;

/** The figures of the event as the contract's plausibility check reads them. */
function figuresOf(values: Partial<Figures>, event: TEventDetail) {
  const n = (value: number | null | undefined) => value ?? 0;
  return {
    checkedIn: event.attendance.checkedIn,
    extraAttendance: n(values.extraAttendance),
    extraMale: n(values.extraMale),
    extraFemale: n(values.extraFemale),
    bySegment: counts(values.bySegment ?? {}),
    questionsRaised: n(values.questionsRaised),
    questionsAnswered: n(values.questionsAnswered),
    newVoluntary: n(values.newVoluntary),
    newHouseholdBhyt: n(values.newHouseholdBhyt),
    costVnd: event.costVnd,
  };
}

/** Attendance, questions and outcomes of the event; checked as typed, implausible figures need confirming. */
export function EventReportCard({ event }: { event: TEventDetail }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Figures>();
  const [formError, setFormError] = useState<string | null>(null);
  const values = Form.useWatch([], form) as Partial<Figures> | undefined;
  const { errors, warnings } = eventFigureProblems(figuresOf(values ?? {}, event));
  const editable = event.canEdit && (event.status === 'planned' || event.status === 'held');
  const problemOf = (field: string) =>
    [...errors, ...warnings].filter((p) => p.field === field).map((p) => fieldMessage(p.code, locale, p.params));

  const save = useMutation({
    mutationFn: (figures: Figures) =>
      updateEvent(event.id, {
        version: event.version,
        extraAttendance: figures.extraAttendance ?? 0,
        extraMale: figures.extraMale ?? 0,
        extraFemale: figures.extraFemale ?? 0,
        bySegment: counts(figures.bySegment),
        questionsRaised: figures.questionsRaised ?? 0,
        questionsAnswered: figures.questionsAnswered ?? 0,
        newVoluntary: figures.newVoluntary ?? 0,
        newHouseholdBhyt: figures.newHouseholdBhyt ?? 0,
        confirmImplausible: figures.confirmImplausible === true,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: eventKeys.all });
      message.success(t('common.saved'));
    },
    onError: (error) => setFormError(formErrorText(form, error, FIELDS, t)),
  });

  const number = (name: (typeof FIELDS)[number], label: string, testId?: string) => {
    const problems = problemOf(name);
    return (
      <Form.Item
        name={name}
        label={label}
        validateStatus={problems.length > 0 ? (errors.some((e) => e.field === name) ? 'error' : 'warning') : undefined}
        help={problems.length > 0 ? problems.join('; ') : undefined}
      >
        <InputNumber min={0} precision={0} style={{ width: '100%' }} disabled={!editable} data-testid={testId} />
      </Form.Item>
    );
  };

  const a = event.attendance;
  return (
    <Card title={t('events.report.title')} data-testid="event-report">
      {!editable && <Typography.Paragraph type="secondary">{t('events.report.locked')}</Typography.Paragraph>}
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph strong data-testid="event-attendance-total">
        {t('events.report.total', { total: a.total, male: a.male, female: a.female })} · {t('events.report.checkedIn')}:{' '}
        {a.checkedIn}
      </Typography.Paragraph>
      <Form<Figures>
        form={form}
        layout="vertical"
        initialValues={{
          extraAttendance: a.extra.total,
          extraMale: a.extra.male,
          extraFemale: a.extra.female,
          bySegment: a.extra.bySegment,
          questionsRaised: event.questionsRaised,
          questionsAnswered: event.questionsAnswered,
          newVoluntary: event.outcomes.voluntary,
          newHouseholdBhyt: event.outcomes.householdBhyt,
        }}
        onFinish={(figures) => {
          setFormError(null);
          save.mutate(figures);
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            {number('extraAttendance', t('events.report.extra'), 'report-extra')}
          </Col>
          <Col xs={12} md={8}>
            {number('extraMale', t('events.report.extraMale'))}
          </Col>
          <Col xs={12} md={8}>
            {number('extraFemale', t('events.report.extraFemale'))}
          </Col>
        </Row>
        <Typography.Text strong>{t('events.report.bySegment')}</Typography.Text>
        {problemOf('bySegment').map((text) => (
          <Typography.Paragraph key={text} type="danger">
            {text}
          </Typography.Paragraph>
        ))}
        <Row gutter={16}>
          {EVENT_SEGMENTS.map((segment) => (
            <Col xs={12} md={8} key={segment}>
              <Form.Item name={['bySegment', segment]} label={EVENT_SEGMENT_LABELS[segment][locale]}>
                <InputNumber
                  min={0}
                  precision={0}
                  style={{ width: '100%' }}
                  disabled={!editable}
                  placeholder={String(a.bySegment[segment] ?? 0)}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Row gutter={16}>
          <Col xs={12} md={6}>
            {number('questionsRaised', t('events.report.questionsRaised'))}
          </Col>
          <Col xs={12} md={6}>
            {number('questionsAnswered', t('events.report.questionsAnswered'))}
          </Col>
          <Col xs={12} md={6}>
            {number('newVoluntary', t('events.report.newVoluntary'), 'report-voluntary')}
          </Col>
          <Col xs={12} md={6}>
            {number('newHouseholdBhyt', t('events.report.newHouseholdBhyt'), 'report-household')}
          </Col>
        </Row>
        {warnings.length > 0 && editable && (
          <Form.Item name="confirmImplausible" valuePropName="checked">
            <Checkbox data-testid="report-confirm">{t('events.report.confirm')}</Checkbox>
          </Form.Item>
        )}
        {editable && (
          <Button
            type="primary"
            htmlType="submit"
            loading={save.isPending}
            disabled={errors.length > 0}
            data-testid="report-save"
          >
            {t('events.report.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}

const columnName = (field: string): string =>
  Object.hasOwn(PARTICIPANT_SHEET_HEADERS, field)
    ? PARTICIPANT_SHEET_HEADERS[field as keyof typeof PARTICIPANT_SHEET_HEADERS]
    : field;

/** The list behind the outcome counts, imported from Excel with a per-row report. */
export function ParticipantsCard({ event }: { event: TEventDetail }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const people = useQuery({ queryKey: eventKeys.participants(event.id), queryFn: () => listParticipants(event.id) });
  const template = useDownload(downloadParticipantTemplate);
  const editable = event.canEdit && (event.status === 'planned' || event.status === 'held');
  const program = (p: TEventParticipant) =>
    p.program === 'voluntary' ? t('events.report.newVoluntary') : t('events.report.newHouseholdBhyt');
  return (
    <Card
      title={t('events.participants.title')}
      data-testid="event-participants"
      extra={
        editable && (
          <>
            <Button
              size="small"
              icon={<DownloadOutlined />}
              loading={template.running}
              onClick={() => void template.run()}
            >
              {t('events.participants.template')}
            </Button>{' '}
            <Upload
              accept={`.xlsx,${XLSX_CONTENT_TYPE}`}
              showUploadList={false}
              beforeUpload={(chosen) => {
                setFile(chosen);
                return false;
              }}
            >
              <Button size="small" icon={<UploadOutlined />} data-testid="participants-import">
                {t('common.importExcel')}
              </Button>
            </Upload>
          </>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        {t('events.report.listed', {
          voluntary: event.outcomes.listedVoluntary,
          household: event.outcomes.listedHouseholdBhyt,
        })}
      </Typography.Paragraph>
      <Table<TEventParticipant>
        size="small"
        rowKey={(p) => `${p.program}-${p.fullName}-${p.insuranceCode ?? ''}-${p.phone ?? ''}`}
        dataSource={people.data ?? []}
        loading={people.isLoading}
        locale={{ emptyText: people.isError ? errorText(people.error, t) : t('events.participants.empty') }}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: t('events.participants.program'), key: 'program', render: (_: unknown, p) => program(p) },
          { title: t('events.participants.fullName'), dataIndex: 'fullName' },
          { title: t('events.participants.insuranceCode'), dataIndex: 'insuranceCode' },
          { title: t('events.participants.birthYear'), dataIndex: 'birthYear' },
          { title: t('events.participants.phone'), dataIndex: 'phone' },
        ]}
      />
      {file && (
        <ExcelImportModal
          key={`${file.name}-${file.lastModified}`}
          file={file}
          onClose={() => setFile(null)}
          run={(chosen, dryRun) => importParticipants(event.id, chosen, dryRun)}
          queryKey={eventKeys.all}
          prefix="events.import"
          fieldLabel={columnName}
          confirmTestId="participants-import-confirm"
          intro={
            <Typography.Paragraph type="secondary">
              {t('events.import.columns', { columns: Object.values(PARTICIPANT_SHEET_HEADERS).join(', ') })}
            </Typography.Paragraph>
          }
        />
      )}
    </Card>
  );
}
