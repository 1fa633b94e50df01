// Choose a service by typing part of its name: an accessible combobox over `/services?q=`.
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { kindLabels, serviceSearchQuery, type ServiceSummary } from '../services.js';

export type PickedService = Pick<ServiceSummary, 'id' | 'name' | 'slug' | 'kind' | 'tier'>;

export function ServicePicker({
  label,
  value,
  onChange,
  error,
  exclude,
  hint,
}: {
  label: string;
  value: PickedService | null;
  onChange: (service: PickedService | null) => void;
  error?: string | undefined;
  /** A service not to offer (the one being edited). */
  exclude?: string;
  hint?: string;
}) {
  const id = useId();
  const [text, setText] = useState(value?.name ?? '');
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  useEffect(() => {
    const t = setTimeout(() => setQ(text.trim()), 200);
    return () => clearTimeout(t);
  }, [text]);
  const search = useQuery({ ...serviceSearchQuery(q), enabled: open && q !== '' });
  const options = (search.data?.items ?? []).filter((s) => s.id !== exclude);
  const listId = `${id}-list`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const expanded = open && q !== '';

  const choose = (s: PickedService) => {
    onChange(s);
    setText(s.name);
    setOpen(false);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, options.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && expanded && options[active]) {
      e.preventDefault();
      choose(options[active]);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
    }
  };

  return (
    <div className={`field combobox${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && options[active] ? `${id}-opt-${active}` : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        aria-invalid={error ? true : undefined}
        placeholder="Type to search services"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
          if (value) onChange(null);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" className="combobox__list" hidden={!expanded}>
        {search.isFetching && options.length === 0 ? (
          <li className="combobox__note" role="presentation">
            Searching…
          </li>
        ) : null}
        {!search.isFetching && search.data && options.length === 0 ? (
          <li className="combobox__note" role="presentation">
            No services match “{q}”.
          </li>
        ) : null}
        {options.map((s, i) => (
          <li
            key={s.id}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            className={`combobox__option${i === active ? ' combobox__option--active' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(s)}
          >
            <span className="combobox__name">{s.name}</span>
            <span className="combobox__sub">
              {kindLabels[s.kind]} · Tier {s.tier} · {s.slug}
            </span>
          </li>
        ))}
      </ul>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
