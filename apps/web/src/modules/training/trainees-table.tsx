import { DeleteOutlined, FilePdfOutlined } from '@ant-design/icons';
import {
  courseDays,
  formatVnPhone,
  type TTrainee,
  type TTrainingCourseDetail,
  type TUpdateTraineeRequest,
} from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Checkbox,
  Flex,
  InputNumber,
  Popconfirm,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { useDownload } from '../../shared/use-download';
import { downloadCertificate, removeTrainee, trainingKeys, updateTrainee } from './training.api';

/** A number typed in a cell, saved when the officer leaves the cell; an unchanged value sends nothing. */
function NumberCell(props: {
  value: number | null;
  min: number;
  max: number;
  disabled: boolean;
  label: string;
  onSave: (value: number | null) => void;
}) {
  return (
    <InputNumber
      size="small"
      min={props.min}
      max={props.max}
      precision={0}
      defaultValue={props.value ?? undefined}
      disabled={props.disabled}
      aria-label={props.label}
      style={{ width: 72 }}
      onBlur={(event) => {
        const text = event.target.value.trim();
        const next = text === '' ? null : Number(text);
        if (next !== props.value && (next === null || Number.isInteger(next))) props.onSave(next);
      }}
    />
  );
}

function CertificateButton({ courseId, trainee }: { courseId: string; trainee: TTrainee }) {
  const { t } = useI18n();
  const download = useDownload(() => downloadCertificate(courseId, trainee));
  if (!trainee.certificate) return null;
  const number = trainee.certificate.number;
  return (
    <Tooltip title={formatDate(trainee.certificate.issuedOn)}>
      <Button
        size="small"
        icon={<FilePdfOutlined />}
        loading={download.running}
        aria-label={t('training.trainees.download', { number })}
        data-testid={`certificate-${trainee.id}`}
        onClick={() => void download.run()}
      >
        {number}
      </Button>
    </Tooltip>
  );
}

/** The trainees of a course: attendance day by day, score and rating typed in place, result and certificate. */
export function TraineesTable({ course }: { course: TTrainingCourseDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const editable = course.canEdit && course.status !== 'closed';
  const days = courseDays(course.startsOn, course.endsOn);

  const update = useMutation({
    mutationFn: ({ trainee, changes }: { trainee: TTrainee; changes: TUpdateTraineeRequest }) =>
      updateTrainee(course.id, trainee.id, changes),
    // Ticks and scores show at once; the server's answer (pass state, refusal) replaces them.
    onMutate: async ({ trainee, changes }) => {
      await queryClient.cancelQueries({ queryKey: trainingKeys.course(course.id) });
      queryClient.setQueryData<TTrainingCourseDetail>(
        trainingKeys.course(course.id),
        (current) =>
          current && {
            ...current,
            trainees: current.trainees.map((tr) => (tr.id === trainee.id ? ({ ...tr, ...changes } as TTrainee) : tr)),
          },
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: trainingKeys.all }),
    onError: (error) => {
      message.error(errorText(error, t));
    },
  });
  const remove = useMutation({
    mutationFn: (trainee: TTrainee) => removeTrainee(course.id, trainee.id).then(() => trainee),
    onSuccess: async (trainee) => {
      await queryClient.invalidateQueries({ queryKey: trainingKeys.all });
      message.success(t('training.trainees.removed', { name: trainee.fullName }));
    },
    onError: (error) => message.error(errorText(error, t)),
  });

  const toggleDay = (trainee: TTrainee, day: string, attended: boolean) =>
    update.mutate({
      trainee,
      changes: {
        attendedDays: attended ? [...trainee.attendedDays, day] : trainee.attendedDays.filter((d) => d !== day),
      },
    });

  const columns: TableColumnsType<TTrainee> = [
    {
      title: t('training.trainees.name'),
      dataIndex: 'fullName',
      fixed: 'left',
      render: (name: string, trainee) => (
        <>
          <Typography.Text strong>{name}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {[trainee.organisation, trainee.phone && formatVnPhone(trainee.phone)].filter(Boolean).join(' · ')}
          </Typography.Paragraph>
        </>
      ),
    },
    {
      title: t('training.trainees.attendance'),
      key: 'attendance',
      render: (_: unknown, trainee) => (
        <Flex gap={4} wrap>
          {days.map((day) => (
            <Tooltip key={day} title={formatDate(day)}>
              <Checkbox
                checked={trainee.attendedDays.includes(day)}
                disabled={!editable}
                aria-label={`${trainee.fullName}: ${t('training.trainees.day', { day: formatDate(day) })}`}
                data-testid={`attendance-${trainee.id}-${day}`}
                onChange={(event) => toggleDay(trainee, day, event.target.checked)}
              />
            </Tooltip>
          ))}
        </Flex>
      ),
    },
    {
      title: t('training.trainees.score'),
      key: 'score',
      render: (_: unknown, trainee) => (
        <NumberCell
          key={`${trainee.id}-${trainee.score}`}
          value={trainee.score}
          min={0}
          max={100}
          disabled={!editable}
          label={`${trainee.fullName}: ${t('training.trainees.score')}`}
          onSave={(score) => update.mutate({ trainee, changes: { score } })}
        />
      ),
    },
    {
      title: t('training.trainees.rating'),
      key: 'rating',
      responsive: ['lg'],
      render: (_: unknown, trainee) => (
        <NumberCell
          key={`${trainee.id}-${trainee.rating}`}
          value={trainee.rating}
          min={1}
          max={5}
          disabled={!editable}
          label={`${trainee.fullName}: ${t('training.trainees.rating')}`}
          onSave={(rating) => update.mutate({ trainee, changes: { rating } })}
        />
      ),
    },
    {
      title: t('training.trainees.result'),
      key: 'result',
      render: (_: unknown, trainee) =>
        trainee.passed ? (
          <Tag color="green">{t('training.trainees.passed')}</Tag>
        ) : (
          <Tag>{t(`training.trainees.refusal.${trainee.refusal ?? 'not_attended'}`)}</Tag>
        ),
    },
    {
      title: t('training.trainees.certificate'),
      key: 'certificate',
      width: 190,
      render: (_: unknown, trainee) => <CertificateButton courseId={course.id} trainee={trainee} />,
    },
    ...(editable
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, trainee: TTrainee) =>
              !trainee.certificate && (
                <Popconfirm
                  title={t('training.trainees.removeConfirm', { name: trainee.fullName })}
                  onConfirm={() => remove.mutate(trainee)}
                  okButtonProps={{ danger: true }}
                >
                  <Button
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('training.trainees.remove', { name: trainee.fullName })}
                  />
                </Popconfirm>
              ),
          },
        ]
      : []),
  ];

  return (
    <Table<TTrainee>
      rowKey="id"
      size="small"
      aria-label={t('training.trainees.tableLabel')}
      data-testid="training-trainees"
      columns={columns}
      dataSource={course.trainees}
      locale={{ emptyText: t('training.trainees.empty') }}
      pagination={course.trainees.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 900 }}
    />
  );
}
