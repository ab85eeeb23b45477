import type { TProductDetail } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import { changedFields, inputOf, toCreateRequest } from './product-form';

const product: TProductDetail = {
  id: '00000000-0000-4000-8000-000000000001',
  guidanceYear: 2020,
  typeCode: 'video',
  title: 'Clip BHYT hộ gia đình',
  summary: '',
  body: 'Kịch bản',
  themeCodes: ['II.1.a'],
  audienceCodes: [],
  channelCodes: ['tv'],
  ownerUnit: { id: '00000000-0000-4000-8000-000000000002', code: 'P01', name: 'BHXH thành phố Hà Nội' },
  authors: ['Trần Văn B'],
  partnerOutlet: null,
  language: 'vi',
  calendarItem: null,
  status: 'draft',
  currentVersion: 2,
  readyAt: null,
  canEdit: true,
  version: 5,
  createdAt: '2026-01-02T03:00:00.000Z',
  updatedAt: '2026-01-03T03:00:00.000Z',
  files: [],
  stories: [],
};

describe('changedFields', () => {
  it('sends only what changed, with the version the form started from', () => {
    const input = { ...inputOf(product), title: ' Clip mới ', authors: ['Trần Văn B', 'Lê C '] };
    expect(changedFields(product, input)).toEqual({ title: 'Clip mới', authors: ['Trần Văn B', 'Lê C'], version: 5 });
  });

  it('sends the note with the change, and nothing else when nothing changed', () => {
    expect(changedFields(product, { ...inputOf(product), note: ' Theo góp ý ' })).toEqual({
      note: 'Theo góp ý',
      version: 5,
    });
    expect(changedFields(product, inputOf(product))).toEqual({ version: 5 });
  });
});

describe('toCreateRequest', () => {
  it('turns a blank partner outlet into none and drops a blank note', () => {
    const request = toCreateRequest({ ...inputOf(product), partnerOutlet: '  ', note: ' ' });
    expect(request.partnerOutlet).toBeNull();
    expect('note' in request).toBe(false);
  });
});
