// Finds import circles among the TypeScript sources (type-only imports included): prints each
// strongly connected component of the import graph with more than one file (or a file importing
// itself), and exits 1 when there is any. Usage: node scripts/import-cycles.mjs [DIR...]
// (default: server/src client/src).
import * as fs from 'node:fs';
import * as path from 'node:path';

const roots = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['server/src', 'client/src'];

function sources(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

// import … from '…', import '…', export … from '…', import('…'), import x = require('…')
const SPECIFIER = /(?:^|[;\s])(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|(?:^|[;\s])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/gmu;

function stripComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//gu, '').replace(/(^|[^:'"`])\/\/.*$/gmu, '$1');
}

function resolve(from, specifier) {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts'), base.replace(/\.js$/u, '.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const files = roots.flatMap((root) => sources(path.resolve(root)));
const graph = new Map();
for (const file of files) {
  const text = stripComments(fs.readFileSync(file, 'utf8'));
  const targets = new Set();
  for (const m of text.matchAll(SPECIFIER)) {
    const target = resolve(file, m[1] ?? m[2] ?? m[3] ?? m[4]);
    if (target) targets.add(target);
  }
  graph.set(file, [...targets]);
}

// Tarjan's strongly connected components, iteratively.
let index = 0;
const indexOf = new Map();
const low = new Map();
const onStack = new Set();
const stack = [];
const components = [];
for (const start of graph.keys()) {
  if (indexOf.has(start)) continue;
  const work = [[start, 0]];
  indexOf.set(start, index);
  low.set(start, index++);
  stack.push(start);
  onStack.add(start);
  while (work.length > 0) {
    const frame = work[work.length - 1];
    const [node, i] = frame;
    const edges = graph.get(node) ?? [];
    if (i < edges.length) {
      frame[1]++;
      const next = edges[i];
      if (!graph.has(next)) continue;
      if (!indexOf.has(next)) {
        indexOf.set(next, index);
        low.set(next, index++);
        stack.push(next);
        onStack.add(next);
        work.push([next, 0]);
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), indexOf.get(next)));
      continue;
    }
    work.pop();
    if (work.length > 0) {
      const parent = work[work.length - 1][0];
      low.set(parent, Math.min(low.get(parent), low.get(node)));
    }
    if (low.get(node) === indexOf.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      const selfLoop = component.length === 1 && (graph.get(node) ?? []).includes(node);
      if (component.length > 1 || selfLoop) components.push(component);
    }
  }
}

const relative = (f) => path.relative(process.cwd(), f);
if (components.length === 0) {
  console.log(`import-cycles: no import circle among ${files.length} files of ${roots.join(', ')}`);
  process.exit(0);
}
for (const component of components) {
  const members = new Set(component);
  console.log(`import circle of ${component.length} files:`);
  for (const file of component.sort()) {
    const inside = (graph.get(file) ?? []).filter((t) => members.has(t)).map(relative);
    console.log(`  ${relative(file)} → ${inside.join(', ')}`);
  }
}
process.exit(1);
