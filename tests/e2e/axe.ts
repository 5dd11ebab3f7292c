import axe from 'axe-core';
import type { Frame, Page } from 'playwright-core';

type Axe = typeof axe;

/** Puts axe-core into a frame once per document: a later check of the same document reuses it. */
async function withAxe(frame: Frame): Promise<void> {
  if (await frame.evaluate(() => 'axe' in window)) return;
  await frame.evaluate(axe.source);
  // A page made with setContent, and its srcdoc frames, have no origin for axe's messages to match.
  await frame.evaluate(() => (window as unknown as { axe: Axe }).axe.configure({ allowedOrigins: ['<unsafe_all_origins>'] }));
}

/**
 * axe-core's serious and critical findings on what the page shows now, as readable lines.
 *
 * axe-core itself, run in the page: `@axe-core/playwright` injected it afresh into every frame
 * and opened a blank page to merge the frames' results on every check, which took several times
 * as long as the check. Here axe goes into each frame once per document, and the top frame's run
 * asks the others, as axe does in a browser.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  for (const frame of page.frames()) await withAxe(frame);
  const violations = await page.evaluate(async () => {
    // Only the violations come back: the passes' node lists are most of axe's work and reply.
    const results = await (window as unknown as { axe: Axe }).axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.slice(0, 3).join(', ')}`);
}
