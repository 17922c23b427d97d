import { cueAt } from './cues.js';
import { afterDateline } from './phrases.js';
import type { CueShape, SentenceScope, Shape } from './shape.js';
import type { CueScope } from './shapes/cue-site.js';
import { SHAPES } from './shapes/index.js';
import { select, type Candidate } from './select.js';
import type { Attribution, FindContext } from './types.js';

/** The attributions of one sentence, in the order the shapes of the registry found them. */
export function findAttributions(ctx: FindContext, si: number, shapes: readonly Shape[] = SHAPES): Attribution[] {
  const s = ctx.doc.sentences[si]!;
  const scope: SentenceScope = { ctx, s, si, cs: afterDateline(ctx.doc.tokens, s.first, s.last, ctx.lex) };
  const candidates: Candidate[] = [];
  for (let k = 0; k < shapes.length; k++) {
    const shape = shapes[k]!;
    if (shape.level === 'cue') {
      // the run of cue shapes that starts here is read at each cue together
      let end = k;
      while (shapes[end]?.level === 'cue') end++;
      const run = shapes.slice(k, end) as CueShape[];
      for (const att of cueAttributions(scope, run)) candidates.push({ att, shape: run.find((r) => r.id === att.rule) ?? shape });
      k = end - 1;
      continue;
    }
    if (!shape.trigger.within({ ctx, cs: scope.cs, hi: s.last }, s.first, s.last)) continue;
    for (const att of shape.find(scope)) candidates.push({ att: stamped(att, shape), shape });
  }
  return select(candidates, (att) => readsTaken(ctx, att));
}

/** Whether an attribution's words lie in a quotation a quote already written took. */
function readsTaken(ctx: FindContext, att: Attribution): boolean {
  for (const p of att.pieces) {
    for (let t = p.first; t < p.last; t++) {
      const k = ctx.marks.stretchOf[t]!;
      if (k !== -1 && ctx.taken.has(ctx.marks.stretches[k]!)) return true;
    }
  }
  return false;
}

function stamped(att: Attribution, shape: Shape): Attribution {
  return att.rule ? att : { ...att, rule: shape.id };
}

/** The attributions at the reporting cues of a sentence, each cue read by the first cue shape that claims it. */
function cueAttributions(scope: SentenceScope, shapes: readonly CueShape[]): Attribution[] {
  const { ctx, s, cs } = scope;
  const out: Attribution[] = [];
  let zoneEnd = cs;
  for (let i = cs; i < s.last; i++) {
    if (ctx.marks.stretchOf[i] !== -1) continue;
    const cue = cueAt(ctx, i, s.last);
    if (!cue) continue;
    const holder = out.flatMap((a) => a.pieces).find((p) => cue.first >= p.first && cue.first < p.last);
    const nested = holder !== undefined;
    const prior = out.filter((a) => !a.nested).pop();
    const at: CueScope = { ...scope, cue, zoneStart: nested ? cs : zoneEnd, nested, prior: prior?.speaker };
    let att: Attribution | undefined;
    for (const shape of shapes) {
      if (!shape.trigger.at({ ctx, cs, hi: s.last, cue }, cue.first)) continue;
      const got = shape.find(at);
      if (got === undefined) continue;
      if (got) att = stamped(got, shape);
      break;
    }
    // "beamed", "boomed": a cue only where it introduces a quotation
    if (att && cue.kind === 'manner' && !att.pieces.every((p) => p.form === 'direct')) att = undefined;
    // the last word of another attribution's words, after a noun or a name, ends a noun phrase there: it is no cue of
    // the words after them ("Asked whether he would hold a cabinet post, she said …": no cue "post"; "… the United States")
    if (att && holder && holder.last === cue.last && att.pieces.some((p) => p.first >= holder.last) && /^(NOUN|PROPN|ADJ)$/.test(ctx.doc.tokens[cue.first - 1]?.pos ?? '')) att = undefined;
    if (att) {
      out.push(att);
      if (!nested) zoneEnd = Math.max(zoneEnd, cue.last, att.speaker?.[1] ?? 0);
      i = cue.last - 1;
    }
  }
  return out;
}

