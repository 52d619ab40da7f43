// @mdn/mdn-http-observatory ships JavaScript without types; these are the parts the local scan uses.
declare module '@mdn/mdn-http-observatory' {
  export type ObservatoryTest = {
    result: string;
    pass: boolean;
    scoreModifier: number;
    constructor: { possibleResults?: string[] };
  };
  export type ObservatoryScan = {
    scan: { grade: string; score: number; testsPassed: number; testsQuantity: number };
    tests: Record<string, ObservatoryTest>;
  };
  export function scan(hostname: string): Promise<ObservatoryScan>;
}

declare module '@mdn/mdn-http-observatory/src/grader/grader.js' {
  export function getScoreModifier(expectation: string): number;
}
