import * as RadixTabs from '@radix-ui/react-tabs';
import { useState, type ReactNode } from 'react';

export interface Tab {
  id: string;
  label: string;
  render(): ReactNode;
}

/**
 * ARIA tabs on Radix: one tab stop for the whole list, arrows (and Home/End) move between tabs
 * and show them at once, the panel is named by its tab. Only the chosen panel is mounted.
 */
export function Tabs({ tabs, label, initial }: { tabs: readonly Tab[]; label: string; initial?: string }) {
  const [selected, setSelected] = useState(initial ?? tabs[0]?.id);
  if (!tabs[0]) return null;
  return (
    <RadixTabs.Root className="ui-tabs" value={selected} onValueChange={setSelected}>
      <RadixTabs.List aria-label={label} className="ui-tablist">
        {tabs.map((t) => (
          // Radix selects on mouse down; a click (assistive technology, tests) must select too.
          <RadixTabs.Trigger key={t.id} value={t.id} onClick={() => setSelected(t.id)}>
            {t.label}
          </RadixTabs.Trigger>
        ))}
      </RadixTabs.List>
      {tabs.map((t) => (
        <RadixTabs.Content key={t.id} value={t.id} className="ui-tabpanel">
          {t.render()}
        </RadixTabs.Content>
      ))}
    </RadixTabs.Root>
  );
}
