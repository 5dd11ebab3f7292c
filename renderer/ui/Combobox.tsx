import { Command } from 'cmdk';
import { useId, type ReactNode } from 'react';

/**
 * Search-as-you-type on cmdk: a combobox input over a listbox of options. Arrows (and Home/End)
 * move the highlighted option, Enter or a click takes it, and focus stays in the input the
 * whole time, so the desk never loses its place. The caller filters (main searches patients);
 * the first option is highlighted whenever the results change.
 */
export function Combobox<T>({
  label,
  listLabel,
  query,
  onQueryChange,
  items,
  keyOf,
  render,
  onPick,
  empty,
  hint,
  placeholder,
  className,
  showLabel,
  autoFocus,
}: {
  /** The input's name, for screen readers; `showLabel` shows it above the input too. */
  label: string;
  showLabel?: boolean;
  listLabel: string;
  query: string;
  onQueryChange(query: string): void;
  items: readonly T[];
  keyOf(item: T): string;
  render(item: T): ReactNode;
  onPick(item: T): void;
  /** Shown in the list when there is nothing to pick. */
  empty?: ReactNode;
  hint?: string;
  placeholder?: string;
  className?: string;
  autoFocus?: boolean;
}) {
  const hintId = useId();
  return (
    <Command
      label={label}
      shouldFilter={false}
      loop
      className={['ui-combobox', className].filter(Boolean).join(' ')}
      data-visible-label={showLabel || undefined}
    >
      <Command.Input value={query} onValueChange={onQueryChange} placeholder={placeholder} autoFocus={autoFocus} aria-describedby={hint ? hintId : undefined} />
      {hint && (
        <span id={hintId} className="ui-hint">
          {hint}
        </span>
      )}
      <Command.List label={listLabel}>
        {items.map((item) => (
          <Command.Item key={keyOf(item)} value={keyOf(item)} onSelect={() => onPick(item)}>
            {render(item)}
          </Command.Item>
        ))}
        {empty && <Command.Empty>{empty}</Command.Empty>}
      </Command.List>
    </Command>
  );
}
