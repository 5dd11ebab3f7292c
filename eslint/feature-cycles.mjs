import fs from 'node:fs';
import path from 'node:path';

/**
 * Folder-level import cycles between renderer/features/* (booking → patients → booking), which
 * module-level rules such as import-x/no-cycle miss when the two ends are different files.
 * Type-only imports count too: they couple the folders just the same.
 */
const FEATURES = path.join('renderer', 'features');
const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The feature folder a path lies in, or undefined. */
function featureOf(root, file) {
  const rel = path.relative(path.join(root, FEATURES), file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const [folder, ...rest] = rel.split(path.sep);
  // A file inside a folder, or the folder itself (an import of its index.ts).
  if (rest.length > 0) return folder;
  return folder && fs.existsSync(file) && fs.statSync(file).isDirectory() ? folder : undefined;
}

function* sourceFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (/\.(ts|tsx|mts)$/.test(entry.name)) yield full;
  }
}

/** folder → folder → the files that make that edge, read from disk once per lint run. */
const graphs = new Map();
function diskGraph(root) {
  if (graphs.has(root)) return graphs.get(root);
  const graph = new Map();
  const dir = path.join(root, FEATURES);
  if (fs.existsSync(dir)) {
    for (const file of sourceFiles(dir)) {
      const from = featureOf(root, file);
      for (const m of fs.readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const spec = m[1] ?? m[2];
        if (!spec.startsWith('.')) continue;
        const to = featureOf(root, path.resolve(path.dirname(file), spec));
        if (!to || to === from) continue;
        if (!graph.has(from)) graph.set(from, new Map());
        if (!graph.get(from).has(to)) graph.get(from).set(to, new Set());
        graph.get(from).get(to).add(path.resolve(file));
      }
    }
  }
  graphs.set(root, graph);
  return graph;
}

/** A path of folders from `start` back to `goal`, or undefined. */
function pathBetween(graph, start, goal) {
  const seen = new Set([start]);
  const queue = [[start]];
  while (queue.length > 0) {
    const trail = queue.shift();
    const at = trail[trail.length - 1];
    for (const to of graph.get(at)?.keys() ?? []) {
      if (to === goal) return [...trail, to];
      if (!seen.has(to)) {
        seen.add(to);
        queue.push([...trail, to]);
      }
    }
  }
  return undefined;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'No import cycles between renderer/features/* folders.' },
    schema: [],
    messages: {
      cycle:
        'Import cycle between feature folders: {{cycle}}. Open the other feature through a neutral module (renderer/stores, renderer/lib, the shell’s global dialogs) instead.',
    },
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const self = featureOf(root, file);
    if (!self) return {};
    const edges = [];
    const note = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = featureOf(root, path.resolve(path.dirname(file), spec));
      if (to && to !== self) edges.push({ node, to });
    };
    return {
      ImportDeclaration: note,
      ExportNamedDeclaration: note,
      ExportAllDeclaration: note,
      ImportExpression: note,
      'Program:exit'() {
        const graph = diskGraph(root);
        // Only this file's own imports are reported (as they are now, not as on disk), so each
        // cycle shows on the lines that make it.
        for (const { node, to } of edges) {
          const back = pathBetween(graph, to, self);
          if (back) context.report({ node, messageId: 'cycle', data: { cycle: [self, ...back].join(' → ') } });
        }
      },
    };
  },
};
