import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Segmented, Upload } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { XLSX_CONTENT_TYPE } from '../../shared/excel-import';
import { PageHeader } from '../../shared/ui/page-header';
import { useCurrentUser } from '../auth/session';
import { ImportModal } from './import-modal';
import { exportUnits } from './org-units.api';
import { OrgTreeView } from './org-tree-view';
import { OrgUnitsTable } from './org-units-table';
import { useDownload } from '../../shared/use-download';

type View = 'tree' | 'list';

/** Cơ cấu tổ chức: the org tree (or a list) of the user's scope; administrators maintain it here. */
export function OrgUnitsPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const [importFile, setImportFile] = useState<File | null>(null);
  const isAdmin = user.roles.includes('admin');
  const view: View = params.get('view') === 'list' ? 'list' : 'tree';
  const selectedId = params.get('unit');

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );

  const exportList = useDownload(() => exportUnits());

  return (
    <>
      <PageHeader
        title={t('orgUnits.title')}
        subtitle={t('orgUnits.subtitle')}
        actions={
          <>
            <Segmented<View>
              aria-label={t('orgUnits.viewLabel')}
              value={view}
              onChange={(next) => update({ view: next === 'list' ? 'list' : null })}
              options={[
                { value: 'tree', label: t('orgUnits.viewTree') },
                { value: 'list', label: t('orgUnits.viewList') },
              ]}
            />
            {isAdmin && (
              <>
                <Button icon={<DownloadOutlined />} loading={exportList.running} onClick={() => void exportList.run()}>
                  {t('common.exportExcel')}
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
              </>
            )}
          </>
        }
      />
      {view === 'tree' ? (
        <OrgTreeView selectedId={selectedId} canManage={isAdmin} onSelect={(id) => update({ unit: id })} />
      ) : (
        <OrgUnitsTable onOpen={(id) => update({ unit: id, view: null })} />
      )}
      {importFile && (
        <ImportModal
          key={`${importFile.name}-${importFile.lastModified}`}
          file={importFile}
          onClose={() => setImportFile(null)}
        />
      )}
    </>
  );
}
