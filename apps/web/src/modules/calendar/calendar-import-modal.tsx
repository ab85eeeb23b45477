import { CALENDAR_SHEET_HEADERS, type TImportReport } from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Modal, Spin, Table, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { calendarKeys, importCalendar } from './calendar.api';

type Rejected = TImportReport['rejected'][number];

/** The sheet's own header for a field the server names (`unitCode` → "Mã đơn vị"), as the officer sees it in Excel. */
const columnName = (field: string): string =>
  Object.hasOwn(CALENDAR_SHEET_HEADERS, field)
    ? CALENDAR_SHEET_HEADERS[field as keyof typeof CALENDAR_SHEET_HEADERS]
    : field;

/**
 * Checks an Excel file with a dry run and shows the per-row report; imports on confirmation. While any row is
 * rejected nothing can be imported (the server writes all rows or none).
 */
export function CalendarImportModal({ file, onClose }: { file: File; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [report, setReport] = useState<TImportReport | null>(null);

  const dryRun = useMutation({ mutationFn: () => importCalendar(file, true), onSuccess: setReport });
  const apply = useMutation({
    mutationFn: () => importCalendar(file, false),
    onSuccess: async (result) => {
      setReport(result);
      // Rows rejected at the real run (the data changed since the check): nothing was written; the report says why.
      if (!result.applied || result.rejected.length > 0) return;
      await queryClient.invalidateQueries({ queryKey: calendarKeys.all });
      message.success(t('calendar.import.done', { count: result.created + result.updated }));
      onClose();
    },
  });

  const { mutate: check } = dryRun;
  const checked = useRef(false);
  useEffect(() => {
    // Once per file, even when React replays effects in development.
    if (checked.current) return;
    checked.current = true;
    check();
  }, [check]);

  const rejected = report?.rejected ?? [];
  const count = (report?.created ?? 0) + (report?.updated ?? 0);
  const canApply = report !== null && rejected.length === 0 && count > 0;
  const failure = apply.error ?? dryRun.error;

  return (
    <Modal
      open
      width={800}
      title={t('calendar.import.title', { name: file.name })}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="apply"
          type="primary"
          disabled={!canApply}
          loading={apply.isPending}
          onClick={() => apply.mutate()}
          data-testid="calendar-import-confirm"
        >
          {t('calendar.import.confirm', { count })}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">
        {t('calendar.import.columns', { columns: Object.values(CALENDAR_SHEET_HEADERS).join(', ') })}
      </Typography.Paragraph>
      {dryRun.isPending && <Spin description={t('calendar.import.checking')} />}
      {failure && <Alert type="error" showIcon title={errorText(failure, t)} style={{ marginBottom: 16 }} />}
      {apply.data && !apply.data.applied && (
        <Alert type="info" showIcon title={t('calendar.import.recheck')} style={{ marginBottom: 16 }} />
      )}
      {report && (
        <>
          <Descriptions
            size="small"
            bordered
            column={2}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'created', label: t('calendar.import.toCreate'), children: count },
              { key: 'rejected', label: t('calendar.import.rejected'), children: rejected.length },
            ]}
          />
          {rejected.length > 0 ? (
            <>
              <Alert type="warning" showIcon title={t('calendar.import.fixFirst')} style={{ marginBottom: 16 }} />
              <Table<Rejected>
                size="small"
                aria-label={t('calendar.import.rejected')}
                rowKey={(row) => `${row.row}-${row.field ?? ''}-${row.message}`}
                dataSource={rejected}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                columns={[
                  { title: t('calendar.import.row'), dataIndex: 'row', width: 80 },
                  {
                    title: t('calendar.import.field'),
                    dataIndex: 'field',
                    width: 180,
                    render: (value?: string) => (value ? columnName(value) : t('common.none')),
                  },
                  { title: t('calendar.import.message'), dataIndex: 'message' },
                ]}
              />
            </>
          ) : (
            count === 0 && <Alert type="info" showIcon title={t('calendar.import.nothing')} />
          )}
        </>
      )}
    </Modal>
  );
}
