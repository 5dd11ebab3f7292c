import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { channels } from '../../preload/contract';
import { UNSTORABLE_TEXT_MESSAGE } from '../../preload/contract/text';

const ROOT = resolve(__dirname, '../..');

/** The English template of a say`…` tag or a literal: values become {0}, {1}… */
function templateText(node: ts.TemplateLiteral | ts.StringLiteral): string {
  if (!ts.isTemplateExpression(node)) return node.text;
  return node.head.text + node.templateSpans.map((span, i) => `{${i}}${span.literal.text}`).join('');
}

const isText = (node: ts.Node | undefined): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral =>
  !!node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node));

/** The sentences of one file: say`…` templates, literal messages of AppError, fail() and failure(), CallError literals ({ code, message }) and *_MESSAGE constants. */
function sentencesOf(path: string, add: (text: string) => void): void {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'say') add(templateText(node.template));
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'AppError' && isText(node.arguments?.[1]))
      add(node.arguments[1].text);
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && ['fail', 'failure'].includes(node.expression.text) && isText(node.arguments[1]))
      add(node.arguments[1].text);
    if (ts.isObjectLiteralExpression(node)) {
      const prop = (name: string) => node.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === name);
      const message = prop('message')?.initializer;
      if (prop('code') && isText(message)) add(message.text);
    }
    if (ts.isVariableDeclaration(node) && /_MESSAGE$/.test(node.name.getText()) && isText(node.initializer)) add(node.initializer.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
}

/** The renderer's own refusals: the bridge's, when Clinic Desk does not answer a browser tab. */
const RENDERER_REFUSALS = ['renderer/api/bridge-client.ts'];

/**
 * Every sentence main (and the bridge's client) can refuse with, by the part of the catalogue it
 * belongs in: the main/ folder it is first written in, or "renderer".
 */
export function mainSentences(): Map<string, string> {
  const found = new Map<string, string>();
  const files = (readdirSync(join(ROOT, 'main'), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).sort();
  for (const file of files) {
    const domain = file.split(/[\\/]/)[0]!;
    sentencesOf(join(ROOT, 'main', file), (text) => {
      if (!found.has(text)) found.set(text, domain);
    });
  }
  for (const file of RENDERER_REFUSALS)
    sentencesOf(join(ROOT, file), (text) => {
      if (!found.has(text)) found.set(text, 'renderer');
    });
  return found;
}

type ZodNode = { _zod?: { def: Record<string, unknown> & { error?: (issue: unknown) => unknown; getter?: () => unknown } } };

/** A check's own message: zod keeps a literal one as a function that returns it whatever the issue. */
function wordsOf(error: ((issue: unknown) => unknown) | undefined): string | undefined {
  try {
    const said = error?.({});
    return typeof said === 'string' ? said : undefined;
  } catch {
    return undefined; // a message worded from the issue itself is not the contract's sentence
  }
}

/** Every message the contract's schemas word themselves (zod's own defaults are not ours to word). */
export function contractSentences(): Set<string> {
  const found = new Set<string>([UNSTORABLE_TEXT_MESSAGE]);
  const seen = new Set<unknown>();
  const walk = (value: unknown): void => {
    if (!value || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) return value.forEach(walk);
    const def = (value as ZodNode)._zod?.def;
    if (!def) return Object.values(value).forEach(walk);
    const said = wordsOf(def.error);
    if (said) found.add(said);
    if (def.getter) walk(def.getter());
    Object.values(def).forEach(walk);
  };
  for (const spec of Object.values(channels)) walk(spec.req);
  return found;
}
