import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  TRAINING_AUDIENCE_LABELS,
  TRAINING_AUDIENCES,
  TRAINING_STATUS_LABELS,
  TRAINING_STATUSES,
  WORKING_ROLES,
  type TTrainingAudience,
  type TTrainingCourse,
  type TTrainingStatus,
} from '@loa/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Input, Select, Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { sortOrderOf, sortParam } from '../../shared/table-sort';
import { PageHeader } from '../../shared/ui/page-header';
import { tablePagination } from '../../shared/ui/table-pagination';
import { useDownload } from '../../shared/use-download';
import { useUrlListState } from '../../shared/use-url-list-state';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { OrgUnitTreeSelect } from '../org-units/org-unit-tree-select';
import { CourseFormDrawer } from './course-form-drawer';
import { TrainingStatusTag } from './training-labels';
import { exportCourses, listCourses, trainingKeys, type CourseFilters } from './training.api';

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  allowed.find((item) => item === value);
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = (value: string | null) => (value && DAY.test(value) ? value : undefined);

/** Tập huấn: the courses organised in the user's scope, with search, filters, sorting and Excel export. */
export function TrainingPage() {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const { params, page, pageSize, update, updateLater } = useUrlListState();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [creating, setCreating] = useState(false);
  const canWrite = hasAnyRole(user, WORKING_ROLES);

  const filters: CourseFilters = {
    q: params.get('q') ?? undefined,
    audience: pick(params.get('audience'), TRAINING_AUDIENCES),
    status: pick(params.get('status'), TRAINING_STATUSES),
    orgUnitId: params.get('orgUnitId') ?? undefined,
    from: day(params.get('from')),
    to: day(params.get('to')),
    sort: params.get('sort') ?? undefined,
  };
  const courses = useQuery({
    queryKey: trainingKeys.list(filters, page, pageSize),
    queryFn: () => listCourses(filters, page, pageSize),
    placeholderData: keepPreviousData,
  });
  const exportList = useDownload(() => exportCourses(filters));

  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(filters.sort, key) });
  const columns: TableColumnsType<TTrainingCourse> = [
    {
      title: t('training.field.title'),
      dataIndex: 'title',
      ...sortable('title'),
      render: (title: string, course) => (
        <>
          <Link to={`/training/${course.id}`}>
            <Typography.Text strong>{title}</Typography.Text>
          </Link>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {course.online ? t('training.online') : course.place}
          </Typography.Paragraph>
        </>
      ),
    },
    {
      title: t('training.field.audience'),
      dataIndex: 'audience',
      ...sortable('audience'),
      render: (audience: TTrainingAudience) => TRAINING_AUDIENCE_LABELS[audience][locale],
    },
    {
      title: t('training.field.dates'),
      ...sortable('startsOn'),
      render: (_: unknown, c) =>
        c.startsOn === c.endsOn ? formatDate(c.startsOn) : `${formatDate(c.startsOn)} – ${formatDate(c.endsOn)}`,
    },
    {
      title: t('training.field.orgUnit'),
      key: 'orgUnit',
      responsive: ['lg'],
      render: (_: unknown, c) => c.orgUnit.name,
    },
    { title: t('training.field.trainees'), dataIndex: 'traineeCount', align: 'right' },
    { title: t('training.field.certificates'), dataIndex: 'certificateCount', align: 'right', responsive: ['lg'] },
    {
      title: t('training.field.status'),
      dataIndex: 'status',
      ...sortable('status'),
      render: (status: TTrainingStatus) => <TrainingStatusTag status={status} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('training.title')}
        subtitle={t('training.subtitle')}
        actions={
          <>
            <Button icon={<DownloadOutlined />} loading={exportList.running} onClick={() => void exportList.run()}>
              {t('common.exportExcel')}
            </Button>
            {canWrite && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                data-testid="create-training-course"
                onClick={() => setCreating(true)}
              >
                {t('training.create')}
              </Button>
            )}
          </>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('training.searchLabel')}
          placeholder={t('training.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            updateLater({ q: event.target.value.trim() });
          }}
          style={{ width: 320 }}
        />
        <Select
          allowClear
          aria-label={t('training.filter.audience')}
          placeholder={t('training.filter.audience')}
          value={filters.audience}
          onChange={(value?: TTrainingAudience) => update({ audience: value })}
          options={TRAINING_AUDIENCES.map((a) => ({ value: a, label: TRAINING_AUDIENCE_LABELS[a][locale] }))}
          style={{ width: 240 }}
        />
        <Select
          allowClear
          aria-label={t('training.filter.status')}
          placeholder={t('training.filter.status')}
          value={filters.status}
          onChange={(value?: TTrainingStatus) => update({ status: value })}
          options={TRAINING_STATUSES.map((s) => ({ value: s, label: TRAINING_STATUS_LABELS[s][locale] }))}
          style={{ width: 160 }}
        />
        <OrgUnitTreeSelect
          allowClear
          aria-label={t('training.filter.unit')}
          placeholder={t('training.filter.unit')}
          value={filters.orgUnitId}
          onChange={(value?: string) => update({ orgUnitId: value })}
          style={{ width: 240 }}
        />
        <DatePicker.RangePicker
          aria-label={t('training.filter.period')}
          format="DD/MM/YYYY"
          allowEmpty={[true, true]}
          value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
          onChange={(range) => update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
        />
      </Flex>
      <Table<TTrainingCourse>
        rowKey="id"
        aria-label={t('training.tableLabel')}
        data-testid="training-courses"
        columns={columns}
        dataSource={courses.data?.items ?? []}
        loading={courses.isFetching}
        locale={{ emptyText: courses.isError ? errorText(courses.error, t) : t('training.empty') }}
        pagination={tablePagination(t, { page, pageSize, total: courses.data?.total ?? 0 }, (nextPage, nextSize) =>
          update({ page: nextPage, pageSize: nextSize }, true),
        )}
        onChange={(_pagination, _filters, sorter, extra) => {
          if (extra.action === 'sort') update({ sort: sortParam(sorter) });
        }}
        scroll={{ x: 900 }}
      />
      {creating && <CourseFormDrawer course={null} onClose={() => setCreating(false)} />}
    </>
  );
}
