import { ExcelImportModal } from '../../shared/ui/excel-import-modal';
import { importUnits, orgUnitKeys } from './org-units.api';

/** Checks an Excel file of units with a dry run, shows what would change and what is rejected, then imports. */
export function ImportModal({ file, onClose }: { file: File; onClose: () => void }) {
  return (
    <ExcelImportModal
      file={file}
      onClose={onClose}
      run={importUnits}
      queryKey={orgUnitKeys.all}
      prefix="orgUnits.import"
      showUpdated
      width={760}
    />
  );
}
