export const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${((part * 100) / whole).toFixed(1)} %`);

export const hours = (minutes: number) => (minutes / 60).toFixed(1);
