import type { LightMyRequestResponse } from 'fastify';
import type { Session, TestApp } from '../test-app.js';
import type { Owner } from './world.js';

export interface Place {
  code: Owner;
  unitId: string;
  provinceCode: string;
  districtCode: string | null;
}

export interface Made {
  /** The ids already made for the same owner, by kind (a publication needs that unit's product). */
  ids: Map<string, string>;
  session: Session;
  admin: Session;
  place: Place;
  rootId: string;
  t: TestApp;
}

/** One unit-scoped kind of record: where its detail lives, its table, and how its owner makes one through the API. */
export interface FixtureKind {
  kind: string;
  /** The path template of its detail (or of the routes on it): `/api/plans/{id}` covers `/api/plans/{id}/submit`. */
  prefix: string;
  table: string;
  owners: ('P01' | 'D001')[];
  /** Made by the unit's leader rather than its officer. */
  leader?: boolean;
  /** Why every officer may read it whatever its unit (its writes stay the owner's): reads are not scope-checked. */
  readableEverywhere?: string;
  make(made: Made): Promise<LightMyRequestResponse | string>;
}

const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
/** A month still open for proposals (the deadline is in the month before): the one after next. */
const openMonth = () => {
  const d = new Date();
  const next = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 2, 1));
  const last = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 0));
  return { from: next.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
};
const pdf = (name: string) => Buffer.from(`%PDF-1.7\n% ${name}\n%%EOF\n`);

