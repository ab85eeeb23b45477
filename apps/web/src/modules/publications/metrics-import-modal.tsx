import { METRICS_SHEET_HEADERS } from '@loa/contracts';
import { Typography } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { ExcelImportModal } from '../../shared/ui/excel-import-modal';
import { importMetrics, publicationKeys } from './publications.api';

/** The template's header for a field the server names (`views` → "Lượt xem"), as the officer sees it. */
const columnName = (field: string): string =>
  Object.hasOwn(METRICS_SHEET_HEADERS, field)
    ? METRICS_SHEET_HEADERS[field as keyof typeof METRICS_SHEET_HEADERS]
    : field;

/**
 * Checks an Excel or CSV file of reach figures with a dry run and shows the per-row report; records on confirmation.
 * While any row is rejected nothing can be recorded (the server writes all rows or none).
 */
export function MetricsImportModal({ file, onClose }: { file: File; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <ExcelImportModal
      file={file}
      onClose={onClose}
      run={importMetrics}
      queryKey={publicationKeys.all}
      prefix="publications.import"
      fieldLabel={columnName}
      confirmTestId="publications-import-confirm"
      intro={<Typography.Paragraph type="secondary">{t('publications.import.columns')}</Typography.Paragraph>}
    />
  );
}
