/**
 * @module sweep/where
 * `--where`: a small expression language over parameter names (docs/SWEEP.md), parsed here by
 * recursive descent into a closure tree — never `eval` or `new Function`, no property access, no
 * calls: it can only read the combination's parameters. Numbers, names, + - * / and unary minus,
 * parentheses, one comparison (< <= > >= == !=) between two sums, and/or/not (&& || !). The whole
 * expression must be true or false; a number where a truth value is needed (or the reverse) is an
 * error naming its position, and so is a name that is not a grid parameter.
 */
import { UsageError } from '../errors.ts';

type Params = Record<string, number>;
type Num = { kind: 'num'; eval: (p: Params) => number };
type Bool = { kind: 'bool'; eval: (p: Params) => boolean };
type Node = Num | Bool;

interface Token { text: string; at: number }

/** Most characters a --where expression may have (it is parsed once; this bounds the parser's recursion). */
const MAX_LENGTH = 1000;
/** Most characters of the expression an error message quotes. */
const QUOTE_LENGTH = 80;
const TOKEN = /\s*(\d+(?:\.\d+)?|[A-Za-z_][A-Za-z0-9_]*|<=|>=|==|!=|&&|\|\||[-+*/()<>!])/y;

function tokenize(text: string, fail: (at: number, what: string) => never): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let i = 0;
  while (i < text.length) {
    if (/^\s*$/.test(text.slice(i))) break;
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(text);
    if (!m) {
      const at = i + (/^\s*/.exec(text.slice(i))![0].length);
      fail(at, `unexpected "${text[at]}"`);
    }
    out.push({ text: m[1]!, at: m.index + m[0].length - m[1]!.length });
    i = TOKEN.lastIndex;
  }
  return out;
}

/**
 * Compiles `text` into a test over a combination's params; `names` are the grid's parameters.
 * Errors are UsageErrors naming --where, the character position (1-based) and what was expected.
 */
export function compileWhere(text: string, names: readonly string[]): (params: Params) => boolean {
  // a long expression is quoted by its start only: the message stays readable
  const quoted = text.length > QUOTE_LENGTH ? `${text.slice(0, QUOTE_LENGTH)}…` : text;
  const fail = (at: number, what: string): never => {
    throw new UsageError('USAGE', `--where "${quoted}": ${what} at character ${at + 1}`);
  };
  if (text.length > MAX_LENGTH) fail(MAX_LENGTH, `longer than ${MAX_LENGTH} characters`);
  const tokens = tokenize(text, fail);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const end = (): number => (pos < tokens.length ? tokens[pos]!.at : text.length);
  const take = (...texts: string[]): Token | null => {
    const t = tokens[pos];
    if (t && texts.includes(t.text)) {
      pos++;
      return t;
    }
    return null;
  };
  const num = (n: Node, at: number): Num => (n.kind === 'num' ? n : fail(at, 'a number is needed, not a comparison'));
  const bool = (n: Node, at: number): Bool => (n.kind === 'bool' ? n : fail(at, 'a comparison is needed (e.g. fast < slow), not a number'));

  const orExpr = (): Node => {
    const at = end();
    let left = andExpr();
    for (let op = take('or', '||'); op; op = take('or', '||')) {
      const l = bool(left, at), r = bool(andExpr(), op.at + op.text.length);
      left = { kind: 'bool', eval: (p) => l.eval(p) || r.eval(p) };
    }
    return left;
  };
  const andExpr = (): Node => {
    const at = end();
    let left = notExpr();
    for (let op = take('and', '&&'); op; op = take('and', '&&')) {
      const l = bool(left, at), r = bool(notExpr(), op.at + op.text.length);
      left = { kind: 'bool', eval: (p) => l.eval(p) && r.eval(p) };
    }
    return left;
  };
  const notExpr = (): Node => {
    const op = take('not', '!');
    if (!op) return comparison();
    const inner = bool(notExpr(), op.at + op.text.length);
    return { kind: 'bool', eval: (p) => !inner.eval(p) };
  };
  const comparison = (): Node => {
    const at = end();
    const left = sum();
    const op = take('<', '<=', '>', '>=', '==', '!=');
    if (!op) return left;
    const l = num(left, at), r = num(sum(), end());
    const test = COMPARE[op.text]!;
    const node: Bool = { kind: 'bool', eval: (p) => test(l.eval(p), r.eval(p)) };
    const again = peek();
    if (again && Object.hasOwn(COMPARE, again.text)) fail(again.at, 'comparisons do not chain; join them with "and"');
    return node;
  };
  const sum = (): Node => {
    const at = end();
    let left = product();
    for (let op = take('+', '-'); op; op = take('+', '-')) {
      const l = num(left, at), r = num(product(), end());
      left = op.text === '+' ? { kind: 'num', eval: (p) => l.eval(p) + r.eval(p) } : { kind: 'num', eval: (p) => l.eval(p) - r.eval(p) };
    }
    return left;
  };
  const product = (): Node => {
    const at = end();
    let left = unary();
    for (let op = take('*', '/'); op; op = take('*', '/')) {
      const l = num(left, at), r = num(unary(), end());
      left = op.text === '*' ? { kind: 'num', eval: (p) => l.eval(p) * r.eval(p) } : { kind: 'num', eval: (p) => l.eval(p) / r.eval(p) };
    }
    return left;
  };
  const unary = (): Node => {
    const op = take('-');
    if (!op) return primary();
    const inner = num(unary(), end());
    return { kind: 'num', eval: (p) => -inner.eval(p) };
  };
  const primary = (): Node => {
    const t = peek();
    if (!t) return fail(text.length, 'the expression ends early');
    pos++;
    if (t.text === '(') {
      const inner = orExpr();
      if (!take(')')) fail(end(), 'expected ")"');
      return inner;
    }
    if (/^\d/.test(t.text)) {
      const value = Number(t.text);
      return { kind: 'num', eval: () => value };
    }
    if (/^[A-Za-z_]/.test(t.text) && !KEYWORDS.has(t.text)) {
      if (!names.includes(t.text)) fail(t.at, `"${t.text}" is not a grid parameter (the grid has ${names.join(', ')})`);
      const name = t.text;
      return { kind: 'num', eval: (p) => p[name]! };
    }
    return fail(t.at, `unexpected "${t.text}"`);
  };

  if (tokens.length === 0) fail(0, 'the expression is empty');
  const tree = bool(orExpr(), 0);
  if (pos < tokens.length) fail(tokens[pos]!.at, `unexpected "${tokens[pos]!.text}"`);
  return tree.eval;
}

const KEYWORDS = new Set(['and', 'or', 'not']);
const COMPARE: Record<string, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b, '<=': (a, b) => a <= b, '>': (a, b) => a > b, '>=': (a, b) => a >= b, '==': (a, b) => a === b, '!=': (a, b) => a !== b,
};
