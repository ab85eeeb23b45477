import {
  ArrowLeftOutlined,
  CheckOutlined,
  DeleteOutlined,
  EditOutlined,
  FileExcelOutlined,
  FilePdfOutlined,
  LockOutlined,
  SafetyCertificateOutlined,
  UploadOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import {
  TRAINEE_SHEET_HEADERS,
  TRAINING_AUDIENCE_LABELS,
  TRAINING_STATUS_LABELS,
  courseDayCount,
  requiredAttendanceDays,
  type TTrainingCourseDetail,
  type TTrainingMaterial,
  type TTrainingStatus,
} from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { XLSX_CONTENT_TYPE } from '../../shared/excel-import';
import { errorText } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { ExcelImportModal } from '../../shared/ui/excel-import-modal';
import { PageHeader } from '../../shared/ui/page-header';
import { useDownload } from '../../shared/use-download';
import { AttachmentList } from '../files/attachment-list';
import { CourseFormDrawer } from './course-form-drawer';
import { IssueCertificatesModal } from './issue-certificates-modal';
import { TraineeFormModal } from './trainee-form-modal';
import { TraineesTable } from './trainees-table';
import { TrainingStatusTag } from './training-labels';
import {
  deleteCourse,
  downloadAllCertificates,
  downloadTraineeTemplate,
  getCourse,
  importTrainees,
  materialContentUrl,
  materialUploadUrl,
  removeMaterial,
  trainingKeys,
  updateCourse,
} from './training.api';

const columnName = (field: string): string =>
  Object.hasOwn(TRAINEE_SHEET_HEADERS, field)
    ? TRAINEE_SHEET_HEADERS[field as keyof typeof TRAINEE_SHEET_HEADERS]
    : field;

/** One course: its details, the trainees (attendance, scores, certificates) and the materials. */
export function CoursePage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [issuing, setIssuing] = useState(false);
  const [importFile, setImportFile] = useState<File | null>(null);
  const course = useQuery({ queryKey: trainingKeys.course(id), queryFn: () => getCourse(id) });
  const allCertificates = useDownload(() => downloadAllCertificates(id));
  const template = useDownload(downloadTraineeTemplate);

  const setStatus = useMutation({
    mutationFn: ({ c, status }: { c: TTrainingCourseDetail; status: TTrainingStatus }) =>
      updateCourse(c.id, { status, version: c.version }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: trainingKeys.all });
      message.success(t('training.page.statusChanged', { status: TRAINING_STATUS_LABELS[saved.status][locale] }));
    },
    onError: (error) => message.error(errorText(error, t)),
  });
  const remove = useMutation({
    mutationFn: deleteCourse,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trainingKeys.all });
      message.success(t('training.deleted', { title: course.data?.title ?? '' }));
      void navigate('/training');
    },
    onError: (error) => message.error(errorText(error, t)),
  });

  if (course.isLoading) return <Spin />;
  if (!course.data) return <Alert type="error" showIcon title={errorText(course.error, t)} />;
  const c = course.data;
  const editable = c.canEdit && c.status !== 'closed';
  const eligible = c.trainees.filter((tr) => tr.passed && !tr.certificate).length;
  const days = courseDayCount(c.startsOn, c.endsOn);
  const required = requiredAttendanceDays(c.startsOn, c.endsOn);

  return (
    <>
      <Link to="/training">
        <ArrowLeftOutlined /> {t('training.page.back')}
      </Link>
      <PageHeader
        title={c.title}
        subtitle={
          <>
            <TrainingStatusTag status={c.status} /> {TRAINING_AUDIENCE_LABELS[c.audience][locale]} · {c.orgUnit.name}
          </>
        }
        actions={
          editable && (
            <>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('training.page.edit')}
              </Button>
              {c.status === 'planned' && (
                <Button
                  icon={<CheckOutlined />}
                  data-testid="training-mark-held"
                  loading={setStatus.isPending}
                  onClick={() => setStatus.mutate({ c, status: 'held' })}
                >
                  {t('training.page.markHeld')}
                </Button>
              )}
              {c.status === 'held' && (
                <Popconfirm
                  title={t('training.page.closeConfirm')}
                  onConfirm={() => setStatus.mutate({ c, status: 'closed' })}
                >
                  <Button icon={<LockOutlined />} data-testid="training-mark-closed">
                    {t('training.page.markClosed')}
                  </Button>
                </Popconfirm>
              )}
              {c.certificateCount === 0 && (
                <Popconfirm
                  title={t('training.deleteConfirm', { title: c.title })}
                  onConfirm={() => remove.mutate(c)}
                  okButtonProps={{ danger: true }}
                >
                  <Button danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                </Popconfirm>
              )}
            </>
          )
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('training.field.dates')}>
            {c.startsOn === c.endsOn ? formatDate(c.startsOn) : `${formatDate(c.startsOn)} – ${formatDate(c.endsOn)}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('training.field.place')}>
            {c.online && c.onlineUrl ? (
              <a href={c.onlineUrl} target="_blank" rel="noreferrer">
                {t('training.online')}
              </a>
            ) : (
              c.place
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('training.field.trainers')}>{c.trainers.join(', ') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('training.field.rating')}>{c.averageRating ?? '—'}</Descriptions.Item>
          {c.topic && <Descriptions.Item label={t('training.field.topic')}>{c.topic}</Descriptions.Item>}
          {c.note && <Descriptions.Item label={t('training.field.note')}>{c.note}</Descriptions.Item>}
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('training.page.passRule', {
            required,
            days,
            score: c.passScore === null ? '' : t('training.page.passRuleScore', { passScore: c.passScore }),
          })}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title={`${t('training.field.trainees')} (${c.trainees.length})`} style={{ marginBottom: 16 }}>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          {c.certificateCount > 0 && (
            <Button
              icon={<FilePdfOutlined />}
              loading={allCertificates.running}
              data-testid="certificates-download-all"
              onClick={() => void allCertificates.run()}
            >
              {t('training.certificates.downloadAll')}
            </Button>
          )}
          {c.canEdit && c.status !== 'planned' && (
            <Button
              type="primary"
              icon={<SafetyCertificateOutlined />}
              disabled={eligible === 0}
              data-testid="certificates-issue"
              onClick={() => setIssuing(true)}
            >
              {t('training.certificates.issue')}
            </Button>
          )}
          {editable && (
            <>
              <Button icon={<FileExcelOutlined />} loading={template.running} onClick={() => void template.run()}>
                {t('training.trainees.template')}
              </Button>
              <Upload
                accept={`.xlsx,${XLSX_CONTENT_TYPE}`}
                showUploadList={false}
                beforeUpload={(file) => {
                  setImportFile(file);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />}>{t('common.importExcel')}</Button>
              </Upload>
              <Button icon={<UserAddOutlined />} data-testid="trainee-add" onClick={() => setAdding(true)}>
                {t('training.trainees.add')}
              </Button>
            </>
          )}
        </Flex>
        {c.canEdit && c.status === 'planned' && (
          <Alert type="info" showIcon title={t('training.certificates.notHeld')} style={{ marginBottom: 12 }} />
        )}
        <TraineesTable course={c} />
      </Card>
      <Card size="small" title={t('training.page.materials')}>
        <AttachmentList<TTrainingMaterial>
          items={c.materials}
          label={(m) => m.title}
          canEdit={editable}
          contentUrl={(fileId) => materialContentUrl(c.id, fileId)}
          uploadUrl={materialUploadUrl(c.id)}
          remove={(fileId) => removeMaterial(c.id, fileId)}
          queryKey={trainingKeys.course(c.id)}
          emptyText={t('training.page.materialsEmpty')}
          removeConfirm={(title) => t('training.page.removeMaterial', { title })}
        />
      </Card>
      {editing && <CourseFormDrawer course={c} onClose={() => setEditing(false)} />}
      {adding && <TraineeFormModal courseId={c.id} onClose={() => setAdding(false)} />}
      {issuing && <IssueCertificatesModal courseId={c.id} eligible={eligible} onClose={() => setIssuing(false)} />}
      {importFile && (
        <ExcelImportModal
          key={`${importFile.name}-${importFile.lastModified}`}
          file={importFile}
          onClose={() => setImportFile(null)}
          run={(file, dryRun) => importTrainees(c.id, file, dryRun)}
          queryKey={trainingKeys.all}
          prefix="training.import"
          fieldLabel={columnName}
          confirmTestId="trainees-import-confirm"
          intro={
            <Typography.Paragraph type="secondary">
              {t('training.import.columns', { columns: Object.values(TRAINEE_SHEET_HEADERS).join(', ') })}
            </Typography.Paragraph>
          }
        />
      )}
    </>
  );
}
