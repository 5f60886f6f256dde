/**
 * The part of `vader-sentiment` (a CommonJS bundle without types, a port of VADER) that Varde
 * uses. Import it as a default export: `import vader from 'vader-sentiment'`.
 */
declare module 'vader-sentiment' {
  export interface PolarityScores {
    neg: number;
    neu: number;
    pos: number;
    /** −1 (most negative) … +1 (most positive). */
    compound: number;
  }
  const vader: { SentimentIntensityAnalyzer: { polarity_scores(text: string): PolarityScores } };
  export default vader;
}
