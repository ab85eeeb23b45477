/** UI strings of the colleague picker (Vietnamese). */
export const peopleVi = {
  'people.pick': 'Chọn người thực hiện (gõ tên, không cần dấu)',
  'people.loadError': 'Không tải được danh sách cán bộ',
};

/** UI strings of the colleague picker (English). */
export const peopleEn: Record<keyof typeof peopleVi, string> = {
  'people.pick': 'Choose an assignee (type a name, accents optional)',
  'people.loadError': 'Could not load the list of colleagues',
};
