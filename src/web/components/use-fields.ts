// Form state: one object of field values with a setter per field, and props binding a field.
import { useState } from 'react';

export function useFields<T extends Record<string, unknown>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const set =
    <K extends keyof T>(key: K) =>
    (value: T[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  /** value, onChange and error for the field of `key` (errors keyed like the API's issues). */
  const bind = <K extends keyof T & string>(key: K, errors: Record<string, string>) => ({
    value: values[key],
    onChange: set(key),
    error: errors[key],
  });
  return { values, set, bind, reset: () => setValues(initial) };
}