/** The unit-scoped kinds the matrix builds, one table: path template → kind. */
export const FIXTURE_KINDS: FixtureKind[] = [
  {
    kind: 'plan',
    prefix: '/api/plans/{id}',
    table: 'plans',
    owners: ['P01', 'D001'],
    make: ({ session, place }) =>
      session.post('/api/plans', {
        orgUnitId: place.unitId,
        year: 2030,
        title: `Kế hoạch truyền thông ${place.code} 2030`,
      }),
  },
  {
    kind: 'proposal',
    prefix: '/api/proposals/{id}',
    table: 'proposals',
    owners: ['P01'],
    make: ({ session, place }) =>
      session.post('/api/proposals', {
        kind: 'monthly',
        title: `Đề xuất truyền thông BHYT hộ gia đình của ${place.code}`,
        description: 'Tọa đàm trên truyền hình về BHYT hộ gia đình.',
        guidanceYear: 2020,
        themeCodes: ['II.1.b'],
        audienceCodes: ['I.4'],
        formCodes: ['III.3'],
        channelCodes: ['facebook'],
        periodFrom: openMonth().from,
        periodTo: openMonth().to,
      }),
  },
  {
    kind: 'product',
    prefix: '/api/products/{id}',
    table: 'products',
    owners: ['P01'],
    make: ({ session, place }) =>
      session.post('/api/products', {
        guidanceYear: 2020,
        typeCode: 'article',
        title: `Lương hưu cho lao động tự do — ${place.code}`,
        themeCodes: ['II.1.a'],
        audienceCodes: ['I.2'],
        channelCodes: ['tv'],
      }),
  },
  {
    kind: 'publication',
    prefix: '/api/publications/{id}',
    table: 'publications',
    owners: ['P01'],
    readableEverywhere: 'a publication publishes its product, and a published product is every officer’s (§III.4)',
    make: async ({ session, place, t }) => {
      // Its own product (the world's `product` stays a draft of its unit), made ready by a direct update:
      // the appraisal flow is not what the matrix is about.
      const product = await session.post('/api/products', {
        guidanceYear: 2020,
        typeCode: 'article',
        title: `BHXH tự nguyện cho lao động tự do — ${place.code}`,
        themeCodes: ['II.1.a'],
        audienceCodes: ['I.2'],
        channelCodes: ['facebook'],
      });
      if (product.statusCode !== 201) return product;
      const productId = product.json<{ id: string }>().id;
      await t.db.pool.query(
        `UPDATE products SET status = 'ready', ready_at = now() - interval '2 days' WHERE id = $1`,
        [productId],
      );
      return session.post('/api/publications', {
        productId,
        channel: 'facebook',
        outlet: `Fanpage BHXH ${place.code}`,
        url: `https://facebook.com/bhxh${place.code.toLowerCase()}/posts/1`,
        publishedAt: new Date(Date.now() - DAY).toISOString(),
      });
    },
  },
  {
    kind: 'story',
    prefix: '/api/stories/{id}',
    table: 'stories',
    owners: ['P01'],
    make: ({ session, place }) =>
      session.post('/api/stories', {
        kind: 'good_person',
        title: `Chị Lan – đại lý thu vận động người tham gia BHXH tự nguyện (${place.code})`,
        story: 'Chị Lan đi từng nhà giải thích lợi ích của BHXH tự nguyện.',
        people: [{ name: 'Nguyễn Thị Lan', role: 'Nhân viên đại lý thu' }],
        occurredOn: '2026-03-15',
        guidanceYear: 2020,
        themes: ['II.1.g'],
      }),
  },
  {
    kind: 'event',
    prefix: '/api/events/{id}',
    table: 'events',
    owners: ['D001'],
    make: ({ session, place }) =>
      session.post('/api/events', {
        kind: 'dialogue',
        title: `Đối thoại chính sách BHXH tự nguyện với hộ kinh doanh (${place.code})`,
        orgUnitId: place.unitId,
        startsAt: '2030-03-10T08:00:00+07:00',
        endsAt: '2030-03-10T11:00:00+07:00',
        provinceCode: place.provinceCode,
        districtCode: place.districtCode,
        address: 'Nhà văn hóa tổ dân phố 5',
        segments: ['household_business'],
        partners: ['post_office'],
        plannedAttendance: 40,
        costVnd: 4_500_000,
      }),
  },
  {
    kind: 'agent',
    prefix: '/api/agents/{id}',
    table: 'collection_agents',
    owners: ['P01'],
    make: ({ session, place }) =>
      session.post('/api/agents', {
        type: 'commune_agent',
        name: `Đại lý thu xã Hòa Bình ${place.code}`,
        address: 'Nhà văn hóa thôn Đông, xã Hòa Bình',
        provinceCode: place.provinceCode,
        communeCode: '10198',
        phones: ['+84 912 000 111'],
      }),
  },
  {
    kind: 'course',
    prefix: '/api/training/courses/{id}',
    table: 'training_courses',
    owners: ['P01'],
    make: ({ session, place }) =>
      session.post('/api/training/courses', {
        title: `Tập huấn kỹ năng truyền thông ${place.code}`,
        audience: 'communication_staff',
        orgUnitId: place.unitId,
        startsOn: '2030-05-06',
        endsOn: '2030-05-07',
        place: 'Hội trường tầng 3',
      }),
  },
  {
    kind: 'campaign',
    prefix: '/api/campaigns/{id}',
    table: 'campaigns',
    owners: ['P01'],
    make: ({ session, place }) =>
      session.post('/api/campaigns', {
        name: `Phát động BHXH tự nguyện tại ${place.code}`,
        startsOn: day(-5),
        endsOn: day(25),
        ownerUnitId: place.unitId,
        participatingUnitIds: [place.unitId],
      }),
  },
  {
    kind: 'feedback',
    prefix: '/api/feedback/{id}',
    table: 'feedback',
    owners: ['P01', 'D001'],
    make: ({ session, place }) =>
      session.post('/api/feedback', {
        title: `Vướng mắc về mức đóng BHXH tự nguyện (${place.code})`,
        description: 'Người tham gia hỏi mức đóng thấp nhất khi thu nhập thay đổi giữa năm.',
        category: 'collection',
      }),
  },
  {
    kind: 'press-request',
    prefix: '/api/press/requests/{id}',
    table: 'press_requests',
    owners: ['P01'],
    make: ({ session, place }) =>
      session.post('/api/press/requests', {
        outletName: 'Báo Lao Động',
        journalistName: 'Trần Thị Phóng Viên',
        topic: `Chậm đóng BHXH tại doanh nghiệp (${place.code})`,
        questions: '1. Số doanh nghiệp chậm đóng? 2. Biện pháp xử lý?',
        receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
        deadline: new Date(Date.now() + 2 * DAY).toISOString(),
      }),
  },
  {
    kind: 'allocation',
    prefix: '/api/budget/allocations/{id}',
    table: 'budget_allocations',
    owners: ['P01'],
    make: ({ admin, place, rootId }) =>
      admin.post('/api/budget/allocations', {
        year: 2030,
        fromUnitId: rootId,
        toUnitId: place.unitId,
        category: 'printing',
        amount: 9_000_000,
        decisionNo: `QĐ-${place.code}`,
        decidedOn: '2030-02-01',
      }),
  },
  {
    kind: 'expenditure',
    prefix: '/api/budget/expenditures/{id}',
    table: 'budget_expenditures',
    owners: ['P01'],
    make: ({ session, place }) =>
      session.post('/api/budget/expenditures', {
        unitId: place.unitId,
        category: 'printing',
        amount: 2_400_000,
        spentOn: '2030-07-14',
        description: 'In 2.000 tờ gấp BHXH tự nguyện',
        voucherNo: `IN-${place.code}`,
      }),
  },
  {
    kind: 'incident',
    prefix: '/api/incidents/{id}',
    table: 'incidents',
    owners: ['P01'],
    make: ({ session, place }) =>
      session.post('/api/incidents', {
        title: `Mạo danh BHXH ${place.code}`,
        guide: { reach: 'viral', falsity: 'false', officialsNamed: true, legalRisk: true },
      }),
  },
  {
    kind: 'report',
    prefix: '/api/reports/{id}',
    table: 'reports',
    owners: ['P01'],
    leader: true,
    make: ({ session, place }) =>
      session.post('/api/reports', { orgUnitId: place.unitId, period: { kind: 'year', year: 2025, number: 1 } }),
  },
  {
    kind: 'file',
    prefix: '/api/files/{id}',
    table: 'files',
    owners: ['P01'],
    make: ({ session, place }) =>
      session.post('/api/files', pdf(place.code), {
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent(`Hóa đơn ${place.code}.pdf`),
      }),
  },
  {
    kind: 'monitoring-query',
    prefix: '/api/monitoring/queries/{id}',
    table: 'monitoring_queries',
    owners: ['P01'],
    make: ({ session, place }) =>
      session.post('/api/monitoring/queries', { name: `Nợ đóng BHXH ${place.code}`, text: '"nợ đóng" AND BHXH' }),
  },
  {
    kind: 'alert-rule',
    prefix: '/api/monitoring/alert-rules/{id}',
    table: 'monitoring_alert_rules',
    owners: ['P01'],
    make: ({ session, place }) =>
      session.post('/api/monitoring/alert-rules', {
        name: `Mạo danh BHXH ${place.code}`,
        flags: ['scam_impersonation'],
      }),
  },
  {
    kind: 'calendar-item',
    prefix: '/api/calendar/{id}',
    table: 'calendar_items',
    owners: ['P01', 'D001'],
    make: ({ session, place }) =>
      session.post('/api/calendar', { title: `Lễ phát động BHXH tự nguyện ${place.code}`, startsOn: '2030-04-10' }),
  },
  {
    kind: 'restriction',
    prefix: '/api/restrictions/{id}',
    table: 'restrictions',
    owners: ['P01'],
    leader: true,
    make: ({ session, place }) =>
      session.post('/api/restrictions', {
        orgUnitId: place.unitId,
        startsOn: '2031-06-01',
        endsOn: '2031-06-30',
        basisText: `Chỉ thị về phòng, chống dịch (${place.code})`,
      }),
  },
  {
    kind: 'user',
    prefix: '/api/users/{id}',
    table: 'users',
    owners: ['P01'],
    make: async ({ session }) => session.user.id,
  },
];
