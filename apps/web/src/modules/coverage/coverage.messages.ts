/** UI strings of the guidance coverage (issue 9 §3): which themes reached which audiences or provinces in a period. */
export const coverageVi = {
  'nav.coverage': 'Độ phủ nội dung',
  'home.card.coverage':
    'Bản đồ nhiệt các nội dung tuyên truyền theo đối tượng và theo tỉnh: nội dung nào đã, chưa được truyền thông trong kỳ',

  'coverage.title': 'Độ phủ nội dung truyền thông',
  'coverage.subtitle': 'Nội dung theo hướng dẫn công tác truyền thông năm {year}; {unit}, từ {from} đến {to}',
  'coverage.open': 'Xem độ phủ nội dung truyền thông theo đối tượng và theo tỉnh',
  'coverage.controls': 'Cách xem bản đồ nhiệt',

  'coverage.axis.label': 'Xem theo',
  'coverage.axis.audiences': 'Đối tượng',
  'coverage.axis.provinces': 'Tỉnh, thành phố',
  'coverage.measure.label': 'Số liệu',
  'coverage.measure.all': 'Tất cả (sản phẩm, lượt đăng tải, hoạt động)',
  'coverage.measure.products': 'Sản phẩm truyền thông',
  'coverage.measure.publications': 'Lượt đăng tải, phát sóng',
  'coverage.measure.events': 'Hoạt động truyền thông trực tiếp',

  'coverage.note.audiences':
    'Hoạt động truyền thông trực tiếp không gắn đối tượng theo hướng dẫn nên chỉ được tính khi xem theo tỉnh, thành phố; sản phẩm chưa gắn đối tượng không hiện ở bảng này.',
  'coverage.note.provinces':
    'Mỗi cột tính các bản ghi của tỉnh và các đơn vị trực thuộc; bản ghi của các đơn vị Trung ương chỉ hiện khi xem theo đối tượng.',

  'coverage.heatmap.title': 'Bản đồ nhiệt: nội dung × {axis}',
  'coverage.heatmap.theme': 'Nội dung',
  'coverage.heatmap.none': 'chưa có',
  'coverage.heatmap.legendNone': 'Chưa có (0)',
  'coverage.heatmap.range': '{min} – {max}',
  'coverage.heatmap.rangeOpen': 'Từ {min}',
  'coverage.heatmap.value': 'Giá trị: {value}',
  'coverage.heatmap.products': 'Sản phẩm: {count}',
  'coverage.heatmap.publications': 'Lượt đăng tải, phát sóng: {count}',
  'coverage.heatmap.events': 'Hoạt động trực tiếp: {count}',
  'coverage.heatmap.noThemes': 'Chưa có danh mục nội dung tuyên truyền cho kỳ này',

  'coverage.uncovered.title': 'Nội dung chưa được truyền thông',
  'coverage.uncovered.count': '{count} nội dung không có số liệu nào trong kỳ ({measure})',
  'coverage.uncovered.none': 'Mọi nội dung đều đã được truyền thông trong kỳ',
} as const;

export const coverageEn: Record<keyof typeof coverageVi, string> = {
  'nav.coverage': 'Guidance coverage',
  'home.card.coverage':
    'A heatmap of the guidance themes by audience and by province: what has and has not been communicated in the period',

  'coverage.title': 'Coverage of the communication guidance',
  'coverage.subtitle': 'Themes of the {year} communication guidance; {unit}, from {from} to {to}',
  'coverage.open': 'See which guidance themes reached which audiences and provinces',
  'coverage.controls': 'Heatmap view',

  'coverage.axis.label': 'View by',
  'coverage.axis.audiences': 'Audience',
  'coverage.axis.provinces': 'Province',
  'coverage.measure.label': 'Figures',
  'coverage.measure.all': 'All (products, publications, events)',
  'coverage.measure.products': 'Communication products',
  'coverage.measure.publications': 'Publications and broadcasts',
  'coverage.measure.events': 'Direct communication events',

  'coverage.note.audiences':
    'Direct events carry no guidance audience, so they count only in the view by province; products without an audience do not show in this table.',
  'coverage.note.provinces':
    'Each column counts the records of the province and the units below it; records of central units show only in the view by audience.',

  'coverage.heatmap.title': 'Heatmap: themes × {axis}',
  'coverage.heatmap.theme': 'Theme',
  'coverage.heatmap.none': 'none',
  'coverage.heatmap.legendNone': 'None (0)',
  'coverage.heatmap.range': '{min} – {max}',
  'coverage.heatmap.rangeOpen': '{min} and more',
  'coverage.heatmap.value': 'Value: {value}',
  'coverage.heatmap.products': 'Products: {count}',
  'coverage.heatmap.publications': 'Publications and broadcasts: {count}',
  'coverage.heatmap.events': 'Direct events: {count}',
  'coverage.heatmap.noThemes': 'There is no catalog of guidance themes for this period',

  'coverage.uncovered.title': 'Themes not communicated',
  'coverage.uncovered.count': '{count} themes with nothing in the period ({measure})',
  'coverage.uncovered.none': 'Every theme was communicated in the period',
} as const;
