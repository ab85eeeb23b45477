import type { TablePaginationConfig } from 'antd';
import type { Translate } from '../../app/i18n/i18n';
import { formatUiCount } from '../../app/i18n/numbers';

/**
 * Server-side paging for an antd Table, with the total shown in the UI language and its digit grouping; a capped total (the server stopped
 * counting, decision 0053) reads "more than".
 */
export function tablePagination(
  t: Translate,
  state: { page: number; pageSize: number; total: number; totalCapped?: boolean | undefined },
  onChange: (page: number, pageSize: number) => void,
): TablePaginationConfig {
  return {
    current: state.page,
    pageSize: state.pageSize,
    total: state.total,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (total, [from, to]) =>
      t(state.totalCapped ? 'common.pageTotalCapped' : 'common.pageTotal', {
        from: formatUiCount(from),
        to: formatUiCount(to),
        total: formatUiCount(total),
      }),
    onChange,
  };
}
