/** antd's column sort order. */
export type SortOrder = 'ascend' | 'descend' | null;

/** The antd sort order of `field` under the API's `sort` parameter ("name" or "-name"). */
export function sortOrderOf(sort: string | undefined, field: string): SortOrder {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}

interface SorterLike {
  columnKey?: unknown;
  field?: unknown;
  order?: SortOrder | undefined;
}

/** The API's `sort` parameter for an antd Table sorter; undefined when sorting was cleared. */
export function sortParam(sorter: SorterLike | SorterLike[]): string | undefined {
  const first = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!first?.order) return undefined;
  const key = first.columnKey ?? first.field;
  if (typeof key !== 'string') return undefined;
  return first.order === 'descend' ? `-${key}` : key;
}
