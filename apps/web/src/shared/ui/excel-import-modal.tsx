import type { TImportReport } from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Modal, Spin, Table } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n, type MessageKey } from '../../app/i18n/i18n';
import { errorText } from '../errors';

type Rejected = TImportReport['rejected'][number];

/** A screen's import strings: `<prefix>.title`, `.checking`, `.recheck`, `.toCreate`, `.toUpdate` (with
 * `showUpdated`), `.rejected`, `.fixFirst`, `.row`, `.field`, `.message`, `.nothing`, `.confirm`, `.done`. */
type ImportPrefix = { [K in MessageKey]: K extends `${infer P}.import.title` ? `${P}.import` : never }[MessageKey];

interface Props {
  file: File;
  onClose: () => void;
  /** Sends the file; `dryRun` only reports. A report with rejected rows means nothing was written. */
  run: (file: File, dryRun: boolean) => Promise<TImportReport>;
  /** Cached queries to refresh after a successful import. */
  queryKey: readonly unknown[];
  prefix: ImportPrefix;
  /** Whether the import can update existing records (shows "to update" beside "to create"). */
  showUpdated?: boolean;
  /** The spreadsheet's name for a field the server reports. */
  fieldLabel?: (field: string) => string;
  /** Shown above the report (e.g. the expected columns). */
  intro?: ReactNode;
  confirmTestId?: string;
  width?: number;
}

/**
 * Checks an Excel file with a dry run, shows what would be written and every rejected row, then imports on
 * confirmation. While any row is rejected nothing can be imported.
 */
export function ExcelImportModal({ file, onClose, run, queryKey, prefix, showUpdated = false, ...props }: Props) {
  const { t } = useI18n();
  const text = (name: string, params?: Record<string, unknown>) => t(`${prefix}.${name}` as MessageKey, params);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [report, setReport] = useState<TImportReport | null>(null);

  const dryRun = useMutation({ mutationFn: () => run(file, true), onSuccess: setReport });
  const apply = useMutation({
    mutationFn: () => run(file, false),
    onSuccess: async (result) => {
      setReport(result);
      // Rows rejected at the real run (the data changed since the check): nothing was written; the report says why.
      if (!result.applied || result.rejected.length > 0) return;
      await queryClient.invalidateQueries({ queryKey });
      const { created, updated } = result;
      message.success(text('done', { created, updated, count: created + updated }));
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
  const counts = [
    { key: 'created', label: text('toCreate'), children: showUpdated ? (report?.created ?? 0) : count },
    ...(showUpdated ? [{ key: 'updated', label: text('toUpdate'), children: report?.updated ?? 0 }] : []),
    { key: 'rejected', label: text('rejected'), children: rejected.length },
  ];

  return (
    <Modal
      open
      width={props.width ?? 780}
      title={text('title', { name: file.name })}
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
          data-testid={props.confirmTestId}
        >
          {text('confirm', { count })}
        </Button>,
      ]}
    >
      {props.intro}
      {dryRun.isPending && <Spin description={text('checking')} />}
      {failure && <Alert type="error" showIcon title={errorText(failure, t)} style={{ marginBottom: 16 }} />}
      {apply.data && !apply.data.applied && (
        <Alert type="info" showIcon title={text('recheck')} style={{ marginBottom: 16 }} />
      )}
      {report && (
        <>
          <Descriptions size="small" bordered column={counts.length} style={{ marginBottom: 16 }} items={counts} />
          {rejected.length > 0 ? (
            <>
              <Alert type="warning" showIcon title={text('fixFirst')} style={{ marginBottom: 16 }} />
              <Table<Rejected>
                size="small"
                aria-label={text('rejected')}
                rowKey={(row) => `${row.row}-${row.field ?? ''}-${row.message}`}
                dataSource={rejected}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                columns={[
                  { title: text('row'), dataIndex: 'row', width: 80 },
                  {
                    title: text('field'),
                    dataIndex: 'field',
                    width: 180,
                    render: (value?: string) => (value ? (props.fieldLabel?.(value) ?? value) : t('common.none')),
                  },
                  { title: text('message'), dataIndex: 'message' },
                ]}
              />
            </>
          ) : (
            count === 0 && <Alert type="info" showIcon title={text('nothing')} />
          )}
        </>
      )}
    </Modal>
  );
}
