import type { Sentence } from '../../pipeline/doc.js';
import { defineStage } from '../../pipeline/stage.js';
import { sentenceEnds } from './boundaries.js';
import { MAX_SENTENCE_TOKENS, splitLongSentence } from './long.js';

/**
 * Sentences: every block (a line, or a hard-wrapped paragraph) ends a sentence, and
 * inside body blocks terminal punctuation does unless it belongs to an abbreviation.
 * Boilerplate blocks yield no sentences.
 */
export const segmentStage = defineStage({
  name: 'segment',
  requires: ['tokens', 'blocks', 'articles'],
  provides: ['sentences'],
  run(doc) {
    const sentences: Sentence[] = [];
    for (const block of doc.blocks) {
      if (block.kind === 'boilerplate' || block.kind === 'outlet' || block.kind === 'timestamp') continue;
      const ends = block.kind === 'body' ? sentenceEnds(doc.tokens, block.first, block.last) : [block.last - 1];
      let first = block.first;
      for (const sentenceEnd of ends) {
        if (sentenceEnd < first) continue;
        const pieces = sentenceEnd - first + 1 > MAX_SENTENCE_TOKENS ? splitLongSentence(doc.tokens, first, sentenceEnd) : [sentenceEnd];
        if (pieces.length > 1) {
          doc.graph.diagnostic('sentence-too-long', `a sentence of ${sentenceEnd - first + 1} tokens was cut into ${pieces.length} pieces of at most ${MAX_SENTENCE_TOKENS}`, doc.tokens[first]!.start, doc.tokens[sentenceEnd]!.end);
        }
        for (const end of pieces) {
          const a = doc.tokens[first]!;
          const b = doc.tokens[end]!;
          const s: Sentence = { start: a.start, end: b.end, first, last: end + 1 };
          if (block.article) s.article = block.article;
          sentences.push(s);
          first = end + 1;
        }
      }
    }
    doc.sentences = sentences;
    for (const s of sentences) {
      s.ref = doc.graph.addSpan('sentence', s.start, s.end);
      if (s.ref && s.article?.ref) doc.graph.addEdge('partOf', s.ref, s.article.ref);
    }
  },
});
