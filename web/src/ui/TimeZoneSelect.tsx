/** A native select of IANA time zones (the browser's list), so keyboards and phones handle it well. */
import { useMemo } from 'react';

export function timeZones(current?: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const set = new Set(['UTC', ...all]);
  if (current) set.add(current);
  return [...set].sort((a, b) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b)));
}

export function TimeZoneSelect({ value, onChange, ...rest }: { value: string; onChange(zone: string): void } & Omit<React.SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'>) {
  const zones = useMemo(() => timeZones(value), [value]);
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} {...rest}>
      {zones.map((z) => <option key={z} value={z}>{z.replace(/_/g, ' ')}</option>)}
    </select>
  );
}
