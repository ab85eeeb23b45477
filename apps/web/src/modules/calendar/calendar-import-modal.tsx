import { CALENDAR_SHEET_HEADERS } from '@loa/contracts';
import { Typography } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { ExcelImportModal } from '../../shared/ui/excel-import-modal';
import { calendarKeys, importCalendar } from './calendar.api';

/** The sheet's own header for a field the server names (`unitCode` → "Mã đơn vị"), as the officer sees it in Excel. */
const columnName = (field: string): string =>
  Object.hasOwn(CALENDAR_SHEET_HEADERS, field)
    ? CALENDAR_SHEET_HEADERS[field as keyof typeof CALENDAR_SHEET_HEADERS]
    : field;

/**
 * Checks an Excel file of calendar items with a dry run and shows the per-row report; imports on confirmation.
 * While any row is rejected nothing can be imported (the server writes all rows or none).
 */
export function CalendarImportModal({ file, onClose }: { file: File; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <ExcelImportModal
      file={file}
      onClose={onClose}
      run={importCalendar}
      queryKey={calendarKeys.all}
      prefix="calendar.import"
      fieldLabel={columnName}
      confirmTestId="calendar-import-confirm"
      width={800}
      intro={
        <Typography.Paragraph type="secondary">
          {t('calendar.import.columns', { columns: Object.values(CALENDAR_SHEET_HEADERS).join(', ') })}
        </Typography.Paragraph>
      }
    />
  );
}
