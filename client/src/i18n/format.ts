import { currentLocale } from './locale';

const TIME_ZONE = 'Asia/Shanghai';

/** Integer fen → "¥12.34" (grouped, two decimals). */
export function formatMoney(fen: number): string {
  const yuan = new Intl.NumberFormat(currentLocale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Math.abs(fen) / 100);
  return `${fen < 0 ? '-' : ''}¥${yuan}`;
}

type DateInput = string | number | Date;

function format(value: DateInput, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(currentLocale(), { timeZone: TIME_ZONE, ...options }).format(new Date(value));
}

export const formatDate = (value: DateInput) => format(value, { dateStyle: 'medium' });

export const formatDateTime = (value: DateInput) => format(value, { dateStyle: 'medium', timeStyle: 'short' });

export const formatTime = (value: DateInput) => format(value, { timeStyle: 'short' });
