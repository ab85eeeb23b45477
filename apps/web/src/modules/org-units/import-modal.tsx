import type { TImportReport } from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Modal, Spin, Table } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { importUnits, orgUnitKeys } from './org-units.api';

type Rejected = TImportReport['rejected'][number];

/** Checks an Excel file with a dry run, shows what would change and what is rejected, then imports on confirmation. */
export function ImportModal({ file, onClose }: { file: File; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [report, setReport] = useState<TImportReport | null>(null);

  const dryRun = useMutation({ mutationFn: () => importUnits(file, true), onSuccess: setReport });
  const apply = useMutation({
    mutationFn: () => importUnits(file, false),
    onSuccess: async (result) => {
      setReport(result);
      // Rows rejected at the real run (the data changed since the check): nothing was written; the report says why.
      if (!result.applied || result.rejected.length > 0) return;
      await queryClient.invalidateQueries({ queryKey: orgUnitKeys.all });
      message.success(t('orgUnits.import.done', { created: result.created, updated: result.updated }));
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
  const canApply = report !== null && rejected.length === 0 && report.created + report.updated > 0;
  const failure = apply.error ?? dryRun.error;

  return (
    <Modal
      open
      width={760}
      title={t('orgUnits.import.title', { name: file.name })}
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
        >
          {t('orgUnits.import.confirm')}
        </Button>,
      ]}
    >
      {dryRun.isPending && <Spin description={t('orgUnits.import.checking')} />}
      {failure && <Alert type="error" showIcon title={errorText(failure, t)} style={{ marginBottom: 16 }} />}
      {apply.data && !apply.data.applied && (
        <Alert type="info" showIcon title={t('orgUnits.import.recheck')} style={{ marginBottom: 16 }} />
      )}
      {report && (
        <>
          <Descriptions
            size="small"
            bordered
            column={3}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'created', label: t('orgUnits.import.toCreate'), children: report.created },
              { key: 'updated', label: t('orgUnits.import.toUpdate'), children: report.updated },
              { key: 'rejected', label: t('orgUnits.import.rejected'), children: rejected.length },
            ]}
          />
          {rejected.length > 0 ? (
            <>
              <Alert type="warning" showIcon title={t('orgUnits.import.fixFirst')} style={{ marginBottom: 16 }} />
              <Table<Rejected>
                size="small"
                aria-label={t('orgUnits.import.rejected')}
                rowKey={(row) => `${row.row}-${row.field ?? ''}-${row.message}`}
                dataSource={rejected}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                columns={[
                  { title: t('orgUnits.import.row'), dataIndex: 'row', width: 80 },
                  {
                    title: t('orgUnits.import.field'),
                    dataIndex: 'field',
                    width: 160,
                    render: (v?: string) => v ?? '—',
                  },
                  { title: t('orgUnits.import.message'), dataIndex: 'message' },
                ]}
              />
            </>
          ) : (
            report.created + report.updated === 0 && <Alert type="info" showIcon title={t('orgUnits.import.nothing')} />
          )}
        </>
      )}
    </Modal>
  );
}
