import { describe, expect, it } from 'vitest';
import clusterFile from '../src/stages/entities/model/clusters.json';
import { CLUSTER_GRAINS, clustersOf } from '../src/stages/entities/clusters.js';
import { hashString, wordClusters } from '../src/stages/entities/features.js';

const of = (word: string): number[] | undefined => {
  const c = clustersOf(hashString(word));
  return c ? [...c] : undefined;
};

describe('word clusters table', () => {
  it('has four grains, finest first, and ids inside each grain', () => {
    expect(clusterFile.grains).toEqual([1024, 256, 64, 16]);
    expect(CLUSTER_GRAINS).toBe(4);
    for (const w of ['the', 'london', 'microsoft', 'minister']) {
      const path = of(w)!;
      expect(path).toHaveLength(4);
      path.forEach((id, g) => {
        expect(id).toBeGreaterThanOrEqual(0);
        expect(id).toBeLessThan(clusterFile.grains[g]!);
      });
    }
  });

  it('puts words that behave alike together and apart from others', () => {
    // companies of one kind share a fine cluster; a company and a weekday do not
    expect(of('microsoft')![0]).toBe(of('google')![0]);
    expect(of('tuesday')![0]).toBe(of('wednesday')![0]);
    expect(of('microsoft')![0]).not.toBe(of('tuesday')![0]);
    // a coarser grain is the parent of the finer one: same fine cluster, same path
    expect(of('microsoft')).toEqual(of('google'));
  });

  it('knows frequent words and not made-up ones', () => {
    expect(of('government')).toBeDefined();
    expect(of('qzxvbnmtrw')).toBeUndefined();
  });
});

describe('the clusters the tagger reads', () => {
  it('are those of the lower-case word, whatever the case it is written in', () => {
    expect([...wordClusters('Microsoft')!]).toEqual(of('microsoft'));
    expect([...wordClusters('LONDON')!]).toEqual(of('london'));
  });

  it('are none for a short acronym, which is not the common word its letters spell', () => {
    expect(wordClusters('WHO')).toBeUndefined();
    expect(wordClusters('ITV')).toBeUndefined();
    expect([...wordClusters('Who')!]).toEqual(of('who'));
    // a longer word in capitals (a headline) keeps its clusters
    expect([...wordClusters('SECURITY')!]).toEqual(of('security'));
  });

  it('are none for a word the vectors never had', () => {
    expect(wordClusters('Qzxvbnmtrw')).toBeUndefined();
  });
});
