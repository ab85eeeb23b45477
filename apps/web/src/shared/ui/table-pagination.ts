import type { TablePaginationConfig } from 'antd';
import type { Translate } from '../../app/i18n/i18n';

/** Server-side paging for an antd Table, with the total shown in the UI language. */
export function tablePagination(
  t: Translate,
  state: { page: number; pageSize: number; total: number },
  onChange: (page: number, pageSize: number) => void,
): TablePaginationConfig {
  return {
    current: state.page,
    pageSize: state.pageSize,
    total: state.total,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (total, [from, to]) => t('common.pageTotal', { from, to, total }),
    onChange,
  };
}
