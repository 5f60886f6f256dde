/**
 * The small part of `twitter-text` (CommonJS, no bundled types) that Varde uses.
 * Import it as a default export: `import twitterText from 'twitter-text'`.
 */
declare module 'twitter-text' {
  export interface ParsedTweet {
    weightedLength: number;
    valid: boolean;
    permillage: number;
    validRangeStart: number;
    validRangeEnd: number;
    displayRangeStart: number;
    displayRangeEnd: number;
  }

  export interface WeightRange {
    start: number;
    end: number;
    weight: number;
  }

  export interface ParseTweetConfig {
    version: number;
    maxWeightedTweetLength: number;
    scale: number;
    defaultWeight: number;
    transformedURLLength: number;
    emojiParsingEnabled?: boolean;
    ranges: WeightRange[];
  }

  export interface UrlEntity {
    url: string;
    indices: [number, number];
  }

  interface TwitterText {
    parseTweet(text: string, config?: ParseTweetConfig): ParsedTweet;
    extractUrls(text: string, options?: { extractUrlsWithoutProtocol?: boolean }): string[];
    extractUrlsWithIndices(text: string, options?: { extractUrlsWithoutProtocol?: boolean }): UrlEntity[];
    configs: { defaults: ParseTweetConfig; version1: ParseTweetConfig; version2: ParseTweetConfig; version3: ParseTweetConfig };
  }

  const twitterText: TwitterText;
  export default twitterText;
}
