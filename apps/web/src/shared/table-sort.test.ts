import { describe, expect, it } from 'vitest';
import { sortOrderOf, sortParam } from './table-sort';

describe('sortParam', () => {
  it('turns an antd sorter into the API sort parameter', () => {
    expect(sortParam({ columnKey: 'fullName', order: 'ascend' })).toBe('fullName');
    expect(sortParam({ columnKey: 'createdAt', order: 'descend' })).toBe('-createdAt');
    expect(sortParam([{ field: 'username', order: 'ascend' }])).toBe('username');
  });

  it('returns undefined when sorting is cleared', () => {
    expect(sortParam({ columnKey: 'fullName', order: null })).toBeUndefined();
    expect(sortParam([])).toBeUndefined();
  });
});

describe('sortOrderOf', () => {
  it('reads the sort parameter back for a column', () => {
    expect(sortOrderOf('-lastLoginAt', 'lastLoginAt')).toBe('descend');
    expect(sortOrderOf('fullName', 'fullName')).toBe('ascend');
    expect(sortOrderOf('fullName', 'username')).toBeNull();
  });
});
