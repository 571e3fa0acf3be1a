/**
 * Phone numbers as people read them. Region data and directories store digits only (ready for
 * `tel:`); North American numbers are shown grouped ("1-800-799-7233", "519-555-0100") and
 * short codes as they are ("211", "988").
 */
export function formatPhone(digits: string): string {
  const plain = digits.replace(/^\+/, '');
  if (/^1\d{10}$/.test(plain)) return `1-${plain.slice(1, 4)}-${plain.slice(4, 7)}-${plain.slice(7)}`;
  if (/^\d{10}$/.test(plain)) return `${plain.slice(0, 3)}-${plain.slice(3, 6)}-${plain.slice(6)}`;
  return digits;
}
