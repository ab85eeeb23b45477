import { Typography } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { diffRecords, showJson } from './json-diff';

const cell = { padding: '4px 8px', borderBottom: '1px solid #f0f0f0', verticalAlign: 'top' as const };

/** Before and after of an audit event side by side; changed keys are highlighted and announced. */
export function JsonDiffView({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useI18n();
  const rows = diffRecords(before, after);
  if (!rows.length) return <Typography.Text type="secondary">{t('audit.noDetails')}</Typography.Text>;

  return (
    <table style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' }}>
      <caption className="loa-visually-hidden">{t('audit.diffCaption')}</caption>
      <thead>
        <tr>
          <th scope="col" style={{ ...cell, width: 180, textAlign: 'start' }}>
            {t('audit.diff.field')}
          </th>
          <th scope="col" style={{ ...cell, textAlign: 'start' }}>
            {t('audit.diff.before')}
          </th>
          <th scope="col" style={{ ...cell, textAlign: 'start' }}>
            {t('audit.diff.after')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className={row.changed ? 'loa-diff-changed' : undefined}>
            <th scope="row" style={{ ...cell, textAlign: 'start', fontWeight: row.changed ? 600 : 400 }}>
              {row.key || t('audit.diff.value')}
              {row.changed && <span className="loa-visually-hidden"> ({t('audit.diff.changed')})</span>}
            </th>
            <td style={cell}>
              {row.inBefore ? (
                <pre className="loa-pre">{showJson(row.before)}</pre>
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              )}
            </td>
            <td style={cell}>
              {row.inAfter ? (
                <pre className="loa-pre">{showJson(row.after)}</pre>
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
