import { describe, expect, it } from 'vitest';
import {
  ZCreateAcceptanceRequest,
  ZCreateContractPaymentRequest,
  ZCreatePressContractRequest,
  deliveredOf,
  linesBeyondDelivered,
  paysBeyondValue,
  progressPercent,
  remainingToPay,
} from './press-contracts.js';

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);

describe('press contract arithmetic', () => {
  it('counts delivery per deliverable from the linked quantities', () => {
    const links = [
      { deliverableId: 'a', quantity: 1 },
      { deliverableId: 'b', quantity: 25 },
      { deliverableId: 'a', quantity: 1 },
      { deliverableId: 'b', quantity: 10 },
    ];
    expect(deliveredOf('a', links)).toBe(2);
    expect(deliveredOf('b', links)).toBe(35);
    expect(deliveredOf('c', links)).toBe(0);
  });

  it('finds the acceptance lines that go beyond what was delivered, cumulatively', () => {
    const figures = new Map([
      ['a', { delivered: 4, accepted: 3 }],
      ['b', { delivered: 60, accepted: 0 }],
    ]);
    expect(linesBeyondDelivered([{ deliverableId: 'a', quantity: 1 }], figures)).toEqual([]);
    expect(linesBeyondDelivered([{ deliverableId: 'a', quantity: 2 }], figures)).toEqual([0]);
    // The same deliverable twice adds up: the second line is the one that crosses.
    expect(
      linesBeyondDelivered(
        [
          { deliverableId: 'b', quantity: 40 },
          { deliverableId: 'a', quantity: 1 },
          { deliverableId: 'b', quantity: 30 },
        ],
        figures,
      ),
    ).toEqual([2]);
    expect(linesBeyondDelivered([{ deliverableId: 'unknown', quantity: 1 }], figures)).toEqual([0]);
  });

  it('tells when a payment goes beyond the value and what remains', () => {
    expect(paysBeyondValue(120_000_000, 100_000_000, 20_000_000)).toBe(false);
    expect(paysBeyondValue(120_000_000, 100_000_000, 20_000_001)).toBe(true);
    expect(remainingToPay(120_000_000, 100_000_000)).toBe(20_000_000);
    expect(remainingToPay(120_000_000, 130_000_000)).toBe(-10_000_000);
  });

  it('shows progress as a whole percentage capped at 100', () => {
    expect(progressPercent(1, 3)).toBe(33);
    expect(progressPercent(5, 4)).toBe(100);
    expect(progressPercent(0, 0)).toBe(0);
  });
});

describe('press contract requests', () => {
  it('refuses fractional and negative money, field by field', () => {
    const result = ZCreateContractPaymentRequest.safeParse({
      amount: 10.5,
      paidOn: '2026-02-30',
      voucherNo: '',
      description: 'x',
    });
    expect(issues(result)).toEqual(
      expect.arrayContaining([
        ['amount', 'validation.invalid_amount'],
        ['paidOn', 'validation.invalid_date'],
        ['voucherNo', 'validation.required'],
      ]),
    );
    expect(
      issues(
        ZCreateContractPaymentRequest.safeParse({ amount: -1, paidOn: '2026-02-01', voucherNo: 'A', description: 'x' }),
      ),
    ).toEqual([['amount', 'validation.invalid_amount']]);
  });

  it('refuses a period that ends before it starts', () => {
    const result = ZCreatePressContractRequest.safeParse({
      number: '01/HĐ',
      title: 'Tuyên truyền',
      outletId: '7d0f3d2e-4a51-4c1b-9a55-2f0c7f0d1a11',
      value: 1_000_000,
      year: 2026,
      periodFrom: '2026-05-01',
      periodTo: '2026-04-30',
    });
    expect(issues(result)).toEqual([['periodTo', 'validation.end_before_start']]);
  });

  it('needs at least one acceptance line with a whole positive quantity', () => {
    expect(issues(ZCreateAcceptanceRequest.safeParse({ acceptedOn: '2026-06-01', lines: [] }))).toEqual([
      ['lines', 'validation.required'],
    ]);
    const line = { deliverableId: '7d0f3d2e-4a51-4c1b-9a55-2f0c7f0d1a11', quantity: 0 };
    expect(issues(ZCreateAcceptanceRequest.safeParse({ acceptedOn: '2026-06-01', lines: [line] }))).toEqual([
      ['lines.0.quantity', 'validation.invalid_quantity'],
    ]);
  });
});
